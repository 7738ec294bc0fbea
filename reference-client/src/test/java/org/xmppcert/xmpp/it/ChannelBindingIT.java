package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.negotiation.AuthenticationException;
import org.xmppcert.xmpp.negotiation.NegotiationReport;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.sasl.ChannelBinding;
import org.xmppcert.xmpp.sasl.SaslCredentials;
import org.xmppcert.xmpp.sasl.SaslFailureCondition;
import org.xmppcert.xmpp.sasl.ScramSha1;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.tls.ChannelBindings;
import org.xmppcert.xmpp.tls.TlsImplementation;
import org.xmppcert.xmpp.tls.TlsInfo;
import org.xmppcert.xmpp.transcript.Transcript;

/**
 * SCRAM-SHA-1-PLUS end to end (RFC 5802 §6, RFC 6120 §13.9.4) over Bouncy Castle's TLS, against
 * the CI Prosody 0.12 and ejabberd 23.01. Both check only the {@code tls-unique} binding and name
 * no types (no XEP-0440 list); Prosody offers -PLUS only on TLS 1.2, ejabberd on TLS 1.3 too.
 *
 * <p>Bouncy Castle 1.84 gives {@code tls-unique} on TLS 1.2, and nothing but our own
 * {@code tls-server-end-point} on TLS 1.3: it wipes the exporter secret when the handshake
 * completes, before its JSSE layer lets anyone ask for {@code tls-exporter}.
 */
class ChannelBindingIT {
    private static final String PLUS = "SCRAM-SHA-1-PLUS";

    private static CiServer prosody;
    private static CiServer ejabberd;
    private static XmppClient client;

    @BeforeAll
    static void start() {
        prosody = CiServer.prosody();
        ejabberd = CiServer.ejabberd();
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    /** The default mechanism order, Bouncy Castle's TLS with only {@code protocol} allowed. */
    private static SessionNegotiator negotiator(CiServer server, String protocol, Transcript transcript) {
        return new SessionNegotiator(client, Negotiation.as(server, server.user(), transcript)
                .tls(Negotiation.tls(server).withImplementation(TlsImplementation.BOUNCY_CASTLE).withProtocols(protocol))
                .compression(false).build());
    }

    @Test
    void prosodyOnTls12AuthenticatesWithScramSha1PlusBoundToTlsUnique() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = negotiator(prosody, "TLSv1.2", transcript);
        XmppSession session = n.negotiate();
        NegotiationReport report = n.report();
        TlsInfo tls = report.tls().orElseThrow();

        assertThat(tls.protocol()).isEqualTo("TLSv1.2");
        assertThat(tls.channelBindingTypes()).containsExactly("tls-unique", "tls-server-end-point");
        assertThat(afterTls(report).saslMechanisms()).contains(PLUS);
        assertThat(afterTls(report).element().child("sasl-channel-binding", "urn:xmpp:sasl-cb:0"))
                .as("no XEP-0440 list: tls-unique is taken as SCRAM's default type").isNull();
        assertUsedPlusWithTlsUnique(report);
        assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        String wire = transcript.render();
        assertThat(wire).contains("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1-PLUS'>[redacted")
                .contains("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>[redacted");
        assertNoSecret(wire, prosody, tls);
    }

