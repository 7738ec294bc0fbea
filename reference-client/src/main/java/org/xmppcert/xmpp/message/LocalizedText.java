package org.xmppcert.xmpp.message;

import java.util.Objects;

/**
 * One alternative of a message's {@code <body/>} or {@code <subject/>} (RFC 6121 §5.2.3,
 * §5.2.4): its text and the language it is in.
 *
 * @param ownLang the element's own {@code xml:lang}, or {@code null} when it inherits one
 * @param lang the effective language: its own, else the message's, else the stream's
 *        (RFC 6120 §8.1.5, §4.7.4); {@code null} when none of them says
 * @param text the character data, as received (not trimmed)
 */
public record LocalizedText(String ownLang, String lang, String text) {
    public LocalizedText {
        Objects.requireNonNull(text, "text");
    }
}
