package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.session.Wire.BOUND;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/**
 * A server that floods the client with stanzas nobody takes (RFC 6120 §13.12): the session's
 * queue stays within its bounds, dropping the oldest and counting them, so the client's memory
 * stays flat whatever the server sends. The surefire fork has a 512 MiB heap.
 */
class FloodTest {

    private static final int FLOOD = 100_000;
    private static final Duration FLOOD_BOUND = Duration.ofSeconds(60);
    private static final String MARKER = "<iq type='result' id='end-of-flood'/>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void theQueueHoldsItsElementBoundAndCountsWhatItDropped() throws Exception {
        SessionOptions options = SessionOptions.builder().maxQueued(1000, 16 * 1024 * 1024).build();
        // The flood waits for the client's go-ahead: sent at once, it could push the features
        // themselves out of the bounded queue before the client takes them.
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().expect("<presence/>")
                .send(flood(FLOOD) + MARKER)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(Element.of("presence", "jabber:client"));

            Element marker = session.waitFor(e -> "end-of-flood".equals(e.attribute("id")), FLOOD_BOUND, "the marker");
            List<Element> kept = session.drain();

            assertThat(marker.name()).isEqualTo("iq");
            assertThat(session.droppedElements()).isEqualTo(FLOOD + 1 - 1000);
            assertThat(kept).hasSize(999);
            assertThat(kept.get(0).attribute("id")).as("the oldest were dropped").isEqualTo("m" + (FLOOD - 999));
            assertThat(kept.get(kept.size() - 1).attribute("id")).isEqualTo("m" + (FLOOD - 1));
            assertThat(session.isOpen()).as("a flood is not an error").isTrue();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void theQueueHoldsItsSizeBound() throws Exception {
        int maxChars = 50_000;
        SessionOptions options = SessionOptions.builder().maxQueued(1_000_000, maxChars).build();
        // The flood waits for the client's go-ahead: sent at once, it could push the features
        // themselves out of the bounded queue before the client takes them.
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().expect("<presence/>")
                .send(flood(FLOOD) + MARKER)
                .awaitClose())) {
            XmppSession session = Wire.openStream(client, server, options);
            session.send(Element.of("presence", "jabber:client"));

            session.waitFor(e -> "end-of-flood".equals(e.attribute("id")), FLOOD_BOUND, "the marker");
            List<Element> kept = session.drain();

            long keptChars = kept.stream().mapToLong(Element::approximateSize).sum();
            assertThat(keptChars).isPositive().isLessThanOrEqualTo(maxChars);
            assertThat(kept.size() + session.droppedElements()).as("every element kept or counted")
                    .isEqualTo(FLOOD);
            assertThat(kept.get(kept.size() - 1).attribute("id")).isEqualTo("m" + (FLOOD - 1));

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    private static String flood(int count) {
        StringBuilder sb = new StringBuilder(count * 48);
        for (int i = 0; i < count; i++) {
            sb.append("<message id='m").append(i).append("'><body>x</body></message>");
        }
        return sb.toString();
    }
}
