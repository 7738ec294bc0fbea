package org.xmppcert.scenarios.builtin;

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
 * The stream-header scenario against a scripted server: its negative control, since no inbound
 * tamper can change a stream header (see BuiltinControls).
 */
class StreamHeaderServerTest {

    private static ScenarioOutcome runAgainst(String header) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect("<stream:stream")
                .send(header + "<stream:features/>")
                .expect("</stream:stream>")
                .send("</stream:stream>"))) {
            return ScriptedRuns.run(server, new StreamHeaderServer(), Duration.ofSeconds(3),
                    b -> b.tlsMode(TlsMode.DISABLED));
        }
    }

    @Test
    void conformingHeaderPasses() throws Exception {
        ScenarioOutcome o = runAgainst("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' id='abc' from='example.org' version='1.0'>");
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(StreamHeaderServer.ID, Status.PASS),
                Map.entry(StreamHeaderServer.FROM, Status.PASS), Map.entry(StreamHeaderServer.VERSION, Status.PASS));
        assertThat(o.judgements()).allSatisfy(j -> assertThat(j.observed()).contains("stream"));
    }

    @Test
    void brokenHeaderFailsEveryId() throws Exception {
        ScenarioOutcome o = runAgainst("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' from='other.org' version='2.0'>");
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsOnly(Map.entry(StreamHeaderServer.ID, Status.FAIL),
                Map.entry(StreamHeaderServer.FROM, Status.FAIL), Map.entry(StreamHeaderServer.VERSION, Status.FAIL));
        assertThat(o.judgements()).allSatisfy(j -> assertThat(j.observed()).contains("other.org"));
    }
}
