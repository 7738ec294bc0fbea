package org.xmppcert.xmpp.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;

/** XEP-0092 against a scripted server: what we answer, and how answers are read. */
class SoftwareVersionTest {

    private static final Pattern QUERY = Pattern.compile("<iq type='get' to='example.test' id='([^']+)'>"
            + "<query xmlns='jabber:iq:version'/></iq>");

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void infoRoundTripsAndMissingElementsAreNull() {
        VersionInfo full = new VersionInfo("Prosody", "0.12.3", "Linux");
        assertThat(VersionInfo.parse(full.toQuery())).isEqualTo(full);
        assertThat(full.describe()).isEqualTo("Prosody 0.12.3 (Linux)");

        VersionInfo partial = VersionInfo.parse(XmlSnippets.parse(
                "<query xmlns='jabber:iq:version'><name>x</name></query>"));
        assertThat(partial).isEqualTo(new VersionInfo("x", null, null));
        assertThat(partial.complete()).isFalse();
        assertThat(new VersionInfo("x", "1", null).toQuery().elements()).hasSize(2);
    }

    @Test
    void whenRunFromClassesTheVersionIsDevelopmentAndNoOsIsGiven() {
        assertThat(SoftwareVersion.local()).isEqualTo(new VersionInfo("xmppcert", "development", null));
    }

    @Test
    void theResponderAnswersWithNameAndVersionOnly() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send("<iq from='romeo@example.test/orchard' id='v1' type='get'><query xmlns='jabber:iq:version'/></iq>")
                .expect("<iq type='result' id='v1' to='romeo@example.test/orchard'><query xmlns='jabber:iq:version'>"
                        + "<name>xmppcert</name><version>development</version></query></iq>")
                .expect("<presence id='next'/>")
                .send("<iq from='romeo@example.test/orchard' id='v2' type='get'><query xmlns='jabber:iq:version'/></iq>")
                .expect("<iq type='result' id='v2' to='romeo@example.test/orchard'><query xmlns='jabber:iq:version'>"
                        + "<name>xmppcert</name><version>1.0</version><os>Plan 9</os></query></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SoftwareVersion version = SoftwareVersion.of(session);
            assertThat(LocalFeatures.of(session).features()).contains(SoftwareVersion.NAMESPACE);
            session.send(XmlSnippets.parse("<presence/>"));
            session.waitFor(e -> "v1".equals(e.attribute("id")), BOUND, "the first query");

            version.setAnswer(new VersionInfo("xmppcert", "1.0", "Plan 9"));
            session.send(XmlSnippets.parse("<presence id='next'/>"));
            session.waitFor(e -> "v2".equals(e.attribute("id")), BOUND, "the second query");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void theServersAnswerIsRead() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(QUERY)
                .reply(m -> "<iq from='example.test' id='" + m.group(1) + "' type='result'><query xmlns='jabber:iq:version'>"
                        + "<name>Prosody</name><version>0.12.3</version></query></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);

            assertThat(SoftwareVersion.of(session).queryServer()).isEqualTo(new VersionInfo("Prosody", "0.12.3", null));
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void anErrorIsTypedAndAResultWithoutQueryIsAViolation() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(QUERY)
                .reply(m -> "<iq from='example.test' id='" + m.group(1) + "' type='error'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .expect(QUERY)
                .reply(m -> "<iq from='example.test' id='" + m.group(1) + "' type='result'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            SoftwareVersion version = SoftwareVersion.of(session);

            assertThatThrownBy(() -> version.query("example.test", BOUND)).isInstanceOfSatisfying(
                    VersionQueryException.class,
                    e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
            assertThatThrownBy(() -> version.query("example.test", BOUND))
                    .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("has no <query");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }
}
