package org.xmppcert.xmpp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;

/**
 * The manager against a scripted server: how pushes are answered (RFC 3921 §10.2 rule 10,
 * §10.6), including the ones a real server never sends (from a stranger, malformed), and how
 * refusals and unreadable results surface.
 */
class PrivacyListsTest {

    private static final String SERVICE_UNAVAILABLE = "<error type='cancel'>"
            + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static String push(String attributes, String lists) {
        return "<iq " + attributes + " type='set'><query xmlns='jabber:iq:privacy'>" + lists + "</query></iq>";
    }

    @Test
    void pushesFromTheAccountAreAcknowledgedAndTold() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                // §10.6 Example: no 'from' (implicitly the account), then from the bare JID.
                .send(push("to='juliet@example.test/balcony' id='push1'", "<list name='public'/>"))
                .expect("<iq type='result' id='push1'/>")
                .send(push("from='juliet@example.test' id='push2'", "<list name='private'/>"))
                .expect("<iq type='result' id='push2' to='juliet@example.test'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            List<String> told = new CopyOnWriteArrayList<>();
            PrivacyLists lists = PrivacyLists.of(session);
            lists.addPushListener(told::add);
            session.send(XmlSnippets.parse("<presence/>"));

            assertThat(lists.nextPush(BOUND)).isEqualTo("public");
            assertThat(lists.nextPush(BOUND)).isEqualTo("private");
            assertThat(told).containsExactly("public", "private");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aPushFromAnyoneElseIsRefusedAndNotTold() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send(push("from='mallory@evil.test/x' id='evil1'", "<list name='public'/>"))
                .expect("<iq type='error' id='evil1' to='mallory@evil.test/x'>" + SERVICE_UNAVAILABLE + "</iq>")
                .send(push("from='juliet@example.test/chamber' id='evil2'", "<list name='public'/>"))
                .expect("<iq type='error' id='evil2' to='juliet@example.test/chamber'>" + SERVICE_UNAVAILABLE + "</iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            List<String> told = new CopyOnWriteArrayList<>();
            PrivacyLists.of(session).addPushListener(told::add);
            session.send(XmlSnippets.parse("<presence/>"));

            session.waitFor(e -> "evil2".equals(e.attribute("id")), BOUND, "the second push");
            assertThat(told).isEmpty();
            assertThatThrownBy(() -> PrivacyLists.of(session).nextPush(Duration.ofMillis(100)))
                    .isInstanceOf(ResponseTimeoutException.class);
            assertThat(session.poll(e -> "evil1".equals(e.attribute("id")))).isPresent();
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aPushNamingNotExactlyOneListIsABadRequest() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send(push("id='two'", "<list name='a'/><list name='b'/>"))
                .expect("<iq type='error' id='two'><error type='modify'>"
                        + "<bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            PrivacyLists lists = PrivacyLists.of(session);
            session.send(XmlSnippets.parse("<presence/>"));

            assertThatThrownBy(() -> lists.nextPush(BOUND)).isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("rule 10");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void refusalsAreTypedAndUnreadableResultsAreViolations() throws Exception {
        Pattern getList = Pattern.compile("<iq type='get' id='([^']+)'><query xmlns='jabber:iq:privacy'>"
                + "<list name='nosuch'/></query></iq>");
        Pattern getNames = Pattern.compile("<iq type='get' id='([^']+)'><query xmlns='jabber:iq:privacy'/></iq>");
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(getList)
                .reply(m -> "<iq type='error' id='" + m.group(1) + "'><query xmlns='jabber:iq:privacy'>"
                        + "<list name='nosuch'/></query><error type='cancel'>"
                        + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .expect(getNames)
                .reply(m -> "<iq type='result' id='" + m.group(1) + "'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            PrivacyLists lists = PrivacyLists.of(session);

            assertThatThrownBy(() -> lists.list("nosuch")).isInstanceOfSatisfying(PrivacyException.class, e -> {
                assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
                assertThat(e.response().orElseThrow().attribute("type")).isEqualTo("error");
            });
            assertThatThrownBy(lists::names).isInstanceOfSatisfying(ProtocolViolationException.class,
                    e -> assertThat(e.evidence().attribute("type")).isEqualTo("result"));
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void everyUseCaseSendsItsRequest() throws Exception {
        Pattern anyPrivacyIq = Pattern.compile("<iq type='(?:get|set)' id='([^']+)'><query xmlns='jabber:iq:privacy'"
                + "(?:/>|>.*?</query>)</iq>");
        ScriptedServer.Script script = BoundSessions.opened();
        for (int i = 0; i < 7; i++) {
            script.expect(anyPrivacyIq).reply(m -> "<iq type='result' id='" + m.group(1) + "'/>");
        }
        try (ScriptedServer server = ScriptedServer.start(script.awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            PrivacyLists lists = PrivacyLists.of(session).withTimeout(BOUND);

            lists.setList(PrivacyList.of("l", PrivacyItem.fallThrough(PrivacyItem.Action.ALLOW, 1)));
            lists.setActive("l");
            lists.declineActive();
            lists.setDefault("l");
            lists.declineDefault();
            lists.removeList("l");
            lists.exchange(PrivacyIq.getNames());

            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
            assertThat(server.receivedText())
                    .contains("<list name='l'><item action='allow' order='1'/></list>")
                    .contains("<active name='l'/>").contains("<active/>")
                    .contains("<default name='l'/>").contains("<default/>")
                    .contains("<query xmlns='jabber:iq:privacy'><list name='l'/></query>");
        }
    }
}
