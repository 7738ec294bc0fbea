package org.xmppcert.xmpp.bind;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;

/**
 * The server refused to establish a session (RFC 3921 §3: {@code internal-server-error},
 * {@code forbidden} or {@code conflict}).
 */
public final class SessionEstablishmentException extends StanzaErrorException {

    public SessionEstablishmentException(StanzaError error) {
        super("session establishment failed: " + error.describe(), error, null);
    }
}
