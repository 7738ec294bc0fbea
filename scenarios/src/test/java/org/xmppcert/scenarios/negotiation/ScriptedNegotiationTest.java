package org.xmppcert.scenarios.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.run.ScriptedRuns;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * Negotiation scenarios against scripted servers, for what the inbound tamper of the negative
 * controls cannot show: a header (no element the tamper sees) and a TLS failure the real server
 * never sends.
 */
class ScriptedNegotiationTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='abc' from='example.org' xml:lang='en'";

    private static ScenarioOutcome run(ScriptedServer.Script script, JavaScenario scenario) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(script)) {
            return ScriptedRuns.run(server, scenario, Duration.ofSeconds(2), b -> { });
        }
    }

    @Test
    void aVersionOnTheAnswerToAHeaderWithoutVersionFails() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream").send(HEADER + " version='1.0'>")
                .expect("</stream:stream>").send("</stream:stream>"), new StreamHeaderNoVersion());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(StreamHeaderNoVersion.REQ, Status.FAIL));
        assertThat(o.judgements().get(0).observed()).contains("version='1.0'");
    }

    @Test
    void noVersionOnTheAnswerPasses() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream").send(HEADER + ">")
                .expect("</stream:stream>").send("</stream:stream>"), new StreamHeaderNoVersion());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(StreamHeaderNoVersion.REQ, Status.PASS));
    }

    @Test
    void aTlsFailureThatLeavesTheStreamOpenFails() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream")
                .send(HEADER + " version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>")
                .expect("<starttls")
                .send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
                .expect("</stream:stream>").send("</stream:stream>"), new StartTlsRestart());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(
                Map.entry(StartTlsRestart.ANSWER, Status.PASS),
                Map.entry(StartTlsRestart.FAILURE_CLOSES, Status.FAIL),
                Map.entry(StartTlsRestart.RESTART, Status.NOT_APPLICABLE),
                Map.entry(StartTlsRestart.MECHANISMS, Status.NOT_APPLICABLE));
        assertThat(o.judgements().stream().filter(j -> j.status() == Status.FAIL).findFirst().orElseThrow().observed())
                .contains("failure");
    }

    @Test
    void aTlsFailureFollowedByTheCloseIsAPass() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream")
                .send(HEADER + " version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>")
                .expect("<starttls")
                .send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>").close(), new StartTlsRestart());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsEntry(StartTlsRestart.FAILURE_CLOSES, Status.PASS);
    }

    private static final String PLAIN_AND_STARTTLS = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
            + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>";

    @Test
    void saslRefusedBeforeTlsWithoutRequiredFails() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream").send(HEADER + " version='1.0'>" + PLAIN_AND_STARTTLS)
                .expect("<auth").send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><encryption-required/></failure>")
                .expect("</stream:stream>").send("</stream:stream>"), new TlsRequired());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(TlsRequired.REQUIRED, Status.FAIL));
        assertThat(o.judgements().get(0).observed()).contains("starttls");
    }

    @Test
    void saslAllowedBeforeTlsIsNotApplicable() throws Exception {
        ScenarioOutcome o = run(ScriptedServer.script().expect("<stream:stream").send(HEADER + " version='1.0'>" + PLAIN_AND_STARTTLS)
                .expect("<auth").send("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")
                .expect("<abort").send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><aborted/></failure>")
                .expect("</stream:stream>").send("</stream:stream>"), new TlsRequired());
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(TlsRequired.REQUIRED, Status.NOT_APPLICABLE));
    }
}
