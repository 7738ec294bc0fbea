package org.xmppcert.xmpp.subscription;

import java.util.Optional;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.presence.PresenceType;
import org.xmppcert.xmpp.xml.Element;

/**
 * The four subscription-related presence types (RFC 3921 §6, RFC 6121 §3), with their meaning
 * for the sender.
 */
public enum SubscriptionAction {
    /** Asks for a subscription to the recipient's presence (RFC 6121 §3.1). */
    SUBSCRIBE(PresenceType.SUBSCRIBE),
    /** Approves the recipient's subscription request, or pre-approves one (RFC 6121 §3.1.4, §3.4). */
    SUBSCRIBED(PresenceType.SUBSCRIBED),
    /** Ends the sender's subscription to the recipient's presence (RFC 6121 §3.3). */
    UNSUBSCRIBE(PresenceType.UNSUBSCRIBE),
    /**
     * Denies a request, cancels a granted subscription or a pre-approval (RFC 6121 §3.2,
     * RFC 3921 §6.2–§6.3).
     */
    UNSUBSCRIBED(PresenceType.UNSUBSCRIBED);

    private final PresenceType type;

    SubscriptionAction(PresenceType type) {
        this.type = type;
    }

    public PresenceType presenceType() {
        return type;
    }

    /** The attribute value, e.g. {@code subscribe}. */
    public String value() {
        return type.value();
    }

    /** The action of a presence type, empty for the non-subscription types. */
    public static Optional<SubscriptionAction> of(PresenceType type) {
        for (SubscriptionAction a : values()) {
            if (a.type == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The stanza, step by step: {@code <presence type='…' to='…' id='…'/>}. RFC 6121 §3.1.1 and
     * §3.1.4 ask for an {@code id} (SHOULD) and for the bare JID of the contact; this builder
     * sends what it is given, so a scenario can also send a full JID.
     *
     * @param id the id, {@code null} for none
     */
    public Element stanza(Jid to, String id) {
        return Presence.builder(type).to(to).id(id).build();
    }
}
