package org.xmppcert.xmpp.register;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;

/**
 * The server refused a registration request (XEP-0077 §3.1: {@code conflict} for a taken
 * username, {@code not-acceptable} for missing fields; §3.2 for cancellation).
 */
public final class RegistrationException extends StanzaErrorException {

    public RegistrationException(String what, StanzaError error) {
        super(what + " refused: " + error.describe(), error, null);
    }
}
