package org.xmppcert.scenarios.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.run.ScriptedRuns;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * The initial-features scenario against a scripted server: the response header's xml:lang is out
 * of reach of the inbound tamper, so its FAIL is shown here, with the other ids of the scenario.
 */
class InitialFeaturesTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='abc' from='example.org' version='1.0'";

    private static ScenarioOutcome runAgainst(String header, String features) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect("<stream:stream")
                .send(header + features)
                .expect("</stream:stream>")
                .send("</stream:stream>"))) {
            return ScriptedRuns.run(server, new InitialFeatures(), Duration.ofSeconds(3),
                    b -> b.tlsMode(TlsMode.DISABLED));
        }
    }

    @Test
    void conformingFeaturesPass() throws Exception {
        ScenarioOutcome o = runAgainst(HEADER + " xml:lang='en'>", "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
                + "<required/></starttls></stream:features>");
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).hasSize(6).allSatisfy((id, s) -> assertThat(s).isEqualTo(Status.PASS));
    }

    @Test
    void headerWithoutLangAndEarlyBindFail() throws Exception {
        ScenarioOutcome o = runAgainst(HEADER + ">", "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1-PLUS</mechanism></mechanisms>"
                + "</stream:features>");
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(
                Map.entry(InitialFeatures.FEATURES, Status.PASS),
                Map.entry(InitialFeatures.LANG, Status.FAIL),
                Map.entry(InitialFeatures.STARTTLS, Status.FAIL),
                Map.entry(InitialFeatures.NO_BIND, Status.FAIL),
                Map.entry(InitialFeatures.NO_EARLY, Status.FAIL),
                Map.entry(InitialFeatures.NO_PLUS, Status.FAIL));
        assertThat(o.judgements()).allSatisfy(j -> assertThat(j.observed()).isNotNull());
    }
}
