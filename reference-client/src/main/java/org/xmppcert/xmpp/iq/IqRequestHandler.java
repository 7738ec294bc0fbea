package org.xmppcert.xmpp.iq;

import org.xmppcert.xmpp.xml.Element;

/**
 * Answers one kind of IQ request. Runs on the I/O thread: it must not block (no waiting for
 * other stanzas).
 */
@FunctionalInterface
public interface IqRequestHandler {
    /**
     * @param request the incoming get or set
     * @return the response to send, built with {@link Iq#result} or {@link Iq#error}
     */
    Element handle(Element request);
}
