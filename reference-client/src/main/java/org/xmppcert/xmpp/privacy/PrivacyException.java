package org.xmppcert.xmpp.privacy;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server refused a privacy list request (RFC 3921 §10.3–§10.8): {@code item-not-found} for
 * an unknown list, {@code conflict} for a list in use by another resource, {@code bad-request}
 * for a malformed request.
 */
public final class PrivacyException extends StanzaErrorException {

    public PrivacyException(String what, StanzaError error, Element response) {
        super(what + " refused: " + error.describe(), error, response);
    }
}
