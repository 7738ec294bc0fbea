package org.xmppcert.xmpp.stanza;

import java.util.Optional;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.xml.Element;

/**
 * A request answered with a stanza error (RFC 6120 §8.3): the typed error, its condition, and
 * the whole answer for a report. Each protocol has its own subclass, so that a caller can catch
 * "binding refused" apart from "privacy list refused".
 */
public class StanzaErrorException extends XmppException {
    private final StanzaError error;
    private final transient Element response;

    public StanzaErrorException(String message, StanzaError error, Element response) {
        super(message);
        this.error = error;
        this.response = response;
    }

    /** The error as received. */
    public StanzaError error() {
        return error;
    }

    /** The defined condition, {@link StanzaErrorCondition#UNKNOWN} when none matched. */
    public StanzaErrorCondition condition() {
        return error.condition();
    }

    /** The whole error stanza, when the caller kept it. */
    public Optional<Element> response() {
        return Optional.ofNullable(response);
    }
}
