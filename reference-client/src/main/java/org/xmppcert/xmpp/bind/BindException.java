package org.xmppcert.xmpp.bind;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;

/**
 * The server refused to bind a resource (RFC 6120 §7.6.2): {@code bad-request} for an
 * unacceptable resource, {@code conflict} when it is in use and the server will not override it,
 * {@code not-allowed}, {@code resource-constraint} when the account has too many resources.
 */
public final class BindException extends StanzaErrorException {

    public BindException(StanzaError error) {
        super("resource binding failed: " + error.describe(), error, null);
    }
}
