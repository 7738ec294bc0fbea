package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * Handlers consume what they match as it arrives, before it is queued; the first match wins; a
 * handler that throws does not break the session; and the session's own duties (answering a
 * stream error) do not depend on what handlers happen to match.
 */
class HandlerTest {

    private static final String MARKER = "<iq type='result' id='marker'/>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void aHandlerRunsOnTheIoThreadBeforeTheElementIsQueued() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<message type='chat' id='c1'/>" + MARKER)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            List<String> observations = new CopyOnWriteArrayList<>();
            String testThread = Thread.currentThread().getName();
            session.addHandler(e -> e.name().equals("message"), e -> {
                observations.add("same thread as the test: " + Thread.currentThread().getName().equals(testThread));
                observations.add("queued meanwhile: " + session.poll(q -> q.name().equals("message")).isPresent());
                observations.add("marker queued yet: " + session.poll(q -> q.name().equals("iq")).isPresent());
            });
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            session.waitFor(e -> "marker".equals(e.attribute("id")), BOUND, "the marker");

            assertThat(observations).containsExactly("same thread as the test: false", "queued meanwhile: false",
                    "marker queued yet: false");
            assertThat(session.drain()).isEmpty();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void handlersRegisteredBeforeTheStanzasConsumeThemAllAndTheFirstMatchWins() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<message type='chat' id='c1'/><message id='n1'/><message type='chat' id='c2'/>" + MARKER)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            List<String> chats = new CopyOnWriteArrayList<>();
            List<String> messages = new CopyOnWriteArrayList<>();
            session.addHandler(e -> "chat".equals(e.attribute("type")), e -> chats.add(e.attribute("id")));
            session.addHandler(e -> e.name().equals("message"), e -> messages.add(e.attribute("id")));
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            session.waitFor(e -> "marker".equals(e.attribute("id")), BOUND, "the marker");

            assertThat(chats).containsExactly("c1", "c2");
            assertThat(messages).as("the second handler sees only what the first did not match")
                    .containsExactly("n1");
            assertThat(session.drain()).as("nothing handled is queued").isEmpty();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aThrowingHandlerDoesNotBreakTheSession() throws Exception {
        Transcript transcript = new Transcript();
        SessionOptions options = SessionOptions.builder().transcriptListener(transcript).build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<presence id='p1'/><message id='m1'/><presence id='p2'/>" + MARKER)
                .expect("<presence/>" + CLOSING_TAG)
                .send(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            AtomicInteger calls = new AtomicInteger();
            session.addHandler(e -> e.name().equals("presence"), e -> {
                calls.incrementAndGet();
                throw new IllegalStateException("handler bug " + e.attribute("id"));
            });
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            session.waitFor(e -> "marker".equals(e.attribute("id")), BOUND, "the marker");

            assertThat(calls).as("still called after it threw").hasValue(2);
            assertThat(session.isOpen()).isTrue();
            assertThat(session.drain()).extracting(e -> e.attribute("id"))
                    .as("what the handler matched is consumed even when it throws").containsExactly("m1");
            assertThat(transcript.entries()).filteredOn(e -> e.direction() == Direction.EVENT)
                    .anyMatch(e -> e.text().contains("handler failed") && e.text().contains("handler bug p1"));
            session.send(Element.of("presence", XmppNamespaces.CLIENT));
            assertThat(session.close(BOUND)).as("the closing handshake still works")
                    .isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
            server.assertScriptCompleted(BOUND);
            assertThat(Wire.afterHeader(server)).isEqualTo("<presence/><presence/>" + CLOSING_TAG);
        }
    }

    @Test
    void aClosedRegistrationStopsTheHandler() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<message id='before'/>" + MARKER)
                .expect("<presence")
                .send("<message id='after'/><iq type='result' id='marker-2'/>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            List<String> handled = new CopyOnWriteArrayList<>();
            Registration registration = session.addHandler(e -> e.name().equals("message"),
                    e -> handled.add(e.attribute("id")));
            session.send(Element.of("presence", XmppNamespaces.CLIENT));
            session.waitFor(e -> "marker".equals(e.attribute("id")), BOUND, "the marker");

            registration.close();
            registration.close();
            session.send(Element.of("presence", XmppNamespaces.CLIENT));
            session.waitFor(e -> "marker-2".equals(e.attribute("id")), BOUND, "the second marker");

            assertThat(handled).containsExactly("before");
            assertThat(session.drain()).extracting(e -> e.attribute("id")).containsExactly("after");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aCatchAllHandlerDoesNotHideAStreamError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<message id='m1'/><stream:error><system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "</stream:error>")
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            List<Element> seen = new CopyOnWriteArrayList<>();
            session.addHandler(e -> true, seen::add);
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            assertThatThrownBy(() -> session.waitFor(e -> e.name().equals("iq"), BOUND, "an IQ"))
                    .isInstanceOfSatisfying(StreamErrorException.class,
                            e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.SYSTEM_SHUTDOWN));
            server.assertScriptCompleted(BOUND);

            assertThat(Wire.afterHeader(server)).as("RFC 6120 §4.9.1.1: we close our stream in answer")
                    .isEqualTo("<presence/>" + CLOSING_TAG);
            assertThat(seen).extracting(e -> e.attribute("id")).contains("m1");
            assertThat(session.isOpen()).isFalse();
        }
    }
}
