package org.xmppcert.xmpp.session;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.xml.XmlStreamError;

/**
 * The peer's data broke XML or XMPP's restrictions (RFC 6120 §11); the session answered with
 * the stream error named here and closed the stream.
 */
public final class MalformedStreamException extends XmppException {
    private final XmlStreamError error;
    private final StreamErrorCondition sent;

    public MalformedStreamException(XmlStreamError error, StreamErrorCondition sent) {
        super("the server sent data that is not acceptable XMPP (" + error + "); closed the stream with <"
                + sent.elementName() + "/>");
        this.error = error;
        this.sent = sent;
    }

    /** What the parser found, with the bytes read just before (to be redacted when shown). */
    public XmlStreamError error() {
        return error;
    }

    /** The stream error condition the session sent in answer. */
    public StreamErrorCondition sentCondition() {
        return sent;
    }
}
