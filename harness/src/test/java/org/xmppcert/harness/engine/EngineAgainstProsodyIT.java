package org.xmppcert.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.it.CiServer;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.RosterQuery;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.xml.Element;

/**
 * The engine with its real backend against the CI Prosody, with scenarios of its own (the
 * shipped library grows elsewhere): many two-actor scenarios in parallel on fresh accounts, and
 * a pool whose rosters are put back after a scenario changed them.
 */
class EngineAgainstProsodyIT {
    private static final UniqueId ENGINE = UniqueId.forEngine(Constants.ENGINE_ID);
    private final CiServer prosody = CiServer.prosody();

    /** Alice sends Bob a message; PASS when it arrives, with its body. */
    private static void aliceToBob(ScenarioContext c) throws Exception {
        XmppSession a = c.connect("a", c.account("alice"));
        XmppSession b = c.connect("b", c.account("bob"));
        a.send(Element.builder("message", "jabber:client").attribute("to", b.localJid().toString())
                .attribute("type", "chat").childWithText("body", "jabber:client", "hello " + b.localJid()).build());
        Element got = b.waitFor(e -> e.name().equals("message") && e.child("body", "jabber:client") != null,
                c.replyTimeout(), "alice's message");
        c.judge("R-pass", Status.PASS, "the message arrived", got);
    }

    private EngineTestKit.Builder kit(List<TestScenarios.Scenario> scenarios) {
        return EngineTestKit.engine(new XmppCertTestEngine(TestScenarios.source(scenarios), NetworkBackend::new))
                .configurationParameter(Constants.DOMAIN, prosody.domain())
                .configurationParameter(Constants.HOST, prosody.host())
                .configurationParameter(Constants.PORT, String.valueOf(prosody.port()))
                .configurationParameter(Constants.CAFILE, prosody.caFile().toString())
                .selectors(selectUniqueId(ENGINE));
    }

    private static List<ScenarioResult> results(EngineExecutionResults r) {
        return r.allEvents().reportingEntryPublished().stream().map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.scenarioOf(e).stream()).toList();
    }

    @Test
    void manyScenariosInParallelEachWithFreshAccounts() {
        List<TestScenarios.Scenario> scenarios = IntStream.range(0, 24)
                .mapToObj(i -> TestScenarios.of("alice-to-bob-" + i, "RFC 3921", "R-pass",
                        EngineAgainstProsodyIT::aliceToBob)).toList();
        long start = System.nanoTime();
        EngineExecutionResults r = kit(scenarios).configurationParameter(Constants.REGISTER, "true")
                .configurationParameter(Constants.PARALLEL, "8").execute();
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<ScenarioResult> results = results(r);
        assertThat(results).hasSize(24).allSatisfy(s -> {
            assertThat(s.status()).as(s.id() + ": " + s.message()).isEqualTo(Status.PASS);
            assertThat(s.transcript()).extracting(w -> w.actor()).contains("a", "b");
        });
        assertThat(results.stream().map(s -> s.transcript().toString()).distinct()).hasSize(24);
        r.testEvents().assertStatistics(s -> s.succeeded(24));
        System.out.println("24 two-actor scenarios, 8 at a time, registering: " + ms + " ms; scenario durations "
                + results.stream().map(ScenarioResult::durationMs).toList());
        assertThat(ms).as("parallel, not serialised on one connection").isLessThan(30_000);
    }

    @Test
    void aPoolAccountsRosterIsPutBackAndNoSubscriptionRequestLeftPending() throws Exception {
        String alice = prosody.user();
        String bob = prosody.otherUser();
        Jid stranger = Jid.of("xc-stranger-" + Long.toHexString(System.nanoTime()) + "@" + prosody.domain());
        TestScenarios.Scenario addsAContact = TestScenarios.of("adds-a-contact", "RFC 3921", "R-pass", c -> {
            XmppSession a = c.connect("a", c.account("alice"));
            Roster.of(a).add(stranger, "Stranger", List.of("Strangers"));
            a.close(c.replyTimeout());
            // Alice offline: Bob's request waits on the server for her next login (RFC 6121 §3.1.3).
            XmppSession b = c.connect("b", c.account("bob"));
            b.send(Element.builder("presence", "jabber:client").attribute("to", c.account("alice").jid().toString())
                    .attribute("type", "subscribe").build());
            org.xmppcert.xmpp.ping.Ping.barrier(c.replyTimeout(), b);
            c.judge("R-pass", Status.PASS, "added", Element.of("iq", "jabber:client"));
        });
        EngineExecutionResults r = kit(List.of(addsAContact))
                .configurationParameter(Constants.ACCOUNTS, alice + ":" + prosody.password(alice) + "," + bob + ":"
                        + prosody.password(bob)).execute();
        assertThat(results(r)).singleElement().satisfies(s -> assertThat(s.status()).as(s.message())
                .isEqualTo(Status.PASS));
        try (XmppClient client = new XmppClient()) {
            XmppSession s = new SessionNegotiator(client, ConnectionConfig.builder(Jid.of(alice + "@"
                    + prosody.domain())).password(prosody.password(alice).toCharArray())
                    .host(prosody.host(), prosody.port())
                    .trust(TrustPolicy.caFile(prosody.domain(), prosody.caFile())).build()).negotiate();
            try {
                List<RosterItem> items = Roster.of(s).fetch().map(RosterQuery::items).orElse(List.of());
                assertThat(items).extracting(RosterItem::jid).doesNotContain(stranger);
                s.send(Element.of("presence", "jabber:client"));
                org.xmppcert.xmpp.ping.Ping.barrier(Duration.ofSeconds(10), s);
                assertThat(s.poll(e -> "subscribe".equals(e.attribute("type")))).as("no request left pending")
                        .isEmpty();
            } finally {
                s.close(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void anUnreachableTargetIsReportedAndNothingRuns() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        EngineExecutionResults r = kit(List.of(TestScenarios.of("x", "RFC 3921", "R-pass",
                EngineAgainstProsodyIT::aliceToBob)))
                .configurationParameter(Constants.PORT, String.valueOf(closed))
                .configurationParameter(Constants.REGISTER, "true").execute();
        r.testEvents().assertStatistics(s -> s.skipped(1).started(0));
        assertThat(r.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
                .flatMap(e -> OutcomeChannel.value(e, OutcomeChannel.UNUSABLE).stream()))
                .singleElement().asString().contains("refused");
    }
}
