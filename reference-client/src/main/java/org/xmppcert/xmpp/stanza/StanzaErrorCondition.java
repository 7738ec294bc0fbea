package org.xmppcert.xmpp.stanza;

import java.util.Locale;

/**
 * The defined stanza error conditions of RFC 6120 §8.3.3, plus {@code payment-required} which
 * only RFC 3920 §9.3.3 defines. An unknown condition is {@link #UNKNOWN}, which RFC 6120 §8.3.2
 * says to treat as {@code undefined-condition}; the raw name stays on the {@link StanzaError}.
 */
public enum StanzaErrorCondition {
    BAD_REQUEST("modify"),
    CONFLICT("cancel"),
    FEATURE_NOT_IMPLEMENTED("cancel"),
    FORBIDDEN("auth"),
    GONE("cancel"),
    INTERNAL_SERVER_ERROR("cancel"),
    ITEM_NOT_FOUND("cancel"),
    JID_MALFORMED("modify"),
    NOT_ACCEPTABLE("modify"),
    NOT_ALLOWED("cancel"),
    NOT_AUTHORIZED("auth"),
    /** RFC 3920 §9.3.3 only; RFC 6120 removed it. */
    PAYMENT_REQUIRED("auth"),
    /** RFC 6120 §8.3.3.12; not in RFC 3920. */
    POLICY_VIOLATION("modify"),
    RECIPIENT_UNAVAILABLE("wait"),
    REDIRECT("modify"),
    REGISTRATION_REQUIRED("auth"),
    REMOTE_SERVER_NOT_FOUND("cancel"),
    REMOTE_SERVER_TIMEOUT("wait"),
    RESOURCE_CONSTRAINT("wait"),
    SERVICE_UNAVAILABLE("cancel"),
    SUBSCRIPTION_REQUIRED("auth"),
    UNDEFINED_CONDITION(null),
    UNEXPECTED_REQUEST("wait"),
    /** Not defined by either RFC. */
    UNKNOWN(null);

    private final String usualType;

    StanzaErrorCondition(String usualType) {
        this.usualType = usualType;
    }

    /** The element name, e.g. {@code item-not-found}; {@code null} for {@link #UNKNOWN}. */
    public String elementName() {
        return this == UNKNOWN ? null : name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The error type RFC 6120 §8.3.3 recommends for it, or {@code null} when it names none. */
    public String usualType() {
        return usualType;
    }

    /** The condition for an element name, {@link #UNKNOWN} when neither RFC defines it. */
    public static StanzaErrorCondition fromElementName(String name) {
        for (StanzaErrorCondition c : values()) {
            if (c != UNKNOWN && c.elementName().equals(name)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
