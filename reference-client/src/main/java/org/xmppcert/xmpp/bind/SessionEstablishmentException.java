package org.xmppcert.xmpp.bind;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stanza.StanzaError;

/**
 * The server refused to establish a session (RFC 3921 §3: {@code internal-server-error},
 * {@code forbidden} or {@code conflict}).
 */
public final class SessionEstablishmentException extends XmppException {
    private final StanzaError error;

    public SessionEstablishmentException(StanzaError error) {
        super("session establishment failed: " + error.describe());
        this.error = error;
    }

    public StanzaError error() {
        return error;
    }
}
