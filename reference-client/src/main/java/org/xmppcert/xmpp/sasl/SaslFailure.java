package org.xmppcert.xmpp.sasl;

import java.util.Objects;
import java.util.Optional;

/**
 * The server's {@code <failure/>} (RFC 3920 §6.2 and §6.4; RFC 6120 §6.4.5 and §6.5): its
 * condition, and the optional {@code <text/>} with its {@code xml:lang}. The session layer
 * builds it from the element and throws it.
 *
 * <p>The message holds the condition name only. The {@code <text/>} is kept out of it on
 * purpose: it is free text from the server, and a careless server may echo what the client
 * sent (a password, with PLAIN). Read it through {@link #text()}.
 */
public final class SaslFailure extends Exception {

    private final SaslFailureCondition condition;
    private final String conditionName;
    private final String text;
    private final String textLanguage;

    private SaslFailure(String conditionName, String text, String textLanguage) {
        super(message(conditionName));
        this.conditionName = conditionName;
        this.condition = conditionName == null ? SaslFailureCondition.UNKNOWN
                : SaslFailureCondition.fromElementName(conditionName);
        this.text = text;
        this.textLanguage = textLanguage;
    }

    /**
     * @param conditionName local name of the condition child element as received, or
     *     {@code null} when the {@code <failure/>} had none
     * @param text content of {@code <text/>}, or {@code null}
     * @param textLanguage its {@code xml:lang}, or {@code null}
     */
    public static SaslFailure of(String conditionName, String text, String textLanguage) {
        return new SaslFailure(conditionName, text, textLanguage);
    }

    /** A failure with a defined condition and no text (handy for tests and the mock server). */
    public static SaslFailure of(SaslFailureCondition condition) {
        return new SaslFailure(Objects.requireNonNull(condition, "condition").elementName(), null, null);
    }

    public SaslFailureCondition condition() {
        return condition;
    }

    /** The condition element's name as received; empty when the failure had no condition. */
    public Optional<String> conditionName() {
        return Optional.ofNullable(conditionName);
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public Optional<String> textLanguage() {
        return Optional.ofNullable(textLanguage);
    }

    private static String message(String conditionName) {
        if (conditionName == null) {
            return "SASL failure without a condition (RFC 6120 §6.4.5 requires one; treated as not-authorized)";
        }
        if (SaslFailureCondition.fromElementName(conditionName) == SaslFailureCondition.UNKNOWN) {
            return "SASL failure with an undefined condition <" + conditionName
                    + "/> (treated as not-authorized, RFC 6120 §6.5)";
        }
        return "SASL failure: " + conditionName;
    }
}
