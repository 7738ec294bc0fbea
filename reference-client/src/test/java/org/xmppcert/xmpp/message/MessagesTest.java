package org.xmppcert.xmpp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.testing.BoundSessions.BOUND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.BoundSessions;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.testing.XmlSnippets;

/** The manager against a scripted server: ids, the stream's language, listeners, waits and the barrier check. */
class MessagesTest {

    private static final Pattern PING = Pattern.compile("<iq type='get' id='([^']+)'><ping xmlns='urn:xmpp:ping'/></iq>");
    private static final String ROMEO = "romeo@example.test/orchard";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aMessageWithoutIdGetsOneAndOneWithAnIdKeepsIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<message to='romeo@example.test' type='chat' id='[^']+'><body>hi</body></message>"))
                .expect("<message id='mine' type='normal'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Messages messages = Messages.of(session);

            Message sent = messages.send(Message.builder().to("romeo@example.test").type(MessageType.CHAT).body("hi"));
            Message mine = messages.send(Message.builder().id("mine").type(MessageType.NORMAL));

            assertThat(sent.id()).isNotBlank();
            assertThat(sent.defaultLang()).isEqualTo("en");
            assertThat(mine.id()).isEqualTo("mine");
            session.flush(BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void receivedMessagesAreInTheLanguageOfTheServersStream() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened("fr")
                .expect("<presence/>")
                .send("<message from='" + ROMEO + "' id='m1'><body>Bonjour</body><body xml:lang='en'>Hello</body></message>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            session.send(XmlSnippets.parse("<presence/>"));

            Message m = Messages.of(session).next(Messages.from(Jid.of(ROMEO)), BOUND);

            assertThat(m.defaultLang()).isEqualTo("fr");
            assertThat(m.body("fr")).contains("Bonjour");
            assertThat(m.body("en")).contains("Hello");
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void listenersObserveAndTheMessageStaysForWaiters() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect("<presence/>")
                .send("<message from='" + ROMEO + "' id='m1' type='chat'><body>one</body></message>"
                        + "<message from='juliet@example.test/chamber' id='m2' type='chat'><body>self</body></message>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            List<String> seen = new CopyOnWriteArrayList<>();
            Messages messages = Messages.of(session);
            messages.addListener(Messages.fromBare(Jid.of("romeo@example.test")), m -> seen.add(m.id()));
            session.send(XmlSnippets.parse("<presence/>"));

            assertThat(messages.next(m -> "m2".equals(m.id()), BOUND).body()).contains("self");
            assertThat(messages.next(Messages.withId("m1"), BOUND).body()).contains("one");
            assertThat(seen).containsExactly("m1");
            assertThatThrownBy(() -> messages.next(m -> true, Duration.ofMillis(100)))
                    .isInstanceOf(ResponseTimeoutException.class);
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void nextOrNoneSeesWhatCameBeforeThePongAndNothingElse() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(PING)
                .reply(m -> "<iq id='" + m.group(1) + "' type='result'/>")
                .expect(PING)
                .reply(m -> "<message from='" + ROMEO + "' id='before'><body>x</body></message>"
                        + "<iq id='" + m.group(1) + "' type='result'/>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Messages messages = Messages.of(session);

            assertThat(messages.nextOrNone(m -> true, BOUND)).isEmpty();
            assertThat(messages.nextOrNone(m -> true, BOUND)).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo("before"));
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void errorForFindsTheBounceOfThatMessage() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(BoundSessions.opened()
                .expect(Pattern.compile("<message to='nobody@example.test' id='([^']+)'>"))
                .reply(m -> "<message from='nobody@example.test' id='other' type='error'><error type='cancel'>"
                        + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"
                        + "<message from='nobody@example.test' id='" + m.group(1) + "' type='error'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>")
                .awaitClose())) {
            XmppSession session = BoundSessions.open(client, server);
            Messages messages = Messages.of(session);

            Message sent = messages.send(Message.builder().to("nobody@example.test").body("anyone?"));
            Message bounce = messages.errorFor(sent.id(), BOUND);

            assertThat(bounce.error().orElseThrow().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            assertThat(messages.poll(Messages.withId("other"))).isPresent();
            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }
}