    @Test
    void prosodyOnTls13OffersNoPlusSoScramSha1SaysItCouldHaveBound() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = negotiator(prosody, "TLSv1.3", transcript);
        XmppSession session = n.negotiate();
        NegotiationReport report = n.report();
        TlsInfo tls = report.tls().orElseThrow();

        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        assertThat(tls.channelBindingTypes()).as("no tls-unique on TLS 1.3, no tls-exporter from BC 1.84")
                .containsExactly("tls-server-end-point");
        assertThat(afterTls(report).saslMechanisms()).contains("SCRAM-SHA-1").doesNotContain(PLUS);
        NegotiationReport.Sasl sasl = report.sasl().orElseThrow();
        assertThat(sasl.mechanism()).isEqualTo("SCRAM-SHA-1");
        // RFC 5802 §6: the client can bind (tls-server-end-point) and -PLUS is not offered, so
        // "y", never "n". Prosody accepts it: on TLS 1.3 it has no binding of its own to check.
        assertThat(sasl.channelBindingFlag()).isEqualTo("y");
        assertThat(sasl.succeeded()).isTrue();
        assertThat(report.jid()).isPresent();
        assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        assertNoSecret(transcript.render(), prosody, tls);
    }

    @Test
    void ejabberdOnTls12AuthenticatesWithScramSha1PlusBoundToTlsUnique() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = negotiator(ejabberd, "TLSv1.2", transcript);
        XmppSession session = n.negotiate();
        NegotiationReport report = n.report();
        TlsInfo tls = report.tls().orElseThrow();

        assertThat(tls.protocol()).isEqualTo("TLSv1.2");
        assertThat(afterTls(report).saslMechanisms()).contains(PLUS);
        assertUsedPlusWithTlsUnique(report);
        assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        assertNoSecret(transcript.render(), ejabberd, tls);
    }

    /**
     * ejabberd offers -PLUS on TLS 1.3, where its only type, tls-unique, is undefined (RFC 9266
     * §1): we must not send it. {@code p=tls-server-end-point}, the type we do have, is refused
     * ("Invalid channel binding"), and {@code y} to a server that offers -PLUS means "-PLUS was
     * stripped", which RFC 5802 §6 makes it refuse (Prosody does, below; ejabberd does not). So
     * the client picks SCRAM-SHA-1 with {@code n}: it does not bind this connection.
     */
    @Test
    void ejabberdOnTls13OffersPlusButGetsScramSha1WithoutBinding() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = negotiator(ejabberd, "TLSv1.3", transcript);
        XmppSession session = n.negotiate();
        NegotiationReport report = n.report();
        TlsInfo tls = report.tls().orElseThrow();

        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        assertThat(tls.channelBinding(ChannelBindings.TLS_UNIQUE)).isEmpty();
        assertThat(afterTls(report).saslMechanisms()).contains(PLUS);
        NegotiationReport.Sasl sasl = report.sasl().orElseThrow();
        assertThat(sasl.mechanism()).isEqualTo("SCRAM-SHA-1");
        assertThat(sasl.channelBindingFlag()).isEqualTo("n");
        assertThat(sasl.succeeded()).isTrue();
        assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        assertNoSecret(transcript.render(), ejabberd, tls);
    }

    /**
     * The JDK's TLS has tls-server-end-point only: against Prosody on TLS 1.3 (no -PLUS) that is
     * enough to say {@code y}; against ejabberd, which offers -PLUS for tls-unique alone, it
     * says {@code n}, as with Bouncy Castle on TLS 1.3.
     */
    @Test
    void withTheJdkTheFlagIsYWithoutPlusAndNWithAnUnusablePlus() throws Exception {
        for (CiServer server : new CiServer[] {prosody, ejabberd}) {
            SessionNegotiator n = new SessionNegotiator(client, Negotiation.as(server, server.user(), new Transcript())
                    .tls(Negotiation.tls(server).withProtocols("TLSv1.3")).compression(false).build());
            XmppSession session = n.negotiate();
            NegotiationReport.Sasl sasl = n.report().sasl().orElseThrow();

            assertThat(n.report().tls().orElseThrow().channelBindingTypes()).containsExactly("tls-server-end-point");
            assertThat(sasl.mechanism()).isEqualTo("SCRAM-SHA-1");
            assertThat(sasl.channelBindingFlag()).as(server.name()).isEqualTo(server == prosody ? "y" : "n");
            assertThat(sasl.succeeded()).isTrue();
            session.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * Why not {@code y} to a server that offers -PLUS: a server that checks, as Prosody does on
     * TLS 1.2, refuses it as a sign that -PLUS was stripped on the way (RFC 5802 §6).
     */
    @Test
    void prosodyOnTls12RefusesTheYFlagSinceItOffersPlus() throws Exception {
        SessionNegotiator n = startTls(prosody, "TLSv1.2", new Transcript());
        assertThat(afterTls(n.report()).saslMechanisms()).contains(PLUS);

        assertThatThrownBy(() -> n.authenticateWith(yFlag(prosody))).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.condition()).contains(SaslFailureCondition.MALFORMED_REQUEST));
        assertThat(n.report().sasl().orElseThrow().channelBindingFlag()).isEqualTo("y");
        n.session().close(Negotiation.TIMEOUT);
    }

    /**
     * ejabberd 23.01 accepts {@code y} although it offers -PLUS, on TLS 1.2 as on 1.3: it does not
     * do RFC 5802 §6's downgrade check ("If the flag is set to 'y' and the server supports
     * channel binding, the server MUST fail authentication"). The client does not count on that
     * leniency: on TLS 1.3 it sends {@code n} (see above).
     */
    @Test
    void ejabberdDoesNotRefuseTheYFlagAlthoughItOffersPlus() throws Exception {
        SessionNegotiator n = startTls(ejabberd, "TLSv1.3", new Transcript());
        assertThat(afterTls(n.report()).saslMechanisms()).contains(PLUS);

        n.authenticateWith(yFlag(ejabberd));

        assertThat(n.report().sasl().orElseThrow().succeeded()).isTrue();
        n.session().close(Negotiation.TIMEOUT);
    }

    /**
     * The negative control for Prosody: one bit of the real tls-unique flipped is refused, while
     * the same exchange with the real one succeeds. Prosody answers {@code <malformed-request/>}
     * ("Invalid channel binding value."), not {@code <not-authorized/>}.
     */
    @Test
    void prosodyRefusesAWrongTlsUnique() throws Exception {
        assertOnlyTheRealTlsUniqueIsAccepted(prosody, SaslFailureCondition.MALFORMED_REQUEST,
                "Invalid channel binding value.");
    }

    /** The negative control for ejabberd, which answers {@code <not-authorized/>}. */
    @Test
    void ejabberdRefusesAWrongTlsUnique() throws Exception {
        assertOnlyTheRealTlsUniqueIsAccepted(ejabberd, SaslFailureCondition.NOT_AUTHORIZED, "Invalid channel binding");
    }

    /**
     * SCRAM-SHA-1-PLUS made by hand with the connection's tls-unique: accepted as it is,
     * refused with one bit flipped. Only a server that checks the binding on the wire can tell
     * the two apart.
     */
    private static void assertOnlyTheRealTlsUniqueIsAccepted(CiServer server, SaslFailureCondition condition,
            String text) throws Exception {
        SessionNegotiator right = startTls(server, "TLSv1.2", new Transcript());
        right.authenticateWith(ScramSha1.plus(credentials(server).withChannelBinding(tlsUnique(right, false))));
        assertThat(right.report().sasl().orElseThrow().succeeded()).isTrue();
        right.session().close(Negotiation.TIMEOUT);

        Transcript transcript = new Transcript();
        SessionNegotiator wrong = startTls(server, "TLSv1.2", transcript);
        ScramSha1 flipped = ScramSha1.plus(credentials(server).withChannelBinding(tlsUnique(wrong, true)));
        assertThatThrownBy(() -> wrong.authenticateWith(flipped)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.kind()).isEqualTo(AuthenticationException.Kind.FAILED);
            assertThat(e.condition()).contains(condition);
            assertThat(e.failure().orElseThrow().text()).contains(text);
        });
        assertThat(wrong.report().sasl().orElseThrow().succeeded()).isFalse();
        wrong.session().close(Negotiation.TIMEOUT);
        assertThat(transcript.render()).doesNotContain(server.password(server.user()));
    }

    /** Connected, TLS negotiated with Bouncy Castle on {@code protocol}, SASL not started. */
    private static SessionNegotiator startTls(CiServer server, String protocol, Transcript transcript) throws Exception {
        SessionNegotiator n = negotiator(server, protocol, transcript);
        n.connect();
        n.openStream("initial");
        n.startTls();
        return n;
    }

    private static ChannelBinding tlsUnique(SessionNegotiator n, boolean flipABit) {
        byte[] data = n.report().tls().orElseThrow().channelBinding(ChannelBindings.TLS_UNIQUE).orElseThrow().data();
        if (flipABit) {
            data[0] ^= 0x01;
        }
        return ChannelBinding.of(ChannelBindings.TLS_UNIQUE, data);
    }

    /** SCRAM-SHA-1 saying "I can bind, you seem not to" (RFC 5802 §6), whatever the server offered. */
    private static ScramSha1 yFlag(CiServer server) {
        return ScramSha1.of(credentials(server), ScramSha1.ChannelBindingFlag.SUPPORTED_NOT_OFFERED);
    }

    private static SaslCredentials credentials(CiServer server) {
        return SaslCredentials.of(server.domain(), server.user(), server.password(server.user()).toCharArray());
    }

    private static StreamFeatures afterTls(NegotiationReport report) {
        return report.stages().stream().filter(s -> s.name().equals("after TLS")).findFirst().orElseThrow().features();
    }

    private static void assertUsedPlusWithTlsUnique(NegotiationReport report) {
        NegotiationReport.Sasl sasl = report.sasl().orElseThrow();
        assertThat(sasl.mechanism()).isEqualTo(PLUS);
        assertThat(sasl.channelBindingFlag()).isEqualTo("p=tls-unique");
        assertThat(sasl.succeeded()).as("the server checked our tls-unique and its proof held").isTrue();
        assertThat(report.jid()).isPresent();
    }

    /** Neither the password nor any channel binding data, in any encoding SCRAM would carry it. */
    private static void assertNoSecret(String wire, CiServer server, TlsInfo tls) {
        assertThat(wire).doesNotContain(server.password(server.user()));
        for (String type : tls.channelBindingTypes()) {
            byte[] data = tls.channelBinding(type).orElseThrow().data();
            byte[] cbindInput = concat(("p=" + type + ",,").getBytes(StandardCharsets.US_ASCII), data);
            assertThat(wire).doesNotContain(Base64.getEncoder().encodeToString(data))
                    .doesNotContain(Base64.getEncoder().encodeToString(cbindInput))
                    .doesNotContain(HexFormat.of().formatHex(data));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
