package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stream error from the server (RFC 6120 §4.9): waiters learn its condition and text, and the
 * client, as the receiver of a stream error, closes its stream and the connection (§4.9.1.1).
 */
class StreamErrorReceivedTest {

    private static final String CONFLICT = "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
            + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>Replaced by new connection</text>"
            + "</stream:error>";

    private final XmppClient client = new XmppClient();
    private final ExecutorService waiters = Executors.newSingleThreadExecutor();

    @AfterEach
    void closeClient() {
        waiters.shutdownNow();
        client.close();
    }

    @Test
    void waitersGetTheConditionAndTheClientClosesItsStream() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence")
                .send(CONFLICT)
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> failureOfWaitingForAMessage(session),
                    waiters);
            session.send(Element.of("presence", XmppNamespaces.CLIENT));

            Throwable thrown = waiter.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(thrown).isInstanceOfSatisfying(StreamErrorException.class, e -> {
                assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.CONFLICT);
                assertThat(e.error().text()).isEqualTo("Replaced by new connection");
                assertThat(e.error().textLang()).isEqualTo("en");
            });
            server.assertScriptCompleted(BOUND);

            assertThat(Wire.afterHeader(server)).as("our presence, then only our closing tag")
                    .isEqualTo("<presence/>" + CLOSING_TAG);
            assertThat(server.clientResetConnection()).isFalse();
            assertThat(session.isOpen()).isFalse();
            assertThat(session.endCause()).containsInstanceOf(StreamErrorException.class);
        }
    }

    @Test
    void afterTheErrorWaitsFailAtOnceAndNothingMoreIsSent() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send(CONFLICT + CLOSING_TAG) // §4.9.1.1: the error, then the closing tag
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            server.assertScriptCompleted(BOUND);

            long start = System.nanoTime();
            assertThatThrownBy(() -> session.waitFor(e -> e.name().equals("message"), BOUND, "a message"))
                    .isInstanceOfSatisfying(StreamErrorException.class,
                            e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.CONFLICT));
            assertThat(System.nanoTime() - start).as("no waiting once the stream is over")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(BOUND.toMillis() / 2));
            assertThat(session.waitFor(StreamError::isStreamError, BOUND, "the stream error"))
                    .as("the error element itself can still be taken as evidence")
                    .satisfies(e -> assertThat(e.hasChild("conflict", XmppNamespaces.STREAM_ERRORS)).isTrue());
            assertThatThrownBy(() -> session.send(Element.of("presence", XmppNamespaces.CLIENT)))
                    .as("our stream is closed: nothing more may be sent (RFC 6120 §4.4)")
                    .isInstanceOf(StreamErrorException.class);
            assertThat(session.close(BOUND)).as("the session had ended before close()")
                    .isEqualTo(CloseOutcome.ALREADY_CLOSED);
            assertThat(Wire.afterHeader(server)).as("one closing tag, once").isEqualTo(CLOSING_TAG);
        }
    }

    private static Throwable failureOfWaitingForAMessage(XmppSession session) {
        try {
            session.waitFor(e -> e.name().equals("message"), BOUND, "a message");
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
