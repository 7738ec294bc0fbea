package org.xmppcert.xmpp.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLIENT_HEADER;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.xml.Element;

/**
 * Restart points: after {@code <proceed/>} (RFC 6120 §5.4.3.3), {@code <success/>} (§6.4.6) and
 * {@code <compressed/>} (XEP-0138 §2) the server may send nothing until our new header. A server
 * (or a man in the middle) that writes a new stream and a stanza right behind the restart point,
 * in the same write, is the STARTTLS command injection attack (the CVE-2011-0411 class): none of
 * it may ever be delivered, and the restart records how many bytes were thrown away.
 */
class RestartPointTest {

    private static final String INJECTION = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='evil' from='example.test' version='1.0'>"
            + "<stream:features/><message from='attacker@example.test' id='evil-1'><body>injected</body></message>";
    private static final String SECOND_HEADER = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='srv-2' from='example.test' version='1.0'>";
    private static final String SECOND_FEATURES = "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
            + "</stream:features><message id='genuine'><body>after the restart</body></message>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    /**
     * @param name the restart point
     * @param request what the client sends to get there
     * @param expectedRequest how the request looks on the wire
     * @param restartPoint the server's element that ends the document
     */
    record Point(String name, Element request, String expectedRequest, String restartPoint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Point> points() {
        return Stream.of(
                new Point("STARTTLS <proceed/>", Element.of("starttls", XmppNamespaces.TLS), "<starttls",
                        "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"),
                new Point("SASL <success/>", Element.builder("auth", XmppNamespaces.SASL)
                        .attribute("mechanism", "ANONYMOUS").build(), "<auth",
                        "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"),
                new Point("SASL <success/> with additional data", Element.builder("auth", XmppNamespaces.SASL)
                        .attribute("mechanism", "ANONYMOUS").build(), "<auth",
                        "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1ybmNqYjR6dg==</success>"),
                new Point("compression <compressed/>", Element.builder("compress", XmppNamespaces.COMPRESS_PROTOCOL)
                        .childWithText("method", XmppNamespaces.COMPRESS_PROTOCOL, "zlib").build(), "<compress",
                        "<compressed xmlns='http://jabber.org/protocol/compress'/>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void bytesWrittenBehindTheRestartPointAreNeverDelivered(Point point) throws Exception {
        Transcript transcript = new Transcript();
        SessionOptions options = SessionOptions.builder().transcriptListener(transcript).build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(point.expectedRequest())
                .send(point.restartPoint() + INJECTION) // one write: the injection rides with the restart point
                .expect(CLIENT_HEADER)
                .send(SECOND_HEADER + SECOND_FEATURES)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(point.request());
            Element answer = session.waitFor(e -> !e.name().equals("features"), BOUND, "the restart point");
            assertThat(answer.toXml()).as("the restart point itself is delivered").isEqualTo(point.restartPoint());

            session.restartStream();
            session.openStream(StreamHeader.initial(Wire.DOMAIN, null, "en"));
            StreamHeader header = session.awaitStreamHeader(BOUND);
            session.awaitFeatures(BOUND);
            Element message = session.waitFor(e -> e.name().equals("message"), BOUND, "a message");

            assertThat(header.id()).as("the header of the real second stream, not the injected one").isEqualTo("srv-2");
            assertThat(message.attribute("id")).isEqualTo("genuine");
            assertThat(session.drain()).isEmpty();
            assertThat(session.restarts()).isEqualTo(1);
            List<TranscriptEntry> entries = transcript.entries();
            assertThat(entries).filteredOn(e -> e.direction() == Direction.IN)
                    .as("nothing of the injection reached the transcript as received data")
                    .noneMatch(e -> e.text().contains("evil") || e.text().contains("injected"));
            assertThat(entries).filteredOn(e -> e.direction() == Direction.EVENT)
                    .extracting(TranscriptEntry::text)
                    .as("the restart counts every injected byte")
                    .anyMatch(t -> t.startsWith("stream restart; discarded " + INJECTION.getBytes(UTF_8).length
                            + " bytes the server sent before our new stream header"));

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void aCleanRestartDiscardsNothing(Point point) throws Exception {
        Transcript transcript = new Transcript();
        SessionOptions options = SessionOptions.builder().transcriptListener(transcript).build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(point.expectedRequest())
                .send(point.restartPoint())
                .expect(CLIENT_HEADER)
                .send(SECOND_HEADER + SECOND_FEATURES)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(point.request());
            session.waitFor(e -> !e.name().equals("features"), BOUND, "the restart point");

            session.restartStream();
            session.openStream(StreamHeader.initial(Wire.DOMAIN, null, "en"));

            assertThat(session.awaitStreamHeader(BOUND).id()).isEqualTo("srv-2");
            assertThat(session.waitFor(e -> e.name().equals("message"), BOUND, "a message").attribute("id"))
                    .isEqualTo("genuine");
            assertThat(transcript.entries()).filteredOn(e -> e.direction() == Direction.EVENT)
                    .extracting(TranscriptEntry::text)
                    .contains("stream restart")
                    .noneMatch(t -> t.contains("discarded"));

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }
}
