package org.xmppcert.xmpp.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLIENT_HEADER;
import static org.xmppcert.xmpp.session.Wire.DOMAIN;
import static org.xmppcert.xmpp.session.Wire.SERVER_HEADER;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * The server's stream header and features (RFC 6120 §4.2, §4.3.2) reach the session however
 * TCP cuts them: inside the XML declaration, an attribute value, a name, a multi-byte character.
 */
class StreamOpeningTest {

    private static final String FEATURES = "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + "<mechanism>PLAIN</mechanism></mechanisms><x xmlns='urn:example:test'>h\u2603llo \u00e9t\u00e9</x>"
            + "</stream:features>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void headerAndFeaturesSplitAtOddPointsArriveWhole() throws Exception {
        String wire = SERVER_HEADER + FEATURES;
        int snowman = byteOffset(wire, "\u2603");
        int[] cuts = {
            3,                                            // "<?x" | "ml version"
            byteOffset(wire, "xmlns:stream") + 8,         // "xmlns:st" | "ream="
            byteOffset(wire, "srv-1") + 2,                // id='sr | v-1'
            byteOffset(wire, "xml:lang") + 3,             // "xml" | ":lang"
            byteOffset(wire, "<stream:features") - 1,     // the header's '>' alone
            byteOffset(wire, "<stream:features") + 9,     // "<stream:f" | "eatures"
            snowman + 1,                                  // inside the three bytes of U+2603
            snowman + 2,
            wire.getBytes(UTF_8).length - 1,              // the last '>'
        };
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect(CLIENT_HEADER)
                .sendInPieces(wire, Duration.ofMillis(20), cuts)
                .awaitClose())) {
            XmppSession session = client.connect(DOMAIN, server.address(), SessionOptions.defaults());
            assertThat(session.peerHeader()).as("nothing can have arrived before our header").isNull();
            session.openStream(StreamHeader.initial(DOMAIN, null, "en"));

            StreamHeader header = session.awaitStreamHeader(BOUND);
            StreamFeatures features = session.awaitFeatures(BOUND);

            assertThat(header.hasStreamNamespace()).isTrue();
            assertThat(header.id()).isEqualTo("srv-1");
            assertThat(header.from()).isEqualTo(DOMAIN);
            assertThat(header.to()).isNull();
            assertThat(header.version()).isEqualTo("1.0");
            assertThat(header.lang()).isEqualTo("en");
            assertThat(header.declaredDefaultNamespace()).isEqualTo(XmppNamespaces.CLIENT);
            assertThat(session.peerHeader()).isEqualTo(header);
            assertThat(features.saslMechanisms()).containsExactly("PLAIN");
            assertThat(features.element().childText("x", "urn:example:test")).isEqualTo("h\u2603llo \u00e9t\u00e9");
            assertThat(session.drain()).as("nothing else was read into the queue").isEmpty();

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void headerAndFeaturesSentAFewBytesAtATimeArriveWhole() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect(CLIENT_HEADER)
                .sendSlowly(SERVER_HEADER + FEATURES, 7, Duration.ofMillis(2))
                .awaitClose())) {
            XmppSession session = client.connect(DOMAIN, server.address(), SessionOptions.defaults());
            session.openStream(StreamHeader.initial(DOMAIN, null, "en"));

            assertThat(session.awaitStreamHeader(BOUND).id()).isEqualTo("srv-1");
            assertThat(session.awaitFeatures(BOUND).element().childText("x", "urn:example:test"))
                    .isEqualTo("h\u2603llo \u00e9t\u00e9");

            session.abort();
            server.assertScriptCompleted(BOUND);
        }
    }

    @Test
    void theClientHeaderIsWhatRfc6120Asks() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().awaitClose())) {
            Wire.openStream(client, server).abort();
            server.assertScriptCompleted(BOUND);

            String sent = server.receivedText();
            assertThat(sent).startsWith("<?xml version='1.0'?><stream:stream ");
            String header = sent.substring(0, sent.indexOf('>', sent.indexOf("<stream:stream")) + 1);
            assertThat(header).contains("xmlns='jabber:client'", "xmlns:stream='http://etherx.jabber.org/streams'",
                    "to='example.test'", "version='1.0'", "xml:lang='en'")
                    .doesNotContain("from=");
            assertThat(Wire.afterHeader(server)).as("abort() writes nothing").isEmpty();
        }
    }

    private static int byteOffset(String text, String part) {
        int at = text.indexOf(part);
        if (at < 0) {
            throw new IllegalArgumentException(part + " not in the text");
        }
        return text.substring(0, at).getBytes(UTF_8).length;
    }
}
