package org.xmppcert.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.session.Wire.BOUND;
import static org.xmppcert.xmpp.session.Wire.CLIENT_HEADER;
import static org.xmppcert.xmpp.session.Wire.CLOSING_TAG;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.NegotiationException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.testing.ScriptedServer;

/**
 * {@link SessionNegotiator#openStream} refuses a server header that is not an XMPP 1.0 stream:
 * the wrong namespace gets {@code <invalid-namespace/>} (RFC 6120 §4.8.1), a version below 1.0
 * (or none, meaning 0.9) gets {@code <unsupported-version/>} (§4.7.5), then the closing tag.
 */
class StreamHeaderRefusalTest {

    private static final String STREAMS = "http://etherx.jabber.org/streams";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    record Case(String name, String header, StreamErrorCondition expected, String because) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the stream prefix bound to another namespace",
                        header("xmlns:stream='http://example.test/not-streams' version='1.0'"),
                        StreamErrorCondition.INVALID_NAMESPACE, "not <stream/> in " + STREAMS),
                new Case("no stream namespace at all",
                        "<?xml version='1.0'?><stream xmlns='jabber:client' id='srv-1' version='1.0'>",
                        StreamErrorCondition.INVALID_NAMESPACE, "not <stream/> in " + STREAMS),
                new Case("version 0.9", header("xmlns:stream='" + STREAMS + "' version='0.9'"),
                        StreamErrorCondition.UNSUPPORTED_VERSION, "version is '0.9'"),
                new Case("no version", header("xmlns:stream='" + STREAMS + "'"),
                        StreamErrorCondition.UNSUPPORTED_VERSION, "version is absent (0.9)"),
                new Case("a version that is not a number", header("xmlns:stream='" + STREAMS + "' version='one'"),
                        StreamErrorCondition.UNSUPPORTED_VERSION, "version is 'one'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theClientSendsTheStreamErrorAndFails(Case c) throws Exception {
        String expectedError = "<stream:error><" + c.expected().elementName()
                + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>";
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect(CLIENT_HEADER)
                .send(c.header())
                .expect(Pattern.compile(Pattern.quote(expectedError + CLOSING_TAG)))
                .send(CLOSING_TAG)
                .awaitClose())) {
            SessionNegotiator negotiator = new SessionNegotiator(client, config(server));
            XmppSession session = negotiator.connect();

            assertThatThrownBy(() -> negotiator.openStream("initial"))
                    .isInstanceOfSatisfying(NegotiationException.class, e -> {
                        assertThat(e).hasMessageContaining(c.because());
                        assertThat(e.evidence().attribute("id")).isEqualTo("srv-1");
                    });
            server.assertScriptCompleted(BOUND);

            assertThat(Wire.afterHeader(server)).isEqualTo(expectedError + CLOSING_TAG);
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void aGoodHeaderIsAccepted() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Wire.opened().awaitClose())) {
            SessionNegotiator negotiator = new SessionNegotiator(client, config(server));
            XmppSession session = negotiator.connect();

            StreamFeatures features = negotiator.openStream("initial");

            assertThat(features.saslMechanisms()).containsExactly("PLAIN");
            assertThat(session.isOpen()).isTrue();
            session.abort();
            server.assertScriptCompleted(BOUND);
            assertThat(Wire.afterHeader(server)).as("no stream error for a good header").isEmpty();
        }
    }

    private static ConnectionConfig config(ScriptedServer server) {
        return ConnectionConfig.builder(Jid.of("alice@example.test"))
                .host("127.0.0.1", server.port())
                .sessionOptions(SessionOptions.builder().replyTimeout(BOUND).build())
                .build();
    }

    private static String header(String namespaceAndVersion) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " + namespaceAndVersion
                + " id='srv-1' from='example.test'>";
    }
}
