package org.xmppcert.xmpp.sasl;

import java.util.Objects;

/**
 * The defined conditions of a SASL {@code <failure/>}.
 *
 * <p>RFC 3920 §6.4 (and its schema, Appendix C.4) defines seven; RFC 6120 §6.5 keeps them
 * and adds four ({@code account-disabled}, {@code credentials-expired},
 * {@code encryption-required}, {@code malformed-request}). There is no
 * {@code bad-protocol} in either. {@link #definedInRfc3920()} tells the two generations apart,
 * which matters when judging a server against Basic Client 2008 (RFC 3920) versus its
 * revision.
 *
 * <p>{@link #UNKNOWN} stands for any other name, and for a {@code <failure/>} with no
 * condition at all (both schemas allow that, RFC 6120 §6.4.5 says MUST include one); the
 * name as received is kept by {@link SaslFailure#conditionName()}. RFC 6120 §6.5: an unknown
 * condition MUST be treated as {@link #NOT_AUTHORIZED}, see {@link #treatedAs()}.
 */
public enum SaslFailureCondition {

    /** Reply to {@code <abort/>}. RFC 3920 §6.4; RFC 6120 §6.5.1. */
    ABORTED("aborted", true),
    /** The account is temporarily disabled. RFC 6120 §6.5.2 only. */
    ACCOUNT_DISABLED("account-disabled", false),
    /** The credentials have expired. RFC 6120 §6.5.3 only. */
    CREDENTIALS_EXPIRED("credentials-expired", false),
    /** The mechanism needs a protected stream (typically TLS). RFC 6120 §6.5.4 only. */
    ENCRYPTION_REQUIRED("encryption-required", false),
    /** The client's base 64 was incorrect. RFC 3920 §6.4; RFC 6120 §6.5.5. */
    INCORRECT_ENCODING("incorrect-encoding", true),
    /** The authzid is malformed or not permitted. RFC 3920 §6.4; RFC 6120 §6.5.6. */
    INVALID_AUTHZID("invalid-authzid", true),
    /** No mechanism, or one the server does not support. RFC 3920 §6.4; RFC 6120 §6.5.7. */
    INVALID_MECHANISM("invalid-mechanism", true),
    /** The request is malformed. RFC 6120 §6.5.8 only. */
    MALFORMED_REQUEST("malformed-request", false),
    /** The mechanism is weaker than server policy allows. RFC 3920 §6.4; RFC 6120 §6.5.9. */
    MECHANISM_TOO_WEAK("mechanism-too-weak", true),
    /** Bad credentials, or an undisclosed failure. RFC 3920 §6.4; RFC 6120 §6.5.10. */
    NOT_AUTHORIZED("not-authorized", true),
    /** A temporary error in the server; try later. RFC 3920 §6.4; RFC 6120 §6.5.11. */
    TEMPORARY_AUTH_FAILURE("temporary-auth-failure", true),
    /**
     * A name neither RFC defines, or no condition element: see the class comment. It has no
     * element name of its own.
     */
    UNKNOWN(null, false);

    private final String elementName;
    private final boolean definedInRfc3920;

    SaslFailureCondition(String elementName, boolean definedInRfc3920) {
        this.elementName = elementName;
        this.definedInRfc3920 = definedInRfc3920;
    }

    /**
     * The condition for a child element name of {@code <failure/>}; {@link #UNKNOWN} for any
     * name that is not defined (names are case-sensitive XML names).
     */
    public static SaslFailureCondition fromElementName(String name) {
        Objects.requireNonNull(name, "name");
        for (SaslFailureCondition condition : values()) {
            if (name.equals(condition.elementName)) {
                return condition;
            }
        }
        return UNKNOWN;
    }

    /**
     * The element name, e.g. {@code not-authorized}.
     *
     * @throws IllegalStateException for {@link #UNKNOWN}, which stands for many names: use
     *     {@link SaslFailure#conditionName()}
     */
    public String elementName() {
        if (elementName == null) {
            throw new IllegalStateException("UNKNOWN has no element name; SaslFailure.conditionName() keeps the received one");
        }
        return elementName;
    }

    /** Whether RFC 3920 §6.4 defines this condition (RFC 6120 §6.5 defines all but {@link #UNKNOWN}). */
    public boolean definedInRfc3920() {
        return definedInRfc3920;
    }

    /** Whether RFC 6120 §6.5 defines this condition. */
    public boolean definedInRfc6120() {
        return this != UNKNOWN;
    }

    /** How a client must act on it: {@link #UNKNOWN} as {@link #NOT_AUTHORIZED} (RFC 6120 §6.5). */
    public SaslFailureCondition treatedAs() {
        return this == UNKNOWN ? NOT_AUTHORIZED : this;
    }
}
