package org.xmppcert.scenarios.lang;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.model.Scenario;
import org.xmppcert.scenarios.model.Step;
import org.xmppcert.scenarios.model.Template;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.NegotiationReport;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.xml.Element;

/**
 * A scenario of the scenario language, run step by step through a {@link ScenarioContext}
 * (README-scenarios.md gives the semantics; this class is their reference):
 *
 * <ol>
 *   <li>{@code connect}: a fully negotiated session; with {@code presence="true"} initial presence
 *       is sent, a barrier closes the step and presence stanzas queued by then are dropped.</li>
 *   <li>{@code send}, {@code send-raw}: placeholders resolved, then sent.</li>
 *   <li>{@code expect}: the first queued stanza (not ping traffic) matching an alternative PASSes
 *       every judged id. With a barrier, the other open sessions ping the server first, then the
 *       observed one; once its answer is back the queue is checked once more, and nothing
 *       matching is a FAIL. Without a barrier, or when no answer comes, the bound {@code within}
 *       decides: FAIL or ERROR as {@code on-timeout} says.</li>
 *   <li>{@code expect-nothing}: the same barrier; a queued stanza matching the pattern (any
 *       stanza without one) FAILs, else PASS with the barrier's answer as evidence.</li>
 *   <li>{@code require-feature}: offered: its ids PASS; absent: every id of the scenario not yet
 *       judged is NOT_APPLICABLE and the scenario ends.</li>
 *   <li>A step that cannot be judged (stream closed, timeout with {@code on-timeout="error"},
 *       unknown placeholder) records ERROR for its ids and stops the scenario with a
 *       {@link StepError}; the runner marks the ids not reached.</li>
 * </ol>
 *
 * <p>Not thread-safe: a run uses its own state ({@link #run} creates it).
 */
public final class FileScenario implements ScenarioDefinition {

    /** At most this many stanzas are listed as "what came instead" of an expectation. */
    static final int INSTEAD_SHOWN = 5;

    private final Scenario scenario;

    public FileScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public String id() {
        return scenario.id();
    }

    @Override
    public String title() {
        return scenario.title();
    }

    @Override
    public String spec() {
        return scenario.spec();
    }

    @Override
    public Subject subject() {
        return scenario.subject();
    }

    @Override
    public List<String> accounts() {
        return scenario.accounts();
    }

    @Override
    public List<String> judges() {
        return scenario.judges();
    }

    @Override
    public String source() {
        return scenario.source();
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        new Run(context).run();
    }

    @Override
    public String toString() {
        return "FileScenario[" + id() + " from " + source() + "]";
    }

    /** A step could not be judged: the scenario stops (its ids are already judged ERROR). */
    public static final class StepError extends Exception {
        private static final long serialVersionUID = 1L;

        StepError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One run: its sessions, bindings and judged ids. */
    private final class Run {
        private final ScenarioContext ctx;
        private final Bindings bindings;
        private final Map<String, XmppSession> open = new LinkedHashMap<>();
        private final Map<String, NegotiationReport> negotiations = new LinkedHashMap<>();
        private final Set<String> judged = new LinkedHashSet<>();
        private int stepNumber;

        Run(ScenarioContext ctx) {
            this.ctx = ctx;
            this.bindings = new Bindings(ctx.domain());
            for (String name : scenario.accounts()) {
                Account a = ctx.account(name);
                bindings.account(name, a.jid().bare().toString(), a.jid().local().orElse(null));
            }
        }

        void run() throws StepError {
            for (Step step : scenario.steps()) {
                stepNumber++;
                try {
                    if (!execute(step)) {
                        return;
                    }
                } catch (XmppException | RuntimeException e) {
                    String why = "step " + stepNumber + " (" + describe(step) + ") could not be judged: " + e.getMessage();
                    for (String id : step.judges()) {
                        judge(id, Status.ERROR, why, null, null);
                    }
                    throw new StepError(why, e);
                }
            }
        }

        /** Runs one step; false when the scenario ends here (a feature is absent). */
        private boolean execute(Step step) throws XmppException, StepError {
            if (step instanceof Step.Connect c) {
                connect(c);
            } else if (step instanceof Step.Send send) {
                session(send.session()).send(Placeholders.resolve(send.stanza().element(), bindings));
            } else if (step instanceof Step.SendRaw raw) {
                session(raw.session()).sendRaw(bindings.resolve(raw.text()));
            } else if (step instanceof Step.Expect e) {
                expect(e);
            } else if (step instanceof Step.ExpectNothing n) {
                expectNothing(n);
            } else if (step instanceof Step.Disconnect d) {
                XmppSession s = session(d.session());
                open.remove(d.session());
                s.close(closeBound());
            } else if (step instanceof Step.RequireFeature f) {
                return requireFeature(f);
            }
            return true;
        }

