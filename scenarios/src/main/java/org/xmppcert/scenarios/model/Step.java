package org.xmppcert.scenarios.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One step of a scenario, run in document order. */
public sealed interface Step {

    /** The session the step acts on, or {@code null} for steps that act on none. */
    String session();

    /** The requirement ids this step judges; empty for steps that only act. */
    default List<String> judges() {
        return List.of();
    }

    /**
     * Opens a fully negotiated session for an account (TLS, SASL, binding), optionally available.
     *
     * @param resource the resource to request, or {@code null} for a server-generated one
     * @param presence whether to send initial presence (and wait for the server's reflection)
     */
    record Connect(String session, String account, String resource, boolean presence) implements Step {
        public Connect {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Sends one stanza. */
    record Send(String session, Template stanza) implements Step {
    }

    /** Sends text as it is (placeholders resolved), for data a conforming client never sends. */
    record SendRaw(String session, String text) implements Step {
    }

    /**
     * Waits for a stanza that matches one of the patterns (alternatives the specification allows,
     * such as two acceptable error conditions).
     *
     * @param within the bound, or {@code null} for the run's reply timeout
     * @param barrier whether "not yet" may be closed by a ping round trip to the server (RFC 6120
     *        §10.1): true for what the server itself must answer
     * @param strict whether extra attributes and children fail the match
     * @param onTimeout what running out of time means when no barrier closes the wait
     */
    record Expect(String session, List<Template> patterns, List<String> judges, Duration within, boolean barrier,
            boolean strict, OnTimeout onTimeout) implements Step {
        public Expect {
            patterns = List.copyOf(patterns);
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("an expectation needs at least one pattern");
            }
            judges = List.copyOf(judges);
        }
    }

    /**
     * Checks that nothing (matching the pattern, when given) arrived, closed by a ping round trip
     * to the server, never by a fixed wait.
     *
     * @param pattern what must not arrive, or {@code null} for "no stanza at all"
     */
    record ExpectNothing(String session, Template pattern, List<String> judges) implements Step {
        public ExpectNothing {
            judges = List.copyOf(judges);
        }
    }

    /** Closes a session with the closing handshake. */
    record Disconnect(String session) implements Step {
    }

    /**
     * Ends the scenario as NOT_APPLICABLE for its requirements when the server does not offer a
     * stream feature at the given stage of the session's negotiation.
     *
     * @param stage {@code initial}, {@code after TLS} or {@code after SASL}
     */
    record RequireFeature(String session, String stage, String name, String namespace, List<String> judges)
            implements Step {
        public RequireFeature {
            judges = List.copyOf(judges);
        }
    }

    /** What an expectation that runs out of time means. */
    enum OnTimeout {
        /** The harness could not judge: ERROR. */
        ERROR,
        /** The silence itself violates the requirement: FAIL. */
        FAIL
    }
}
