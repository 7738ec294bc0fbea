package org.xmppcert.xmpp.privacy;

import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * The server refused a privacy list request (RFC 3921 §10.3–§10.8): {@code item-not-found} for
 * an unknown list, {@code conflict} for a list in use by another resource, {@code bad-request}
 * for a malformed request.
 */
public final class PrivacyException extends XmppException {
    private final StanzaError error;
    private final transient Element response;

    public PrivacyException(String what, StanzaError error, Element response) {
        super(what + " refused: " + error.describe());
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
