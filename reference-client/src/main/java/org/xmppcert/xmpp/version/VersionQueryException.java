package org.xmppcert.xmpp.version;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/** A software version query was answered with an IQ error (e.g. {@code service-unavailable}). */
public final class VersionQueryException extends XmppException {
    private final StanzaError error;
    private final transient Element response;

    public VersionQueryException(String target, StanzaError error, Element response) {
        super("software version query to " + target + " answered with an error: " + error.describe());
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
