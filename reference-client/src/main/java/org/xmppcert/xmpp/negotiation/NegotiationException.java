package org.xmppcert.xmpp.negotiation;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server's features make the negotiation impossible: no SASL mechanisms after TLS, no
 * resource binding after SASL (RFC 6120 §6.3.3, §7.4), a stream header in the wrong namespace
 * or of an old version (RFC 6120 §4.7.5, §4.8.1).
 */
public final class NegotiationException extends XmppException {
    private final transient Element evidence;

    public NegotiationException(String message, Element evidence) {
        super(message);
        this.evidence = evidence;
    }

    /** The features or header that show it, or {@code null}. */
    public Element evidence() {
        return evidence;
    }
}
