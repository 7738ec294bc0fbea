package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/**
 * Waiting for what comes back: {@code waitFor} takes only what matches and leaves the rest for
 * other waiters, gives up within its bound naming what it waited for, and {@code request}
 * pairs an IQ with its response by id (RFC 6120 §8.2.3) whatever arrives first.
 */
class WaitingTest {

    /** The id the client chose for its IQ, as written on the wire. */
    private static final Pattern IQ_ID = Pattern.compile("<iq\\b[^>]*\\bid='([^']+)'");

    private final XmppClient client = new XmppClient();
    private final ExecutorService waiters = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeClient() {
        waiters.shutdownNow();
        client.close();
    }

    @Test
    void elementsThatDoNotMatchStayQueuedForLaterWaiters() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send("<message id='m1'><body>one</body></message><presence id='p1'/><message id='m2'/>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);

            Element presence = session.waitFor(e -> e.name().equals("presence"), BOUND, "a presence");
            Element second = session.waitFor(e -> "m2".equals(e.attribute("id")), BOUND, "message m2");
            Element first = session.waitFor(e -> e.name().equals("message"), BOUND, "a message");

            assertThat(presence.attribute("id")).isEqualTo("p1");
            assertThat(second.attribute("id")).isEqualTo("m2");
            assertThat(first.attribute("id")).isEqualTo("m1");
            assertThat(first.childText("body", XmppNamespaces.CLIENT)).isEqualTo("one");
            assertThat(session.drain()).as("each element was taken once").isEmpty();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void concurrentWaitersEachGetTheirOwn() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send("<message id='m1'/><iq type='set' id='push-1'><query xmlns='jabber:iq:roster'/></iq>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            CompletableFuture<Element> iqWaiter = CompletableFuture.supplyAsync(() -> waitQuietly(session, "iq"), waiters);
            CompletableFuture<Element> messageWaiter =
                    CompletableFuture.supplyAsync(() -> waitQuietly(session, "message"), waiters);
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            assertThat(iqWaiter.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).attribute("id")).isEqualTo("push-1");
            assertThat(messageWaiter.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).attribute("id")).isEqualTo("m1");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void aWaitThatIsNotAnsweredEndsWithinItsBoundAndNamesWhatItAwaited() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send("<message id='m1'/>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            Duration bound = Duration.ofMillis(300);

            long start = System.nanoTime();
            assertThatThrownBy(() -> session.waitFor(e -> e.name().equals("iq"), bound, "the IQ that never comes"))
                    .isInstanceOfSatisfying(ResponseTimeoutException.class, e -> {
                        assertThat(e.awaited()).isEqualTo("the IQ that never comes");
                        assertThat(e.timeout()).isEqualTo(bound);
                        assertThat(e).hasMessage("no the IQ that never comes within 300 ms");
                    });
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(waited).isGreaterThanOrEqualTo(bound).isLessThan(BOUND);
            assertThat(session.isOpen()).as("a timeout does not end the stream").isTrue();
            assertThat(session.waitFor(e -> e.name().equals("message"), BOUND, "message m1").attribute("id"))
                    .as("the element the timed-out waiter passed over is still there")
                    .isEqualTo("m1");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void requestMatchesTheResponseByIdWhateverComesFirst() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(IQ_ID)
                .reply(m -> "<iq type='result' id='other-1'/>"
                        + "<message id='between'><body>in between</body></message>"
                        + "<iq type='get' id='" + m.group(1) + "'><ping xmlns='urn:xmpp:ping'/></iq>"
                        + "<iq type='result' id='" + m.group(1) + "'><query xmlns='jabber:iq:version'>"
                        + "<name>scripted</name></query></iq>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);

            Element response = session.request(Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "get")
                    .child(Element.of("query", "jabber:iq:version")).build(), BOUND);

            assertThat(response.attribute("type")).isEqualTo("result");
            assertThat(response.child("query", "jabber:iq:version").childText("name", "jabber:iq:version"))
                    .isEqualTo("scripted");
            List<Element> rest = session.drain();
            assertThat(rest).extracting(e -> e.name() + "/" + e.attribute("type") + "/" + e.attribute("id"))
                    .as("what came first stays queued, in order, including a request that reuses the id")
                    .containsExactly("iq/result/other-1", "message/null/between",
                            "iq/get/" + response.attribute("id"));
            assertThat(server.receivedText()).contains("id='" + response.attribute("id") + "'");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void requestKeepsAGivenIdAndReturnsAnErrorResponse() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("id='my-id'")
                .send("<iq type='error' id='my-id'><error type='cancel'>"
                        + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);

            Element response = session.request(Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "get")
                    .attribute("id", "my-id").child(Element.of("query", "urn:example:unknown")).build(), BOUND);

            assertThat(response.attribute("type")).isEqualTo("error");
            assertThat(response.child("error", XmppNamespaces.CLIENT)
                    .hasChild("service-unavailable", XmppNamespaces.STANZA_ERRORS)).isTrue();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void anUnansweredRequestTimesOutNamingItsId() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("id='lonely'")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);

            assertThatThrownBy(() -> session.request(Element.builder("iq", XmppNamespaces.CLIENT)
                    .attribute("type", "get").attribute("id", "lonely").build(), Duration.ofMillis(300)))
                    .isInstanceOf(ResponseTimeoutException.class)
                    .hasMessage("no response to IQ lonely within 300 ms");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    private static Element waitQuietly(XmppSession session, String name) {
        try {
            return session.waitFor(e -> e.name().equals(name), BOUND, "a " + name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
