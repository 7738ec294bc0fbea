package org.xmppcert.xmpp.sasl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link MechanismSelector} decided, and why: the offer, the eligible mechanisms in the
 * client's order (the first is chosen, the others are fallbacks for RFC 6120 §6.4.5), and a
 * {@link Consideration} for every mechanism on the client's list and every offered name.
 * Holds no credentials.
 *
 * @param offered the server's mechanism names, in its order, duplicates removed
 * @param candidates the eligible mechanisms, most preferred first
 * @param considerations one entry per mechanism looked at
 */
public record Selection(List<String> offered, List<String> candidates, List<Consideration> considerations) {

    /** Why a mechanism was or was not chosen. */
    public enum Decision {
        CHOSEN("chosen: the most preferred eligible mechanism"),
        FALLBACK("eligible, less preferred: a fallback (RFC 6120 §6.4.5)"),
        NOT_OFFERED("not offered by the server"),
        NO_CLIENT_CERTIFICATE("no client certificate was presented (RFC 6120 §6.3.4, XEP-0178)"),
        NO_CHANNEL_BINDING("the TLS layer gave no channel binding (RFC 5802 §6)"),
        NO_PASSWORD("the credentials have no password"),
        CLEARTEXT_NOT_ALLOWED("PLAIN without TLS; the caller did not allow cleartext (RFC 6120 §13.8.3)"),
        TLS_NOT_VERIFIED("PLAIN over TLS without full certificate validation (RFC 6120 §13.8.3, §13.7.2.1)"),
        ANONYMOUS_NOT_REQUESTED("ANONYMOUS was not asked for and there are credentials"),
        NOT_IN_PREFERENCE_ORDER("offered, but not on the client's list (RFC 6120 §6.3.3: MUST NOT try it)"),
        NOT_SUPPORTED("offered, unknown to this client: ignored"),
        INVALID_NAME("offered, not a valid mechanism name (RFC 4422 §3.1): ignored");

        private final String explanation;

        Decision(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    /** One mechanism and what was decided about it. */
    public record Consideration(String mechanism, Decision decision) {
        public Consideration {
            Objects.requireNonNull(mechanism, "mechanism");
            Objects.requireNonNull(decision, "decision");
        }
    }

    public Selection {
        offered = List.copyOf(offered);
        candidates = List.copyOf(candidates);
        considerations = List.copyOf(considerations);
    }

    /** The mechanism to try first; empty when nothing offered is acceptable. */
    public Optional<String> chosen() {
        return candidates.stream().findFirst();
    }

    /** The decision about one mechanism, if it was looked at. */
    public Optional<Decision> decisionFor(String mechanism) {
        return considerations.stream().filter(c -> c.mechanism().equals(mechanism))
                .map(Consideration::decision).findFirst();
    }

    /**
     * A fresh mechanism instance for one of the {@link #candidates()}.
     *
     * @throws IllegalArgumentException if the name is not a candidate
     */
    public SaslMechanism newMechanism(String name, SaslCredentials credentials) {
        if (!candidates.contains(name)) {
            throw new IllegalArgumentException(name + " is not a candidate of this selection");
        }
        switch (name) {
            case "EXTERNAL":
                return credentials.authzid().map(External::new).orElseGet(External::new);
            case "SCRAM-SHA-1-PLUS":
                return ScramSha1.plus(credentials);
            case "SCRAM-SHA-1":
                return ScramSha1.nonPlus(credentials, offered);
            case "DIGEST-MD5":
                return new DigestMd5(credentials);
            case "PLAIN":
                return new Plain(credentials);
            case "ANONYMOUS":
                return new Anonymous();
            default:
                throw new IllegalStateException("no factory for " + name);
        }
    }

    /** The chosen mechanism, instantiated; empty when nothing could be chosen. */
    public Optional<SaslMechanism> newMechanism(SaslCredentials credentials) {
        return chosen().map(name -> newMechanism(name, credentials));
    }

    /** A few lines for a report: the offer, the choice, and the reason for each mechanism. */
    public String explain() {
        return "offered: " + (offered.isEmpty() ? "(nothing)" : String.join(" ", offered)) + "\n"
                + "chosen: " + chosen().orElse("(none)") + "\n"
                + considerations.stream()
                        .map(c -> "  " + c.mechanism() + ": " + c.decision().explanation())
                        .collect(Collectors.joining("\n"));
    }
}
