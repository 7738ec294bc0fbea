package org.xmppcert.xmpp.roster;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server answered a roster get or set with an error (RFC 6121 §2.1.4, §2.3.3, §2.5.3): e.g.
 * {@code item-not-found} for deleting an item that is not there, {@code bad-request} or
 * {@code not-acceptable} for a malformed set.
 */
public final class RosterException extends StanzaErrorException {

    public RosterException(String what, Element response) {
        this(what, StanzaError.of(response), response);
    }

    private RosterException(String what, StanzaError error, Element response) {
        super(what + " refused: " + error.describe(), error, response);
    }
}
