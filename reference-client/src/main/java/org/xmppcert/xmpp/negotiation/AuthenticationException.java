package org.xmppcert.xmpp.negotiation;

import java.util.Optional;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.sasl.SaslException;
import org.xmppcert.xmpp.sasl.SaslFailure;
import org.xmppcert.xmpp.sasl.SaslFailureCondition;

/** SASL authentication did not succeed (RFC 6120 §6.4). */
public final class AuthenticationException extends XmppException {

    /** What went wrong. */
    public enum Kind {
        /** The server answered with {@code <failure/>} (RFC 6120 §6.4.5, §6.5). */
        FAILED,
        /** No offered mechanism is usable with these credentials and this stream's security. */
        NO_USABLE_MECHANISM,
        /** The server's SASL data was wrong (a bad server signature, bad base64, …). */
        BAD_SERVER_DATA
    }

    private final Kind kind;
    private final SaslFailure failure;

    public AuthenticationException(Kind kind, String message, SaslFailure failure, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.failure = failure;
    }

    static AuthenticationException failed(String mechanism, SaslFailure failure) {
        String name = failure.conditionName().orElse("(no condition)");
        return new AuthenticationException(Kind.FAILED, "authentication with " + mechanism + " failed: " + name,
                failure, null);
    }

    static AuthenticationException badServerData(String mechanism, SaslException e) {
        return new AuthenticationException(Kind.BAD_SERVER_DATA, "the server's " + mechanism + " data is wrong: "
                + e.getMessage(), null, e);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's failure, for {@link Kind#FAILED}. */
    public Optional<SaslFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The failure condition, for {@link Kind#FAILED}. */
    public Optional<SaslFailureCondition> condition() {
        return failure().map(SaslFailure::condition);
    }
}
