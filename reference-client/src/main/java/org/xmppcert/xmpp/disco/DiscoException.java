package org.xmppcert.xmpp.disco;

import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorException;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;

/**
 * A disco request answered with an error (XEP-0030 §7): {@code item-not-found} for a JID or
 * JID+node that does not exist, {@code service-unavailable} for an entity that does not support
 * disco or may not say that the target does not exist, {@code feature-not-implemented},
 * {@code forbidden}, {@code not-allowed}… {@link #condition()} says which.
 *
 * <p>The same type carries a refusal the other way: a {@link DiscoNode} throws
 * {@link #refusal(StanzaErrorCondition)} and the responder answers that condition.
 */
public final class DiscoException extends StanzaErrorException {

    public DiscoException(String what, StanzaError error) {
        super(what + " refused: " + error.describe(), error, null);
    }

    /** A refusal for a {@link DiscoNode} to throw: the responder answers this condition. */
    public static DiscoException refusal(StanzaErrorCondition condition) {
        return new DiscoException("the request",
                new StanzaError(condition.usualType(), condition, condition.elementName(), null, null, null, null));
    }
}
