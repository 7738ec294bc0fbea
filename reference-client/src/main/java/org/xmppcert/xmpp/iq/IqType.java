package org.xmppcert.xmpp.iq;

import java.util.Locale;
import java.util.Optional;

/** The four IQ types of RFC 6120 §8.2.3. */
public enum IqType {
    GET, SET, RESULT, ERROR;

    /** The attribute value, e.g. {@code get}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it is a request (get or set), which must be answered. */
    public boolean isRequest() {
        return this == GET || this == SET;
    }

    /** The type named by an attribute value, empty for anything else (including a missing one). */
    public static Optional<IqType> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (IqType t : values()) {
            if (t.value().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
