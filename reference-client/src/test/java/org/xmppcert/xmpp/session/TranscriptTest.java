package org.xmppcert.xmpp.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.xml.Element;

/**
 * The transcript is the evidence behind every verdict: every element in and out, with its
 * direction, in order; and nothing secret in it — SASL payloads redacted by structure, known
 * passwords masked wherever they appear, even in raw text a test sends on purpose. Each secret is
 * checked on the wire too, so that a transcript without it proves redaction, not absence.
 */
class TranscriptTest {

    private final XmppClient client = new XmppClient();
    private final Transcript transcript = new Transcript();
    private final SessionOptions options = SessionOptions.builder().transcriptListener(transcript).build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void everyElementInAndOutIsRecordedInOrderWithItsDirection() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("<presence/>")
                .send("<message id='m1'><body>hello</body></message>")
                .expect(CLOSING_TAG)
                .send(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(Element.of("presence", XmppNamespaces.CLIENT));
            session.waitFor(e -> e.name().equals("message"), BOUND, "the message");
            assertThat(session.close(BOUND)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
            server.assertScriptCompleted(BOUND);

            List<TranscriptEntry> entries = transcript.entries().stream()
                    .filter(e -> !(e.direction() == Direction.EVENT && e.text().equals("connection closed")))
                    .toList();
            assertThat(entries).extracting(TranscriptEntry::direction).containsExactly(
                    Direction.EVENT, Direction.OUT, Direction.IN, Direction.IN, Direction.OUT, Direction.IN,
                    Direction.OUT, Direction.IN);
            assertThat(entries.get(0).text()).startsWith("connected to ");
            assertThat(entries.get(2).text()).startsWith("<stream:stream").contains("id='srv-1'");
            assertThat(entries.get(3).text()).startsWith("<stream:features>").contains("<mechanism>PLAIN</mechanism>");
            assertThat(entries.get(5).text()).isEqualTo("<message id='m1'><body>hello</body></message>");
            assertThat(entries.get(7).text()).isEqualTo(CLOSING_TAG);
            assertThat(entries).filteredOn(e -> e.direction() == Direction.OUT)
                    .extracting(TranscriptEntry::text)
                    .containsExactly(session.ourHeader().toXml(), "<presence/>", CLOSING_TAG);
            assertThat(entries.stream().filter(e -> e.direction() == Direction.OUT).map(TranscriptEntry::text)
                    .collect(Collectors.joining()))
                    .as("what went out is exactly what the server received")
                    .isEqualTo(server.receivedText());
        }
    }

    @Test
    void whatWeSendIsRecordedBeforeAnyAnswerToIt() throws Exception {
        CountDownLatch answerRecorded = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        // A slow listener on our own entries: if the request were already on the wire when it is
        // recorded, the answer would overtake it in the transcript.
        SessionOptions slow = SessionOptions.builder().transcriptListener(entry -> {
            boolean ours = entry.direction() == Direction.OUT && entry.text().contains("ping-1");
            if (ours) {
                try {
                    answerRecorded.await(300, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (entry.direction() != Direction.EVENT && !entry.text().contains("stream")) {
                order.add(entry.direction() + " " + entry.text());
            }
            if (entry.direction() == Direction.IN && entry.text().contains("ping-1")) {
                answerRecorded.countDown();
            }
        }).build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect("id='ping-1'")
                .send("<iq type='result' id='ping-1'/>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, slow);

            session.request(Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "get")
                    .attribute("id", "ping-1").child(Element.of("ping", "urn:xmpp:ping")).build(), BOUND);
            session.abort();
            server.assertScriptCompleted(BOUND);

            assertThat(order).containsExactly(
                    "OUT <iq type='get' id='ping-1'><ping xmlns='urn:xmpp:ping'/></iq>",
                    "IN <iq type='result' id='ping-1'/>");
        }
    }

    @Test
    void saslPayloadsAreRedactedBothWays() throws Exception {
        String initialResponse = b64("\0alice\0s3cret-pass");
        String challenge = b64("r=secret-nonce,s=salt,i=4096");
        String response = b64("c=biws,r=secret-nonce,p=proof");
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(">" + initialResponse + "</auth>")
                .send("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + challenge + "</challenge>")
                .expect(">" + response + "</response>")
                .send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(Element.builder("auth", XmppNamespaces.SASL).attribute("mechanism", "PLAIN")
                    .text(initialResponse).build());
            session.waitFor(e -> e.name().equals("challenge"), BOUND, "the challenge");
            session.send(Element.builder("response", XmppNamespaces.SASL).text(response).build());
            session.waitFor(e -> e.name().equals("failure"), BOUND, "the failure");
            session.abort();
            server.assertScriptCompleted(BOUND);

            assertThat(server.receivedText()).as("the wire carried the payloads").contains(initialResponse, response);
            String rendered = transcript.render();
            assertThat(rendered).doesNotContain(initialResponse, challenge, response, "s3cret");
            assertThat(transcript.entries()).extracting(e -> e.direction() + " " + e.text()).contains(
                    "OUT <auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>[redacted: "
                            + initialResponse.length() + " characters]</auth>",
                    "IN <challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>[redacted: " + challenge.length()
                            + " characters]</challenge>",
                    "OUT <response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>[redacted: " + response.length()
                            + " characters]</response>",
                    "IN <failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
        }
    }

    @Test
    void aRegisteredPasswordIsMaskedInRawTextAndInWhatComesBack() throws Exception {
        String password = "hunter2-xyz";
        String raw = "<message to='bob@example.test'><body>my password is " + password + " or "
                + b64(password) + "</body></message>";
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .expect(raw)
                .send("<message id='echo'><body>you said " + password + "</body></message>")
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.options().masker().addPassword("alice", password.toCharArray());

            session.sendRaw(raw);
            session.waitFor(e -> "echo".equals(e.attribute("id")), BOUND, "the echo");
            session.abort();
            server.assertScriptCompleted(BOUND);

            assertThat(server.receivedText()).as("sendRaw sent the text as it is").contains(raw);
            assertThat(transcript.render()).doesNotContain(password, b64(password));
            assertThat(transcript.entries()).extracting(e -> e.direction() + " " + e.text()).contains(
                    "OUT <message to='bob@example.test'><body>my password is [redacted] or [redacted]</body></message>",
                    "IN <message id='echo'><body>you said [redacted]</body></message>");
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(UTF_8));
    }
}
