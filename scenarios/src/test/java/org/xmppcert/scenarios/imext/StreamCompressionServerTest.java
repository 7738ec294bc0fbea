package org.xmppcert.scenarios.imext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.run.ScriptedRuns;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.sasl.MechanismSelector;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * The compression scenario against scripted servers, for the paths the CI Prosody (which offers no
 * compression: NOT_APPLICABLE) cannot show: an offer without zlib, a wrong failure condition, a
 * refused zlib. Plain sockets, so no TLS and PLAIN in the clear (the script's choice). The passing
 * path with a real zlib stream is shown against the CI ejabberd (ImExtEjabberdReportIT).
 */
class StreamCompressionServerTest {

    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.org' version='1.0'>";
    private static final String COMPRESS = "http://jabber.org/protocol/compress";

    /** Up to the features after SASL, which carry {@code afterSasl}. */
    private static ScriptedServer.Script upToFeatures(String afterSasl) {
        return ScriptedServer.script()
                .expect("<stream:stream")
                .send(HEADER + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                        + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>")
                .expect("</auth>")
                .send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")
                .expect("<stream:stream")
                .send(HEADER.replace("s1", "s2") + "<stream:features>" + afterSasl
                        + "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
    }

    private static ScenarioOutcome run(ScriptedServer.Script script) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(script.expect("</stream:stream>").send("</stream:stream>"))) {
            return ScriptedRuns.run(server, new StreamCompressionServer(), Duration.ofSeconds(3),
                    b -> b.tlsMode(TlsMode.DISABLED).plainPolicy(MechanismSelector.PlainPolicy.ALSO_CLEARTEXT));
        }
    }

    private static String observed(ScenarioOutcome o, String id) {
        return o.judgements().stream().filter(j -> j.requirement().equals(id)).findFirst().orElseThrow().observed();
    }

    @Test
    void noOfferIsNotApplicable() throws Exception {
        ScenarioOutcome o = run(upToFeatures(""));
        assertThat(o.error()).as(o::describe).isNull();
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).hasSize(8).allSatisfy((id, s) -> assertThat(s).isEqualTo(Status.NOT_APPLICABLE));
    }

    @Test
    void anOfferWithoutZlibAndTheWrongFailureConditionFail() throws Exception {
        ScenarioOutcome o = run(upToFeatures("<compression xmlns='http://jabber.org/features/compress'><method>lzw</method></compression>")
                .expect("x-xmppcert-unsupported</method></compress>")
                .send("<failure xmlns='" + COMPRESS + "'><setup-failed/></failure>"));
        Map<String, Status> s = ScriptedRuns.statuses(o);
        assertThat(s).as(o::describe).containsEntry(StreamCompressionServer.LISTED, Status.PASS)
                .containsEntry(StreamCompressionServer.ZLIB, Status.FAIL)
                .containsEntry(StreamCompressionServer.UNSUPPORTED, Status.FAIL)
                .containsEntry(StreamCompressionServer.COMPRESSED, Status.NOT_APPLICABLE);
        assertThat(observed(o, StreamCompressionServer.ZLIB)).contains("<method>lzw</method>");
        assertThat(observed(o, StreamCompressionServer.UNSUPPORTED)).contains("setup-failed");
    }

    @Test
    void anEmptyOfferFails() throws Exception {
        ScenarioOutcome o = run(upToFeatures("<compression xmlns='http://jabber.org/features/compress'/>")
                .expect("x-xmppcert-unsupported</method></compress>")
                .send("<failure xmlns='" + COMPRESS + "'><unsupported-method/></failure>"));
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsEntry(StreamCompressionServer.LISTED, Status.FAIL)
                .containsEntry(StreamCompressionServer.ZLIB, Status.FAIL)
                .containsEntry(StreamCompressionServer.UNSUPPORTED, Status.PASS);
    }

    @Test
    void zlibRefusedFailsCompressedButTheStreamWentOn() throws Exception {
        ScenarioOutcome o = run(upToFeatures("<compression xmlns='http://jabber.org/features/compress'><method>zlib</method></compression>")
                .expect("x-xmppcert-unsupported</method></compress>")
                .send("<failure xmlns='" + COMPRESS + "'><unsupported-method/></failure>")
                .expect("zlib</method></compress>")
                .send("<failure xmlns='" + COMPRESS + "'><setup-failed/></failure>"));
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsEntry(StreamCompressionServer.LISTED, Status.PASS)
                .containsEntry(StreamCompressionServer.ZLIB, Status.PASS)
                .containsEntry(StreamCompressionServer.UNSUPPORTED, Status.PASS)
                .containsEntry(StreamCompressionServer.RECOVERABLE, Status.PASS)
                .containsEntry(StreamCompressionServer.COMPRESSED, Status.FAIL)
                .containsEntry(StreamCompressionServer.RESTART, Status.NOT_APPLICABLE);
        assertThat(observed(o, StreamCompressionServer.COMPRESSED)).contains("setup-failed");
    }

    @Test
    void aStreamErrorInsteadOfAFailureFailsTwice() throws Exception {
        ScenarioOutcome o = run(upToFeatures("<compression xmlns='http://jabber.org/features/compress'><method>zlib</method></compression>")
                .expect("x-xmppcert-unsupported</method></compress>")
                .send("<stream:error><unsupported-stanza-type xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"));
        assertThat(ScriptedRuns.statuses(o)).as(o::describe).containsEntry(StreamCompressionServer.UNSUPPORTED, Status.FAIL)
                .containsEntry(StreamCompressionServer.RECOVERABLE, Status.FAIL);
        assertThat(observed(o, StreamCompressionServer.RECOVERABLE)).contains("unsupported-stanza-type");
    }
}
