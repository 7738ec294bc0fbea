package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.xml.Element;

/**
 * The tamper seam makes a conforming peer look broken, element by element, and the transcript
 * must show what the session saw (the tampered element), or a FAIL would point at a stanza
 * that does not show the violation.
 */
class InboundTamperTest {

    private final XmppClient client = new XmppClient();
    private final Transcript transcript = new Transcript();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void droppedRewrittenAndInjectedElementsAreWhatTheSessionAndTheTranscriptSee() throws Exception {
        SessionOptions options = SessionOptions.builder().transcriptListener(transcript)
                .inboundTamper(e -> switch (String.valueOf(e.attribute("id"))) {
                    case "drop" -> List.of();
                    case "twice" -> List.of(e, e);
                    case "m3" -> List.of(e.toBuilder().attribute("type", "error").build());
                    default -> List.of(e);
                })
                .build();
        try (ScriptedServer server = ScriptedServer.start(Wire.opened()
                .send("<message id='drop'/><message id='twice'/><message id='m3' type='chat'/>")
                .expect(CLOSING_TAG)
                .send(CLOSING_TAG)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            Element third = session.waitFor(e -> "m3".equals(e.attribute("id")), BOUND, "the third message");

            assertThat(third.attribute("type")).isEqualTo("error");
            assertThat(session.drain()).extracting(e -> e.attribute("id")).containsExactly("twice", "twice");
            session.close(BOUND);
            assertThat(transcript.entries()).filteredOn(e -> e.direction() == Direction.IN)
                    .extracting(TranscriptEntry::text)
                    .filteredOn(t -> t.startsWith("<message"))
                    .containsExactly("<message id='twice'/>", "<message id='twice'/>",
                            "<message id='m3' type='error'/>");
        }
    }
}
