package org.xmppcert.xmpp.session;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.xml.Element;

/**
 * The peer did something the protocol does not allow at this point (a header in the wrong
 * namespace, an unexpected element during negotiation, a reply that cannot be understood).
 * Carries the element that shows it, when there is one.
 */
public final class ProtocolViolationException extends XmppException {
    private final transient Element evidence;

    public ProtocolViolationException(String message, Element evidence) {
        super(message);
        this.evidence = evidence;
    }

    /** The offending element, or {@code null}. */
    public Element evidence() {
        return evidence;
    }
}
