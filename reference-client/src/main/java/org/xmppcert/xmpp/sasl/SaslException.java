package org.xmppcert.xmpp.sasl;

import java.util.Objects;

/**
 * A SASL exchange cannot go on, seen from the client: the server's data broke a rule, the
 * server failed to prove itself, or this client cannot do what the server asks.
 *
 * <p>This is not the server's {@code <failure/>} (that is {@link SaslFailure}). The
 * {@link Reason} says whose fault it is, which is what a compliance verdict needs: a
 * {@linkplain Reason#isServerFault() server fault} is a FAIL of the server, the others are
 * an ERROR of the run.
 *
 * <p>The message is made only of the reason and a detail written by this package: it never
 * holds a password, a SASL payload or channel-binding data, and no cause from a library is
 * chained because library messages sometimes quote the payload.
 */
public final class SaslException extends Exception {

    /** Why the exchange stopped, and who is to blame. */
    public enum Reason {
        /**
         * The server's base 64 breaks RFC 6120 §6.3.5 item 2 / §13.9.1 (RFC 3920 §6.1
         * rule 5): the client MUST reject it.
         */
        INCORRECT_ENCODING(true),
        /** The server's challenge or success data breaks the mechanism's own syntax. */
        MALFORMED_CHALLENGE(true),
        /**
         * The server sent a challenge, or data with success, where the mechanism defines
         * none (RFC 4422 §5 item 2; e.g. RFC 4422 A.1 for EXTERNAL, RFC 4616 §2 for PLAIN).
         */
        UNEXPECTED_SERVER_DATA(true),
        /**
         * The server reported success before the mechanism's exchange had ended, so it never
         * proved itself (SCRAM: RFC 5802 §5; DIGEST-MD5: RFC 2831 §2.1.3).
         */
        PREMATURE_SUCCESS(true),
        /** Success came without the server's proof (SCRAM {@code v=}, DIGEST-MD5 {@code rspauth}). */
        MISSING_SERVER_PROOF(true),
        /**
         * The server's proof is wrong: RFC 5802 §5 says the client MUST then consider the
         * exchange unsuccessful; likewise RFC 2831 §2.1.3's {@code rspauth}.
         */
        SERVER_PROOF_MISMATCH(true),
        /**
         * The server ended SCRAM with {@code e=} (RFC 5802 §5.1, §7): a legitimate way of
         * reporting failure, not a fault.
         */
        SERVER_ERROR(false),
        /** The server asks for something this client does not implement or accept. */
        UNSUPPORTED(false),
        /** The configured credentials cannot be expressed in this mechanism. */
        UNUSABLE_CREDENTIALS(false);

        private final boolean serverFault;

        Reason(boolean serverFault) {
            this.serverFault = serverFault;
        }

        /** Whether the server broke a rule (a FAIL for the server under test). */
        public boolean isServerFault() {
            return serverFault;
        }
    }

    private final Reason reason;
    private final String detail;

    /**
     * @param reason why the exchange stopped
     * @param detail what exactly, written by the caller: never a password, payload or
     *     channel-binding data, never text copied from the server
     */
    public SaslException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public Reason reason() {
        return reason;
    }

    /** The human-readable detail (already part of {@link #getMessage()}). */
    public String detail() {
        return detail;
    }
}
