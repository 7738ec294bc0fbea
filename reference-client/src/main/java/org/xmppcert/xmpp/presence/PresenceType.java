package org.xmppcert.xmpp.presence;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code type} of a presence stanza (RFC 3921 §2.2.1, RFC 6121 §4.7.1). Availability has no
 * value on the wire: it is the absence of the attribute ({@link #AVAILABLE}, whose
 * {@link #value()} is {@code null}); there is no {@code type='available'}.
 */
public enum PresenceType {
    /** No {@code type}: the sender is available (RFC 6121 §4.2, §4.4). */
    AVAILABLE,
    UNAVAILABLE,
    SUBSCRIBE,
    SUBSCRIBED,
    UNSUBSCRIBE,
    UNSUBSCRIBED,
    /** A request for current presence; SHOULD be generated only by a server (RFC 6121 §4.3). */
    PROBE,
    ERROR;

    /** The attribute value, e.g. {@code unavailable}; {@code null} for {@link #AVAILABLE}. */
    public String value() {
        return this == AVAILABLE ? null : name().toLowerCase(Locale.ROOT);
    }

    /** Whether it is one of the four subscription types (RFC 6121 §3). */
    public boolean isSubscription() {
        return this == SUBSCRIBE || this == SUBSCRIBED || this == UNSUBSCRIBE || this == UNSUBSCRIBED;
    }

    /**
     * The type named by an attribute value: {@link #AVAILABLE} for {@code null} (no attribute),
     * empty for a value neither RFC defines (which the recipient SHOULD answer with
     * {@code bad-request}, RFC 6121 §4.7.1). {@code available} itself is not defined.
     */
    public static Optional<PresenceType> of(String value) {
        if (value == null) {
            return Optional.of(AVAILABLE);
        }
        for (PresenceType t : values()) {
            if (t != AVAILABLE && t.value().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
