package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.AuthenticationException;
import org.xmppcert.xmpp.negotiation.NegotiationReport;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.negotiation.TlsNegotiationException;
import org.xmppcert.xmpp.sasl.SaslFailureCondition;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.session.StreamErrorException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.tls.CertificateProblem;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.xml.Element;

/**
 * The connection layer against the CI Prosody (ci/prosody/start.sh): RFC 6120 §4–§7 and
 * RFC 3921 §3 end to end, with what Prosody 0.12 offers.
 */
class ProsodyConnectionIT {
    private static CiServer server;
    private static XmppClient client;

    @BeforeAll
    static void start() {
        server = CiServer.prosody();
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private NegotiationReport connect(String mechanism, Transcript transcript) throws XmppException {
        SessionNegotiator n = new SessionNegotiator(client,
                Negotiation.as(server, server.user(), transcript).saslMechanisms(mechanism).build());
        XmppSession session = n.negotiate();
        assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        return n.report();
    }

    @Test
    void tlsAndScramSha1() throws Exception {
        Transcript transcript = new Transcript();
        NegotiationReport report = connect("SCRAM-SHA-1", transcript);

        assertThat(report.stages()).extracting(NegotiationReport.Stage::name)
                .containsExactly("initial", "after TLS", "after SASL");
        assertThat(report.stages().get(0).features().requiresStartTls()).isTrue();
        assertThat(report.tls().orElseThrow().protocol()).startsWith("TLSv1.");
        assertThat(report.tls().orElseThrow().verdict().trusted()).isTrue();
        assertThat(report.sasl().orElseThrow().mechanism()).isEqualTo("SCRAM-SHA-1");
        assertThat(report.sasl().orElseThrow().succeeded()).isTrue();
        Jid jid = report.jid().orElseThrow();
        assertThat(jid.bare()).isEqualTo(Jid.of(server.user() + "@" + server.domain()));
        assertThat(jid.resource()).isPresent();
        assertThat(report.compression()).contains(NegotiationReport.CompressionOutcome.NOT_OFFERED);

        String wire = transcript.render();
        assertThat(wire).contains("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>[redacted")
                .contains("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
                .contains("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>[redacted");
        assertNoSecret(wire);
    }

    @Test
    void tlsAndPlain() throws Exception {
        Transcript transcript = new Transcript();
        NegotiationReport report = connect("PLAIN", transcript);
        assertThat(report.sasl().orElseThrow().mechanism()).isEqualTo("PLAIN");
        assertThat(report.jid()).isPresent();
        assertNoSecret(transcript.render());
    }

    @Test
    void anonymousLoginOnTheAnonymousHost() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client,
                Negotiation.as(server, Jid.of(server.anonDomain()), transcript).build());
        XmppSession session = n.negotiate();
        assertThat(n.report().sasl().orElseThrow().mechanism()).isEqualTo("ANONYMOUS");
        assertThat(n.report().jid().orElseThrow().domain()).isEqualTo(server.anonDomain());
        assertThat(n.report().jid().orElseThrow().local()).as("the server made up a user").isPresent();
        session.close(Negotiation.TIMEOUT);
    }

