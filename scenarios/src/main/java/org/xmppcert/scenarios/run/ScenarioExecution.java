package org.xmppcert.scenarios.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.transcript.Redactor;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.xml.Element;

/**
 * Runs one scenario against a target: the {@link ScenarioContext} the scenario sees, and the
 * collector of what it produced. Life cycle:
 *
 * <ol>
 *   <li>build it with the target (domain, host, port, trust), the scenario's accounts (already
 *       provisioned) and the base {@link SessionOptions} (reply timeout; an inbound tamper for
 *       negative controls);</li>
 *   <li>{@link #run(ScenarioDefinition)} runs the scenario once, closes every session it opened
 *       (closing handshake, bounded), and returns the {@link ScenarioOutcome}.</li>
 * </ol>
 *
 * <p>Every session's transcript entries are collected with the session name as actor. A FAIL
 * whose evidence is a received stanza marks that stanza's transcript entry as offending. Ids of
 * {@link ScenarioDefinition#judges()} left unjudged are judged ERROR ("not reached" when the
 * scenario stopped on an error). One execution runs one scenario; it is not reusable.
 */
public final class ScenarioExecution implements ScenarioContext {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String domain;
    private final String host;
    private final int port;
    private final TrustPolicy trust;
    private final BiConsumer<Account, ConnectionConfig.Builder> customizer;
    private final Map<String, Account> accounts;
    private final SessionOptions baseOptions;
    private final XmppClient sharedClient;

    private XmppClient client;
    private final AtomicBoolean used = new AtomicBoolean();
    private final List<SessionNegotiator> negotiators = new ArrayList<>();
    private final List<Judgement> judgements = new ArrayList<>();
    private final List<Entry> transcript = new ArrayList<>();
    /** Received elements to their transcript entries, so a FAIL can mark the offending one. */
    private final Map<Element, Entry> received = new IdentityHashMap<>();
    private final Map<String, Entry> lastIn = new LinkedHashMap<>();

    /** One transcript entry; {@code offending} set later by a FAIL. */
    private static final class Entry {
        final long seq = SEQUENCE.incrementAndGet();
        final Instant time;
        final String actor;
        final String direction;
        final String text;
        volatile boolean offending;

        Entry(String actor, TranscriptEntry e) {
            this.time = e.time();
            this.actor = actor;
            this.direction = e.direction().name();
            this.text = e.text();
        }

        WireEntry toWire() {
            return new WireEntry(time, actor, direction, text, offending);
        }
    }

    private ScenarioExecution(Builder b) {
        this.domain = Objects.requireNonNull(b.domain, "domain");
        this.host = b.host;
        this.port = b.port;
        this.trust = b.trust;
        this.customizer = b.customizer;
        this.accounts = Map.copyOf(b.accounts);
        this.baseOptions = b.options;
        this.sharedClient = b.client;
    }

    /** Starts a builder for a target domain. */
    public static Builder builder(String domain) {
        return new Builder(domain);
    }

