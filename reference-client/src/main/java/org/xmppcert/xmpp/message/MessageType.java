package org.xmppcert.xmpp.message;

import java.util.Locale;
import java.util.Optional;

/**
 * The five message types of RFC 6121 §5.2.2 (RFC 3921 §2.1.1). A message without a
 * {@code type}, or with one the receiver does not understand, is {@link #NORMAL}: the receiver
 * "MUST consider the message to be of type normal".
 */
public enum MessageType {
    CHAT, ERROR, GROUPCHAT, HEADLINE, NORMAL;

    /** The attribute value, e.g. {@code chat}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named exactly by an attribute value; empty for a missing or undefined one. */
    public static Optional<MessageType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (MessageType t : values()) {
            if (t.value().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type a receiver must assume for this attribute value: {@link #NORMAL} when missing or undefined. */
    public static MessageType of(String value) {
        return parse(value).orElse(NORMAL);
    }
}