        private void connect(Step.Connect c) throws XmppException {
            SessionNegotiator n = ctx.negotiator(c.session(), ctx.account(c.account()), b -> {
                if (c.resource() != null) {
                    b.resource(bindings.resolve(c.resource()));
                }
            });
            XmppSession s = n.negotiate();
            Ping.of(s); // answer the server's pings, as a client should (XEP-0199)
            open.put(c.session(), s);
            negotiations.put(c.session(), n.report());
            bindings.session(c.session(), String.valueOf(s.localJid()));
            if (c.presence()) {
                s.send(Element.of("presence", ScenarioParser.JABBER_CLIENT));
                Barrier.roundTrip(s, ctx.replyTimeout());
                int dropped = 0;
                while (s.poll(e -> e.name().equals("presence")).isPresent()) {
                    dropped++;
                }
                if (dropped > 0) {
                    s.recordEvent("connect: " + dropped + " presence stanza(s) that arrived while going online are not kept for expectations");
                }
            }
        }

        private void expect(Step.Expect e) throws XmppException {
            XmppSession s = session(e.session());
            Duration within = e.within() != null ? e.within() : ctx.replyTimeout();
            long deadline = System.nanoTime() + within.toNanos();
            List<Element> patterns = e.patterns().stream().map(Template::element).toList();
            String expected = patterns.stream().map(Element::toXml).collect(Collectors.joining("\n— or —\n"));
            Map<Element, MatchResult> results = new java.util.IdentityHashMap<>();
            java.util.function.Predicate<Element> matches = st -> {
                if (Barrier.isPingTraffic(st)) {
                    return false;
                }
                MatchResult r = StanzaMatcher.matchAny(patterns, st, e.strict(), bindings::value);
                if (r.matched()) {
                    results.put(st, r);
                }
                return r.matched();
            };
            Element found;
            Element barrierAnswer = null;
            try {
                if (e.barrier()) {
                    pingOthers(e.session(), deadline);
                    Element ping = Barrier.ping(ctx.domain());
                    s.send(ping);
                    Element first = s.waitFor(st -> Barrier.isAnswer(st, ping) || matches.test(st), left(deadline),
                            "a stanza matching the expectation, or the barrier's answer");
                    if (Barrier.isAnswer(first, ping)) {
                        // Closing event: look once more, for what was queued together with the answer.
                        barrierAnswer = first;
                        found = s.poll(matches).orElse(null);
                    } else {
                        found = first; // the answer still to come is ping traffic: never matched
                    }
                } else {
                    found = s.waitFor(matches, left(deadline), "a stanza matching the expectation");
                }
            } catch (ResponseTimeoutException timeout) {
                Optional<Element> late = s.poll(matches);
                if (late.isPresent()) {
                    found = late.get();
                } else {
                    String why = "nothing matching the expectation arrived within " + within;
                    if (e.onTimeout() == Step.OnTimeout.FAIL) {
                        fail(e, s, why, expected, patterns, null);
                        return;
                    }
                    throw timeout;
                }
            } catch (XmppException ended) {
                // The stream ended (e.g. the server closed it with a stream error): nothing more can
                // arrive, so what did arrive is the whole observation. With on-timeout="fail" the
                // author declared that missing the expected stanza violates the requirement, so a
                // different element that came instead (say, a stream error with another condition)
                // is a FAIL with that element as evidence; with nothing at all it stays an ERROR.
                Optional<Element> late = s.poll(matches);
                if (late.isPresent()) {
                    found = late.get();
                } else if (e.onTimeout() == Step.OnTimeout.FAIL && !peek(s, st -> true).isEmpty()) {
                    fail(e, s, "the stream ended (" + ended.getMessage() + ") and nothing matching the expectation had arrived",
                            expected, patterns, null);
                    return;
                } else {
                    throw ended;
                }
            }
            if (found == null) {
                fail(e, s, "the server answered the barrier ping and nothing matching the expectation had arrived",
                        expected, patterns, barrierAnswer);
                return;
            }
            MatchResult r = results.containsKey(found) ? results.get(found)
                    : StanzaMatcher.matchAny(patterns, found, e.strict(), bindings::value);
            bindings.captures(r.captures());
            for (String id : e.judges()) {
                judge(id, Status.PASS, "received the expected stanza", expected, found);
            }
        }