    /**
     * Runs the scenario and closes its sessions. An exception of the scenario becomes the
     * outcome's error; it is never thrown.
     */
    public ScenarioOutcome run(ScenarioDefinition scenario) {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("a ScenarioExecution runs one scenario; build another");
        }
        long start = System.nanoTime();
        String error = null;
        try {
            scenario.run(this);
        } catch (InterruptedException e) {
            // The caller (a worker being stopped) must still see the interruption.
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception | AssertionError e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            closeAll();
        }
        synchronized (this) {
            Set<String> judged = new LinkedHashSet<>();
            judgements.forEach(j -> judged.add(j.requirement()));
            for (String id : scenario.judges()) {
                if (!judged.contains(id)) {
                    judgements.add(new Judgement(id, Status.ERROR, error != null
                            ? "not reached: the scenario stopped before judging it (" + error + ")"
                            : "not judged: the scenario ended without judging it", null, null));
                }
            }
        }
        return outcome(error, (System.nanoTime() - start) / 1_000_000);
    }

    private synchronized ScenarioOutcome outcome(String error, long durationMs) {
        List<WireEntry> wire = transcript.stream()
                .sorted(Comparator.comparing((Entry e) -> e.time).thenComparingLong(e -> e.seq))
                .map(Entry::toWire).toList();
        return new ScenarioOutcome(judgements, wire, error, durationMs);
    }

    // ------------------------------------------------------------------ ScenarioContext

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public Account account(String name) {
        Account a = accounts.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no account '" + name + "' was provisioned for this scenario (have "
                    + accounts.keySet() + ")");
        }
        return a;
    }

    @Override
    public Duration replyTimeout() {
        return baseOptions.replyTimeout();
    }

    @Override
    public synchronized SessionNegotiator negotiator(String sessionName, Account account,
            Consumer<ConnectionConfig.Builder> tweak) {
        ConnectionConfig.Builder b = ConnectionConfig.builder(account.jid()).password(account.password());
        if (host != null) {
            b.host(host, port);
        }
        if (trust != null) {
            b.trust(trust);
        }
        if (customizer != null) {
            customizer.accept(account, b);
        }
        SessionNegotiator[] negotiator = new SessionNegotiator[1];
        AtomicBoolean tracked = new AtomicBoolean();
        b.sessionOptions(baseOptions.toBuilder().transcriptListener(e -> {
            record(sessionName, e);
            // The first entry is our stream header, written once the negotiator has its session.
            XmppSession s = negotiator[0] == null ? null : negotiator[0].session();
            if (s != null && tracked.compareAndSet(false, true)) {
                track(sessionName, s);
            }
        }).build());
        if (tweak != null) {
            tweak.accept(b);
        }
        SessionNegotiator n = new SessionNegotiator(client(), b.build());
        negotiator[0] = n;
        negotiators.add(n);
        return n;
    }

    @Override
    public XmppSession connect(String sessionName, Account account, String resource) throws XmppException {
        SessionNegotiator n = negotiator(sessionName, account, b -> {
            if (resource != null) {
                b.resource(resource);
            }
        });
        return n.negotiate();
    }

    /**
     * Links the session's received elements to their transcript entries, so that a FAIL naming
     * one marks it. Done for every session of a {@link #negotiator}, at its first transcript entry.
     */
    private void track(String sessionName, XmppSession session) {
        // Listeners run on the I/O thread right after the transcript recorded the element.
        session.addListener(e -> true, e -> {
            synchronized (this) {
                Entry entry = lastIn.get(sessionName);
                if (entry != null) {
                    received.put(e, entry);
                }
            }
        });
    }

    @Override
    public void judge(String requirementId, Status status, String message, Element evidence) {
        judge(requirementId, status, message, null, evidence);
    }

    @Override
    public synchronized void judge(String requirementId, Status status, String message, String expected, Element observed) {
        // Evidence is redacted as the transcript is (a SASL <success/> carries the server's proof):
        // no secret reaches a report, and the evidence reads exactly as its line on the wire.
        judgements.add(new Judgement(requirementId, status, message, expected,
                observed == null ? null : Redactor.redact(observed).toXml()));
        if (status == Status.FAIL && observed != null) {
            Entry e = received.get(observed);
            if (e != null) {
                e.offending = true;
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private synchronized void record(String actor, TranscriptEntry e) {
        Entry entry = new Entry(actor, e);
        transcript.add(entry);
        if (entry.direction.equals("IN")) {
            lastIn.put(actor, entry);
        }
    }

    private synchronized XmppClient client() {
        if (client == null) {
            client = sharedClient != null ? sharedClient : new XmppClient();
        }
        return client;
    }

    /**
     * Closes every session (closing handshake, bounded), then this execution's own client. One
     * session failing to close does not keep the others, or the client, open.
     */
    private void closeAll() {
        List<SessionNegotiator> all;
        synchronized (this) {
            all = List.copyOf(negotiators);
        }
        Duration bound = replyTimeout().compareTo(Duration.ofSeconds(2)) < 0 ? replyTimeout() : Duration.ofSeconds(2);
        try {
            for (SessionNegotiator n : all) {
                XmppSession s = n.session();
                if (s != null && s.isOpen()) {
                    try {
                        s.close(bound);
                    } catch (RuntimeException e) {
                        s.abort();
                    }
                }
            }
        } finally {
            XmppClient own;
            synchronized (this) {
                own = sharedClient == null ? client : null;
            }
            if (own != null) {
                own.close();
            }
        }
    }

    /** Builds a {@link ScenarioExecution}. */
    public static final class Builder {
        private final String domain;
        private String host;
        private int port;
        private TrustPolicy trust;
        private BiConsumer<Account, ConnectionConfig.Builder> customizer;
        private final Map<String, Account> accounts = new LinkedHashMap<>();
        private SessionOptions options = SessionOptions.defaults();
        private XmppClient client;

        private Builder(String domain) {
            this.domain = domain;
        }

        /** Connect here instead of resolving the domain's SRV records (RFC 6120 §3.2). */
        public Builder host(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        /** How the server's certificate is checked. */
        public Builder trust(TrustPolicy trust) {
            this.trust = trust;
            return this;
        }

        /** Any further change to each account's connection configuration (mechanisms, TLS mode…). */
        public Builder configure(BiConsumer<Account, ConnectionConfig.Builder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** An account, under its name in the scenario. */
        public Builder account(Account account) {
            accounts.put(account.name(), account);
            return this;
        }

        /** Several accounts, each under its name in the scenario. */
        public Builder accounts(Map<String, Account> byName) {
            accounts.putAll(byName);
            return this;
        }

        /**
         * The base options of every session: reply timeout, limits, and for negative controls the
         * inbound tamper. Each session adds its own transcript listener.
         */
        public Builder sessionOptions(SessionOptions options) {
            this.options = Objects.requireNonNull(options);
            return this;
        }

        /** A client shared between executions (the caller closes it); by default each execution has its own. */
        public Builder client(XmppClient client) {
            this.client = client;
            return this;
        }

        /** The execution, ready to {@link ScenarioExecution#run run} one scenario. */
        public ScenarioExecution build() {
            return new ScenarioExecution(this);
        }
    }
}
