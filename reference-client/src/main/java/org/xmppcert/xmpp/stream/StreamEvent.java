package org.xmppcert.xmpp.stream;

import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.XmlStreamError;

/** What the {@link XmppStreamCodec} passes up the MINA chain for each thing read from a stream. */
public sealed interface StreamEvent {

    /** The peer's stream header was read. */
    record Opened(StreamHeader header) implements StreamEvent {
    }

    /** A complete first-level element was read. */
    record Received(Element element) implements StreamEvent {
    }

    /** The peer's closing stream tag was read (RFC 6120 §4.4). */
    record Closed() implements StreamEvent {
    }

    /** The peer's data broke XML or XMPP's restrictions; the stream cannot continue. */
    record Malformed(XmlStreamError error) implements StreamEvent {
    }
}