    @Test
    void aWrongPasswordIsATypedFailure() {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .password("not-the-password".toCharArray()).saslMechanisms("SCRAM-SHA-1").build());
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.FAILED);
            assertThat(e.condition()).contains(SaslFailureCondition.NOT_AUTHORIZED);
        });
        assertThat(transcript.render()).contains("<not-authorized/>").doesNotContain("not-the-password");
    }

    @Test
    void theCertificateIsRejectedWithoutItsCaAndNoCredentialIsSent() {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .trust(TrustPolicy.jvmDefault(server.domain())).build());
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(TlsNegotiationException.class, e -> {
            assertThat(e.kind()).isEqualTo(TlsNegotiationException.Kind.CERTIFICATE_REJECTED);
            assertThat(e.verdict().orElseThrow().problems()).isNotEmpty();
        });
        assertThat(transcript.render()).doesNotContain("<auth").contains("<proceed");
    }

    @Test
    void aCertificateForAnotherDomainIsRejected() {
        Transcript transcript = new Transcript();
        // Trusting the right CA but expecting another name: the name check alone must refuse it.
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .trust(trustFor("other.example")).build());
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(TlsNegotiationException.class, e ->
                assertThat(e.verdict().orElseThrow().problems()).contains(CertificateProblem.NAME_MISMATCH));
        assertThat(transcript.render()).doesNotContain("<auth");
    }

    @Test
    void insecureModeAcceptsButStillReportsTheProblem() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .trust(TrustPolicy.insecureAcceptAnyCertificate(server.domain())).saslMechanisms("SCRAM-SHA-1").build());
        XmppSession session = n.negotiate();
        assertThat(n.report().tls().orElseThrow().verdict().trusted()).isFalse();
        assertThat(n.report().tls().orElseThrow().verdict().summary()).contains("would have been rejected");
        session.close(Negotiation.TIMEOUT);
    }

    @Test
    void withoutTlsTheServerRefusesToAuthenticate() {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .tlsMode(TlsMode.DISABLED).build());
        assertThatThrownBy(n::negotiate).isInstanceOf(XmppException.class);
        assertThat(transcript.render()).doesNotContain("<auth");
    }

    @Test
    void aRequestedResourceIsBound() throws Exception {
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), new Transcript())
                .resource("xmppcert-requested").build());
        XmppSession session = n.negotiate();
        assertThat(n.report().jid().orElseThrow().resource()).contains("xmppcert-requested");
        session.close(Negotiation.TIMEOUT);
    }

    @Test
    void aResourceConflictEndsTheOlderSessionWithATypedStreamError() throws Exception {
        String resource = "conflict-" + System.nanoTime();
        SessionNegotiator first = new SessionNegotiator(client,
                Negotiation.as(server, server.otherUser(), new Transcript()).resource(resource).build());
        XmppSession older = first.negotiate();
        SessionNegotiator second = new SessionNegotiator(client,
                Negotiation.as(server, server.otherUser(), new Transcript()).resource(resource).build());
        XmppSession newer;
        try {
            newer = second.negotiate();
        } catch (org.xmppcert.xmpp.bind.BindException e) {
            // RFC 6120 §7.7.2.2 also lets a server refuse the new request instead.
            assertThat(e.condition()).isEqualTo(org.xmppcert.xmpp.stanza.StanzaErrorCondition.CONFLICT);
            older.close(Negotiation.TIMEOUT);
            return;
        }
        // Prosody's default policy: the new session wins, the old one gets <conflict/> (RFC 6120 §7.7.2.2).
        assertThat(second.report().jid().orElseThrow().resource()).contains(resource);
        assertThatThrownBy(() -> older.waitFor(e -> false, Negotiation.TIMEOUT, "the end of the older session"))
                .isInstanceOfSatisfying(StreamErrorException.class,
                        e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.CONFLICT));
        assertThat(older.isOpen()).isFalse();
        newer.close(Negotiation.TIMEOUT);
    }

    @Test
    void aCleanCloseIsAnsweredWithTheServersClosingTag() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript).build());
        XmppSession session = n.negotiate();
        // The session is usable: an XEP-0199 ping to the server is answered.
        Element pong = session.request(Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "get")
                .attribute("to", server.domain()).child(Element.of("ping", "urn:xmpp:ping")).build(),
                Negotiation.TIMEOUT);
        assertThat(pong.attribute("type")).isEqualTo("result");
        assertThat(session.close(Duration.ofSeconds(5))).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        List<TranscriptEntry> entries = transcript.entries();
        int ourClose = indexOf(entries, Direction.OUT, "</stream:stream>");
        int theirClose = indexOf(entries, Direction.IN, "</stream:stream>");
        assertThat(ourClose).as("we sent our closing tag").isNotNegative();
        assertThat(theirClose).as("the server answered with its own, after ours").isGreaterThan(ourClose);
        assertThat(session.isOpen()).isFalse();
    }

    private static int indexOf(List<TranscriptEntry> entries, Direction direction, String text) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).direction() == direction && entries.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static TrustPolicy trustFor(String domain) {
        try {
            return TrustPolicy.caFile(domain, server.caFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSecret(String wire) {
        String pw = server.password(server.user());
        String plain = Base64.getEncoder().encodeToString(("\0" + server.user() + "\0" + pw)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(wire).doesNotContain(pw).doesNotContain(plain);
    }
}
