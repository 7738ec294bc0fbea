package org.xmppcert.xmpp.roster;

import java.util.Optional;

/**
 * The {@code subscription} attribute of a roster item (RFC 3921 §7.1, RFC 6121 §2.1.2.5): the
 * state of the presence subscriptions between the user and the contact, from the user's side,
 * plus {@code remove}, which only a roster set or a roster push may carry.
 *
 * <p>The full nine-state model, with the pending sub-states the attribute does not show, is
 * {@link org.xmppcert.xmpp.subscription.SubscriptionState}.
 */
public enum Subscription {
    /** Neither is subscribed to the other; the default when the attribute is absent. */
    NONE,
    /** The user is subscribed to the contact's presence. */
    TO,
    /** The contact is subscribed to the user's presence. */
    FROM,
    /** Both are subscribed to each other's presence. */
    BOTH,
    /** The item is deleted (a roster set that removes it, or the push that follows). */
    REMOVE;

    /** The attribute value, e.g. {@code both}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the user receives the contact's presence: {@code to} or {@code both}. */
    public boolean userSubscribedToContact() {
        return this == TO || this == BOTH;
    }

    /** Whether the contact receives the user's presence: {@code from} or {@code both}. */
    public boolean contactSubscribedToUser() {
        return this == FROM || this == BOTH;
    }

    /** The value named by an attribute, empty for anything else (including a missing one). */
    public static Optional<Subscription> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Subscription s : values()) {
            if (s.value().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The value a client takes from a roster result: {@code none}, {@code to}, {@code from} or
     * {@code both}; anything else, {@code remove} included, is ignored (RFC 6121 §2.1.2.5), which
     * leaves the default, {@code none}.
     */
    public static Subscription inResult(String value) {
        Subscription s = of(value).orElse(NONE);
        return s == REMOVE ? NONE : s;
    }

    /**
     * The value a client takes from a roster push: the four states or {@code remove}; anything
     * else is ignored (RFC 6121 §2.1.2.5), which leaves the default, {@code none}.
     */
    public static Subscription inPush(String value) {
        return of(value).orElse(NONE);
    }
}