        /**
         * Judges every id of the expectation FAIL. The evidence is the first stanza that came
         * instead; when nothing did, the barrier's answer, which shows the server had handled
         * everything before it without sending the expected stanza (RFC 6120 §10.1).
         */
        private void fail(Step.Expect e, XmppSession s, String why, String expected, List<Element> patterns,
                Element barrierAnswer) {
            List<Element> instead = peek(s, st -> true);
            Element offending = instead.isEmpty() ? barrierAnswer : instead.get(0);
            String message = why + (instead.isEmpty() ? "; nothing else arrived"
                    + (barrierAnswer != null ? " before the barrier's answer (the evidence)" : "")
                    : "; came instead (" + instead.size() + (instead.size() == INSTEAD_SHOWN ? " or more" : "") + "): "
                    + instead.stream().map(Element::toXml).collect(Collectors.joining(" ")));
            if (!instead.isEmpty()) {
                List<String> why2 = new ArrayList<>();
                for (Element p : patterns) {
                    MatchResult r = StanzaMatcher.match(p, offending, e.strict(), bindings::value);
                    why2.add((patterns.size() > 1 ? "alternative " + (why2.size() + 1) + ": " : "") + r.difference());
                }
                message += "; the first differs from the expectation: " + String.join(" / ", why2);
            }
            for (String id : e.judges()) {
                judge(id, Status.FAIL, message, expected, offending);
            }
        }

        private void expectNothing(Step.ExpectNothing n) throws XmppException {
            XmppSession s = session(n.session());
            long deadline = System.nanoTime() + ctx.replyTimeout().toNanos();
            pingOthers(n.session(), deadline);
            Element answer = Barrier.roundTrip(s, left(deadline));
            Element pattern = n.pattern() == null ? null : n.pattern().element();
            String expected = pattern == null ? "no stanza at all" : "nothing matching " + pattern.toXml();
            List<Element> unwanted = peek(s, st -> pattern == null
                    || StanzaMatcher.match(pattern, st, false, bindings::value).matched());
            if (unwanted.isEmpty()) {
                for (String id : n.judges()) {
                    judge(id, Status.PASS, "the server answered the barrier ping and " + expected + " had arrived", expected, answer);
                }
            } else {
                for (String id : n.judges()) {
                    judge(id, Status.FAIL, "expected " + expected + " before the barrier's answer, but received "
                            + unwanted.get(0).toXml(), expected, unwanted.get(0));
                }
            }
        }

        private boolean requireFeature(Step.RequireFeature f) throws StepError {
            session(f.session());
            NegotiationReport report = negotiations.get(f.session());
            Optional<StreamFeatures> features = report == null ? Optional.empty() : report.stages().stream()
                    .filter(st -> st.name().equals(f.stage())).map(NegotiationReport.Stage::features).findFirst();
            String what = "<" + f.name() + " xmlns='" + f.namespace() + "'/> " + f.stage();
            if (features.isPresent() && features.get().has(f.name(), f.namespace())) {
                for (String id : f.judges()) {
                    judge(id, Status.PASS, "the server offers the stream feature " + what, what, features.get().element());
                }
                return true;
            }
            String why = "the server does not offer the stream feature " + what + "; the scenario does not apply";
            for (String id : scenario.judges()) {
                if (!judged.contains(id)) {
                    judge(id, Status.NOT_APPLICABLE, why, what, features.map(StreamFeatures::element).orElse(null));
                }
            }
            return false;
        }

        /** Pings the server from every other open session, so that what they sent has been processed. */
        private void pingOthers(String observed, long deadline) throws XmppException {
            for (Map.Entry<String, XmppSession> other : open.entrySet()) {
                if (!other.getKey().equals(observed) && other.getValue().isOpen()) {
                    try {
                        Barrier.roundTrip(other.getValue(), left(deadline));
                    } catch (XmppException e) {
                        // The other stream ended meanwhile (e.g. the server closed it with a stream
                        // error the scenario provoked, such as invalid-from, RFC 3920 §9.1.2): nothing
                        // it sent is still in flight, so it needs no barrier. A live one that fails is
                        // the harness's problem and stays an error.
                        if (other.getValue().isOpen()) {
                            throw e;
                        }
                    }
                }
            }
        }

        /** The queued stanzas that satisfy the predicate, ping traffic excepted, left in the queue. */
        private List<Element> peek(XmppSession s, java.util.function.Predicate<Element> which) {
            List<Element> seen = new ArrayList<>();
            s.poll(st -> {
                if (seen.size() < INSTEAD_SHOWN && !Barrier.isPingTraffic(st) && which.test(st)) {
                    seen.add(st);
                }
                return false;
            });
            return seen;
        }

        private XmppSession session(String name) {
            XmppSession s = open.get(name);
            if (s == null) {
                throw new IllegalStateException("the session '" + name + "' is not connected");
            }
            return s;
        }

        private void judge(String id, Status status, String message, String expected, Element observed) {
            judged.add(id);
            ctx.judge(id, status, message, expected, observed);
        }

        private Duration closeBound() {
            return ctx.replyTimeout().compareTo(Duration.ofSeconds(2)) < 0 ? ctx.replyTimeout() : Duration.ofSeconds(2);
        }

        private String describe(Step step) {
            String kind = step.getClass().getSimpleName();
            return kind + (step.session() == null ? "" : " on session " + step.session());
        }
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
    }
}
