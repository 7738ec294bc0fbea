package org.xmppcert.harness.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.xmppcert.harness.run.AccountProvider;
import org.xmppcert.harness.run.Fixtures;
import org.xmppcert.harness.run.Preflight;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.harness.run.ScenarioRunner;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;
import org.xmppcert.scenarios.catalog.Level;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/** Scenarios that judge without a network, a source over them, and a backend that runs them. */
final class TestScenarios {

    private TestScenarios() {
    }

    /** A scenario whose body is a lambda over the context. */
    record Scenario(String id, String spec, Subject subject, List<String> accounts, List<String> judges,
            ScenarioBody body) implements ScenarioDefinition {
        @Override
        public String title() {
            return "the scenario " + id;
        }

        @Override
        public String source() {
            return "scenarios/test/" + id + ".xml";
        }

        @Override
        public void run(ScenarioContext context) throws Exception {
            body.run(context);
        }
    }

    @FunctionalInterface
    interface ScenarioBody {
        void run(ScenarioContext context) throws Exception;
    }

    /** A scenario judging its one requirement with the status. */
    static Scenario judging(String id, String spec, String requirement, Status status) {
        return new Scenario(id, spec, Subject.SERVER, List.of("alice"), List.of(requirement),
                c -> c.judge(requirement, status, status + " on purpose", Element.of("iq", "jabber:client")));
    }

    static Scenario of(String id, String spec, String requirement, ScenarioBody body) {
        return new Scenario(id, spec, Subject.SERVER, List.of("alice", "bob"), List.of(requirement), body);
    }

    static final List<Requirement> CATALOG = List.of(
            Fixtures.req("R-pass", "RFC 3920", Level.MUST),
            Fixtures.req("R-fail", "RFC 3920", Level.MUST),
            Fixtures.req("R-na", "RFC 3921", Level.MUST),
            Fixtures.req("R-error", "RFC 3921", Level.MUST),
            Fixtures.req("R-warn", "XEP-0138", Level.SHOULD));

    static ScenarioSource source(List<? extends ScenarioDefinition> scenarios) {
        return new ScenarioSource() {
            @Override
            public Profile profile(String id) {
                if (!id.equals(Constants.DEFAULT_PROFILE)) {
                    throw new IllegalArgumentException("unknown profile " + id);
                }
                Profile p = Fixtures.PROFILE;
                return new Profile(Constants.DEFAULT_PROFILE, "Test Profile", p.definedBy(), p.specs());
            }

            @Override
            public List<Requirement> inScope(Profile profile, Subject subject) {
                return CATALOG;
            }

            @Override
            public List<ScenarioDefinition> scenarios() {
                return List.copyOf(scenarios);
            }
        };
    }

    /** A backend whose accounts are made up and whose runner gives scenarios a judging-only context. */
    static Backend backend(Software software, String unusable) {
        return new Backend() {
            @Override
            public Software preflight() throws Preflight.TargetUnusableException {
                if (unusable != null) {
                    throw new Preflight.TargetUnusableException(unusable, null);
                }
                return software;
            }

            @Override
            public AccountProvider accounts() {
                return (scenarioId, names) -> {
                    List<Account> accounts = names.stream()
                            .map(n -> new Account(n, Jid.of(n + "@test.example"), "pw".toCharArray())).toList();
                    return AccountProvider.Lease.of(accounts, () -> {
                    });
                };
            }

            @Override
            public ScenarioRunner runner() {
                return TestScenarios::run;
            }

            @Override
            public void close() {
            }
        };
    }

    private static ScenarioOutcome run(ScenarioDefinition scenario, List<Account> accounts) {
        List<Judgement> judgements = new ArrayList<>();
        List<WireEntry> transcript = new ArrayList<>();
        ScenarioContext context = new ScenarioContext() {
            @Override
            public String domain() {
                return "test.example";
            }

            @Override
            public Account account(String name) {
                return accounts.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
            }

            @Override
            public SessionNegotiator negotiator(String s, Account a, Consumer<ConnectionConfig.Builder> tweak) {
                throw new UnsupportedOperationException("no network here");
            }

            @Override
            public XmppSession connect(String s, Account a, String resource) throws XmppException {
                throw new UnsupportedOperationException("no network here");
            }

            @Override
            public void judge(String requirementId, Status status, String message, Element evidence) {
                transcript.add(new WireEntry(java.time.Instant.now(), "a", "IN", evidence.toString(), false));
                judgements.add(new Judgement(requirementId, status, message, null, evidence.toString()));
            }

            @Override
            public Duration replyTimeout() {
                return Duration.ofSeconds(1);
            }
        };
        String error = null;
        try {
            scenario.run(context);
        } catch (Exception e) {
            error = e.getMessage();
        }
        return new ScenarioOutcome(judgements, transcript, error, 1);
    }
}
