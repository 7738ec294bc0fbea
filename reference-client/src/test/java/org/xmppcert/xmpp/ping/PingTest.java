package org.xmppcert.xmpp.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** XEP-0199 against a scripted server: the responder (§4.1, §5), the requester (§4.2) and the barrier. */
class PingTest {

    private static final Pattern PING = Pattern.compile("<iq type='get' (?:to='([^']*)' )?id='([^']+)'>"
            + "<ping xmlns='urn:xmpp:ping'/></iq>");

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void stanzasOfSection4() {
        assertThat(Ping.request("capulet.lit")).isEqualTo(XmlSnippets.parse(
                "<iq to='capulet.lit' type='get'><ping xmlns='urn:xmpp:ping'/></iq>"));
        assertThat(Ping.request(null).attribute("to")).isNull();
        Element serverPing = XmlSnippets.parse("<iq from='capulet.lit' to='juliet@capulet.lit/balcony' id='s2c1'"
                + " type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(Ping.isPing(serverPing)).isTrue();
        // Example 2, the pong, seen from the client: addressed back to the pinger, same id, empty.
        assertThat(Ping.pong(serverPing)).isEqualTo(XmlSnippets.parse("<iq to='capulet.lit' id='s2c1' type='result'/>"));
        assertThat(Ping.isPing(XmlSnippets.parse("<iq type='set' id='x'><ping xmlns='urn:xmpp:ping'/></iq>"))).isFalse();
        assertThat(Ping.isPing(XmlSnippets.parse("<iq type='get' id='x'><query xmlns='jabber:iq:version'/></iq>")))
                .isFalse();
    }

    @Test
    void theResponderAnswersAServerPingAndAdvertisesTheFeature() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send("<iq from='example.test' to='juliet@example.test/balcony' id='s2c1' type='get'>"
                        + "<ping xmlns='urn:xmpp:ping'/></iq>")
                .expect("<iq type='result' id='s2c1' to='example.test'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Ping.of(session);
            assertThat(LocalFeatures.of(session).features()).contains(Ping.NAMESPACE);
            session.send(XmlSnippets.parse("<presence/>"));

            session.waitFor(Ping::isPing, BOUND, "the server's ping, still queued after the answer");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aDisabledResponderLeavesTheRouterToAnswerServiceUnavailable() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send("<iq from='example.test' id='s2c2' type='get'><ping xmlns='urn:xmpp:ping'/></iq>")
                .expect("<iq type='error' id='s2c2' to='example.test'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Ping ping = Ping.of(session);
            ping.disableResponder();
            assertThat(ping.respondsToPings()).isFalse();
            assertThat(LocalFeatures.of(session).features()).doesNotContain(Ping.NAMESPACE);
            session.send(XmlSnippets.parse("<presence/>"));

            session.waitFor(Ping::isPing, BOUND, "the server's ping");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void pingingTheServerGivesTheRoundTrip() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<iq from='example.test' to='juliet@example.test/balcony' id='" + m.group(2)
                        + "' type='result'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            Duration rtt = Ping.of(session).pingServer();

            assertThat(rtt).isPositive().isLessThan(BOUND);
            assertThat(server.receivedText()).contains("<iq type='get' to='example.test' id=");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void anErrorAnswerIsATypedPingException() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<iq from='romeo@example.test/orchard' id='" + m.group(2) + "' type='error'>"
                        + "<ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            assertThatThrownBy(() -> Ping.of(session).ping("romeo@example.test/orchard", BOUND))
                    .isInstanceOfSatisfying(PingException.class, e -> {
                        assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                        assertThat(e.response().orElseThrow().attribute("type")).isEqualTo("error");
                    });
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void anUnansweredPingTimesOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened().expect(PING).awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            assertThatThrownBy(() -> Ping.of(session).ping("example.test", Duration.ofMillis(200)))
                    .isInstanceOf(ResponseTimeoutException.class);
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aResultFromSomeoneElseIsNotTheAnswer() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<iq from='mallory@evil.test/x' id='" + m.group(2) + "' type='result'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            assertThatThrownBy(() -> Ping.of(session).ping("romeo@example.test/orchard", Duration.ofMillis(300)))
                    .isInstanceOf(ResponseTimeoutException.class);
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void theBarrierPingsWithoutToAndWhatCameBeforeThePongIsQueued() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<message from='romeo@example.test/orchard' id='late'><body>x</body></message>"
                        + "<iq id='" + m.group(2) + "' type='result'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            Ping.of(session).barrier(BOUND);

            assertThat(server.receivedText()).containsPattern("<iq type='get' id='[^']+'><ping xmlns='urn:xmpp:ping'/>");
            assertThat(session.poll(e -> "late".equals(e.attribute("id")))).isPresent();
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void anErrorAnswerIsStillABarrierAndTheStaticFormInstallsNothing() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<iq id='" + m.group(2) + "' type='error'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            Ping.barrier(BOUND, session);

            // The static form installs no responder: a session meant not to answer pings stays so.
            assertThat(LocalFeatures.of(session).features()).doesNotContain(Ping.NAMESPACE);
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }
}
