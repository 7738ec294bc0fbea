package org.xmppcert.xmpp.ping;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;
import org.xmppcert.xmpp.xml.Element;

/**
 * A ping was answered with an IQ error (XEP-0199 §4: {@code service-unavailable} when the
 * namespace is not supported, or another RFC 6120 condition, e.g. for a resource that is not
 * connected, §7).
 */
public final class PingException extends StanzaErrorException {

    public PingException(String target, StanzaError error, Element response) {
        super("ping to " + target + " answered with an error: " + error.describe(), error, response);
    }
}
