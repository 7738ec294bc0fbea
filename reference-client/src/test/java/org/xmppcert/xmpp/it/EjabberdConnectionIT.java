package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.AuthenticationException;
import org.xmppcert.xmpp.negotiation.NegotiationReport;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.sasl.SaslFailureCondition;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * The connection layer against the CI ejabberd (ci/ejabberd/start.sh), which offers what Prosody
 * 0.12 does not: DIGEST-MD5 and XEP-0138 zlib compression.
 */
class EjabberdConnectionIT {
    private static CiServer server;
    private static XmppClient client;

    @BeforeAll
    static void start() {
        server = CiServer.ejabberd();
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "DIGEST-MD5", "PLAIN"})
    void everyMechanismItOffersThatWeImplement(String mechanism) throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .saslMechanisms(mechanism).compression(false).build());
        XmppSession session = n.negotiate();
        assertThat(n.report().sasl().orElseThrow().mechanism()).isEqualTo(mechanism);
        assertThat(n.report().jid().orElseThrow().bare()).isEqualTo(Jid.of(server.user(), server.domain(), null));
        session.close(Negotiation.TIMEOUT);
        assertThat(transcript.render()).doesNotContain(server.password(server.user()));
    }

    @Test
    void anonymousLogin() throws Exception {
        SessionNegotiator n = new SessionNegotiator(client,
                Negotiation.as(server, Jid.of(server.anonDomain()), new Transcript()).build());
        XmppSession session = n.negotiate();
        assertThat(n.report().sasl().orElseThrow().mechanism()).isEqualTo("ANONYMOUS");
        session.close(Negotiation.TIMEOUT);
    }

    @Test
    void aCompressedSessionCarriesTraffic() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript).build());
        XmppSession session = n.negotiate();
        NegotiationReport report = n.report();

        assertThat(report.compression()).contains(NegotiationReport.CompressionOutcome.ACTIVE);
        assertThat(report.compressionMethod()).contains("zlib");
        assertThat(report.stages()).extracting(NegotiationReport.Stage::name)
                .containsExactly("initial", "after TLS", "after SASL", "after compression");
        assertThat(report.stages().get(2).features().compressionMethods()).contains("zlib");
        assertThat(report.stages().get(3).features().compressionMethods()).as("not offered twice").isEmpty();
        assertThat(session.ioSession().getFilterChain().contains("compress")).isTrue();

        // Round trips over the compressed stream, the last with a payload far larger than one zlib block.
        for (int i = 0; i < 20; i++) {
            Element pong = session.request(Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "get")
                    .attribute("to", server.domain()).child(Element.of("ping", "urn:xmpp:ping")).build(),
                    Negotiation.TIMEOUT);
            assertThat(pong.attribute("type")).isEqualTo("result");
        }
        String body = "compressible ".repeat(5_000);
        Jid self = report.jid().orElseThrow();
        session.send(Element.builder("message", XmppNamespaces.CLIENT).attribute("to", self.toString())
                .attribute("type", "chat").childWithText("body", XmppNamespaces.CLIENT, body).build());
        Element echoed = session.waitFor(e -> e.is("message", XmppNamespaces.CLIENT), Negotiation.TIMEOUT,
                "the message to ourselves");
        assertThat(echoed.childText("body", XmppNamespaces.CLIENT)).isEqualTo(body);

        assertThat(session.close(Duration.ofSeconds(5))).isIn(CloseOutcome.PEER_CLOSED_STREAM,
                CloseOutcome.PEER_CLOSED_CONNECTION_ONLY);
        assertThat(transcript.render()).contains("<compressed xmlns='http://jabber.org/protocol/compress'/>");
    }

    @Test
    void compressionCanBeTurnedOff() throws Exception {
        SessionNegotiator n = new SessionNegotiator(client,
                Negotiation.as(server, server.user(), new Transcript()).compression(false).build());
        XmppSession session = n.negotiate();
        assertThat(n.report().compression()).contains(NegotiationReport.CompressionOutcome.DISABLED);
        assertThat(session.ioSession().getFilterChain().contains("compress")).isFalse();
        session.close(Negotiation.TIMEOUT);
    }

    @Test
    void aWrongPasswordIsATypedFailureWithEveryMechanism() {
        for (String mechanism : List.of("SCRAM-SHA-1", "DIGEST-MD5", "PLAIN")) {
            SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), new Transcript())
                    .password("wrong-password".toCharArray()).saslMechanisms(mechanism).build());
            assertThatThrownBy(n::negotiate).as(mechanism).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.condition()).contains(SaslFailureCondition.NOT_AUTHORIZED));
        }
    }

    @Test
    void aResourceConflictIsTyped() throws XmppException {
        String resource = "conflict-" + System.nanoTime();
        XmppSession older = new SessionNegotiator(client,
                Negotiation.as(server, server.otherUser(), new Transcript()).resource(resource).build()).negotiate();
        SessionNegotiator second = new SessionNegotiator(client,
                Negotiation.as(server, server.otherUser(), new Transcript()).resource(resource).build());
        XmppSession newer = second.negotiate();
        // ejabberd's policy: the new session wins and the older one is closed with <conflict/>.
        assertThatThrownBy(() -> older.waitFor(e -> false, Negotiation.TIMEOUT, "the end of the older session"))
                .isInstanceOfSatisfying(org.xmppcert.xmpp.session.StreamErrorException.class,
                        e -> assertThat(e.error().condition())
                                .isEqualTo(org.xmppcert.xmpp.stream.StreamErrorCondition.CONFLICT));
        newer.close(Negotiation.TIMEOUT);
    }
}
