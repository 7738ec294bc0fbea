package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.xml.Element;

/**
 * The closing handshake of RFC 6120 §4.4, from both ends: what {@code close()} sends and how it
 * reports the server's answer, and how the client answers a server that closes first.
 */
class ClosingHandshakeTest {

    private final XmppClient client = new XmppClient();
    private final ExecutorService closer = Executors.newSingleThreadExecutor();

    @AfterEach
    void closeClient() {
        closer.shutdownNow();
        client.close();
    }

    @Test
    void theServerAnswersWithItsClosingTag() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(CLOSING_TAG)
                .send(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);

            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);

            server.assertScriptCompleted(BOUND);
            assertThat(Wire.afterHeader(server)).as("exactly one closing tag").isEqualTo(CLOSING_TAG);
            assertThat(session.isOpen()).isFalse();
            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.ALREADY_CLOSED);
        }
    }

    @Test
    void aStreamOpenedByRawTextIsClosedWithAClosingTagToo() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(CLOSING_TAG)
                .send(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = client.connect(Wire.DOMAIN, server.address(), SessionOptions.defaults());
            session.sendRaw("<?xml version='1.0'?><stream:stream to='" + Wire.DOMAIN
                    + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
            session.awaitStreamHeader(BOUND);

            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void withNoStreamAtAllTcpIsClosedAtOnceRatherThanWaitingForATagNobodyAskedFor() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script().awaitClose())) {
            XmppSession session = client.connect(Wire.DOMAIN, server.address(), SessionOptions.defaults());

            assertThat(session.close(Duration.ofMinutes(5))).isEqualTo(CloseOutcome.NO_STREAM);
            server.assertScriptCompleted(BOUND);
            assertThat(server.receivedText()).isEmpty();
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void theServerClosesTcpWithoutItsClosingTag() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(CLOSING_TAG)
                .close())) {
            XmppSession session = Wire.openStream(client, server);

            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.PEER_CLOSED_CONNECTION_ONLY);

            server.assertScriptCompleted(BOUND);
            assertThat(Wire.afterHeader(server)).isEqualTo(CLOSING_TAG);
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void aSilentServerTimesOutWithinTheBoundAndTheClientClosesTcp() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            Duration bound = Duration.ofMillis(300);

            long start = System.nanoTime();
            CloseOutcome outcome = session.close(bound);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome).isEqualTo(CloseOutcome.TIMED_OUT);
            assertThat(took).isGreaterThanOrEqualTo(bound).isLessThan(BOUND);
            server.assertScriptCompleted(BOUND);
            assertThat(server.clientClosedConnection()).isTrue();
            assertThat(Wire.afterHeader(server)).isEqualTo(CLOSING_TAG);
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void nothingIsSentAfterOurClosingTagWhileWeWaitForTheServers() throws Exception {
        CountDownLatch closingTagSent = new CountDownLatch(1);
        SessionOptions options = SessionOptions.builder().transcriptListener(entry -> {
            if (entry.direction() == Direction.OUT && entry.text().equals(CLOSING_TAG)) {
                closingTagSent.countDown();
            }
        }).build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            CompletableFuture<CloseOutcome> closing =
                    CompletableFuture.supplyAsync(() -> session.close(Duration.ofSeconds(2)), closer);
            assertThat(closingTagSent.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            assertThatThrownBy(() -> session.send(Element.of("presence", XmppNamespaces.CLIENT)))
                    .as("RFC 6120 §4.4: no data after the closing tag")
                    .isInstanceOf(XmppException.class);

            assertThat(closing.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(CloseOutcome.TIMED_OUT);
            server.assertScriptCompleted(BOUND);
            assertThat(Wire.afterHeader(server)).isEqualTo(CLOSING_TAG);
        }
    }

    @Test
    void theClientAnswersAServerThatClosesFirst() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send("<message id='last'/>" + CLOSING_TAG)
                .expect(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server);
            server.assertScriptCompleted(BOUND);

            assertThat(Wire.afterHeader(server)).as("our closing tag and nothing else").isEqualTo(CLOSING_TAG);
            assertThat(server.clientResetConnection()).isFalse();
            assertThat(session.isOpen()).isFalse();
            assertThat(session.waitFor(e -> e.name().equals("message"), BOUND, "the last message").attribute("id"))
                    .as("what came before the close can still be taken")
                    .isEqualTo("last");
            assertThatThrownBy(() -> session.waitFor(e -> e.name().equals("message"), BOUND, "another message"))
                    .isInstanceOfSatisfying(ConnectionLostException.class,
                            e -> assertThat(e.peerClosedStream()).isTrue());
            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.ALREADY_CLOSED);
        }
    }
}
