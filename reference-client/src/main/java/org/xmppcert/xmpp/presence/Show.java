package org.xmppcert.xmpp.presence;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code <show/>} of an available presence (RFC 3921 §2.2.2.1, RFC 6121 §4.7.2.1): the
 * availability sub-state. No {@code <show/>} means simply available.
 */
public enum Show {
    /** Temporarily away. */
    AWAY,
    /** Actively interested in chatting. */
    CHAT,
    /** Busy: do not disturb. */
    DND,
    /** Away for an extended period. */
    XA;

    /** The element's text, e.g. {@code dnd}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named by the text, empty for anything else. */
    public static Optional<Show> of(String text) {
        for (Show s : values()) {
            if (s.value().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
