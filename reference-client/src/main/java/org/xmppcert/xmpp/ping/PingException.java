package org.xmppcert.xmpp.ping;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * A ping was answered with an IQ error (XEP-0199 §4: {@code service-unavailable} when the
 * namespace is not supported, or another RFC 6120 condition, e.g. for a resource that is not
 * connected, §7).
 */
public final class PingException extends XmppException {
    private final StanzaError error;
    private final transient Element response;

    public PingException(String target, StanzaError error, Element response) {
        super("ping to " + target + " answered with an error: " + error.describe());
        this.error = error;
        this.response = response;
    }

    public StanzaError error() {
        return error;
    }

    public StanzaErrorCondition condition() {
        return error.condition();
    }

    /** The whole IQ error, for the report. */
    public Element response() {
        return response;
    }
}
