package org.xmppcert.xmpp.version;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;
import org.xmppcert.xmpp.xml.Element;

/** A software version query was answered with an IQ error (e.g. {@code service-unavailable}). */
public final class VersionQueryException extends StanzaErrorException {

    public VersionQueryException(String target, StanzaError error, Element response) {
        super("software version query to " + target + " answered with an error: " + error.describe(), error, response);
    }
}
