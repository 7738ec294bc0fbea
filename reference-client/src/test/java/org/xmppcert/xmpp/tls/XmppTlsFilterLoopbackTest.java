package org.xmppcert.xmpp.tls;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.filterchain.IoFilterLifeCycleException;
import org.apache.mina.core.write.WriteRejectedException;
import org.apache.mina.filter.ssl.SslFilter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real handshakes over loopback with MINA 2.2.5, STARTTLS style: a clear connection first,
 * then {@code addFirst} of the filter on both sides (RFC 6120 §5.4.2.3, §5.4.3). The client
 * runs each test with both {@link TlsImplementation}s: trust manager, SNI, protocol versions
 * and the closing-safe filter must behave the same; only provider wording and the channel
 * bindings differ. The server is SunJSSE unless a test needs Bouncy Castle's answers.
 */
class XmppTlsFilterLoopbackTest {

    private static final Logger LOG = LoggerFactory.getLogger(XmppTlsFilterLoopbackTest.class);
    private static final String DOMAIN = "xmpp.test";

    private static TlsCredentials ca;
    private static TlsCredentials serverCertificate;

    private StartTlsServer server;
    private StartTlsClient client;

    @BeforeAll
    static void makeCertificates() {
        ca = SelfSignedCertificates.forSubject("xmppcert test CA").certificateAuthority().generate();
        serverCertificate = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).issuedBy(ca).generate();
    }

    @AfterEach
    void tearDown(TestInfo test) {
        LOG.info("{}: client saw {}", test.getDisplayName(), client == null ? "-" : client.observations);
        LOG.info("{}: server saw {}", test.getDisplayName(), server == null ? "-" : server.observations);
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void tls13HandshakeAfterStartTlsSecuresTheStreamAndDescribesIt(TlsImplementation implementation) throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation));
        client = new StartTlsClient(filter, "EARLY").connect(server.port());

        assertThat(client.securedEvent.get(5, SECONDS)).isTrue();
        TlsInfo info = filter.handshake().get(5, SECONDS);
        client.send("PING");

        assertThat(client.receivedAfterTls.poll(5, SECONDS)).isEqualTo("PONG");
        assertThat(client.handshakeDoneAtSecuredEvent).as("future completed before SECURED reached the handler").isTrue();
        assertThat(client.securedAttributeAtSecuredEvent).isInstanceOf(SSLSession.class);
        assertThat(info.protocol()).isEqualTo("TLSv1.3");
        assertThat(info.cipherSuite()).startsWith("TLS_");
        assertThat(info.peerChain()).startsWith(serverCertificate.certificate());
        assertThat(info.localChain()).isEmpty();
        assertThat(info.verdict().trusted()).isTrue();
        assertThat(info.verdict().identity().orElseThrow().matchedBy().orElseThrow().type())
                .isEqualTo(IdentifierType.DNS_ID);
        assertThat(info.channelBinding(ChannelBindings.TLS_SERVER_END_POINT).orElseThrow().data())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(serverCertificate.certificate().getEncoded()));
        assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE)).as("undefined on TLS 1.3").isEmpty();
        // Bouncy Castle 1.84 wipes the exporter secret when the handshake completes, before its
        // JSSE layer can be asked: tls-exporter is out of reach with either implementation.
        assertThat(info.channelBindingTypes()).containsExactly(ChannelBindings.TLS_SERVER_END_POINT);
        // The line written during the handshake was held back, then sent encrypted.
        assertThat(server.receivedAfterTls.poll(5, SECONDS)).isEqualTo("EARLY");
        assertThat(server.receivedAfterTls.poll(5, SECONDS)).isEqualTo("PING");
        assertThat(client.writeDuringHandshake.isWritten()).isTrue();
        SSLSession serverSide = server.secured.get(5, SECONDS);
        assertThat(((ExtendedSSLSession) serverSide).getRequestedServerNames())
                .as("SNI is the XMPP domain, RFC 6120 §5.4.3.1 rule 4").containsExactly(new SNIHostName(DOMAIN));
        assertThat(client.observations).containsSubsequence("received:PROCEED", "event:SECURED", "received:PONG");
        assertThat(client.failure).isNotDone();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void wrongHostCertificateAbortsTheHandshakeWithATypedRejectionAndNothingIsSent(TlsImplementation implementation)
            throws Exception {
        TlsCredentials otherHost = SelfSignedCertificates.forSubject("other.test").dnsNames("other.test")
                .issuedBy(ca).generate();
        server = new StartTlsServer(TlsContexts.server(otherHost), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation));
        client = new StartTlsClient(filter, "SECRET").connect(server.port());

        Throwable failure = failureOf(filter.handshake());
        client.closed.get(5, SECONDS);
        server.closed.get(5, SECONDS);

        assertThat(failure).isInstanceOf(CertificateRejectedException.class)
                .hasMessageStartingWith("certificate rejected: name mismatch")
                .hasCauseInstanceOf(implementation == TlsImplementation.JDK ? SSLHandshakeException.class : SSLException.class);
        CertificateVerdict verdict = ((CertificateRejectedException) failure).verdict();
        assertThat(verdict.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
        assertThat(verdict.presentedIdentifiers()).contains(new PresentedIdentifier(IdentifierType.DNS_ID, "other.test"));
        assertThat(client.failure.get(5, SECONDS)).as("the handler gets the same typed exception").isSameAs(failure);
        assertThat(filter.handshake().handle((info, error) -> error).get(5, SECONDS))
                .as("callbacks see the typed exception unwrapped").isSameAs(failure);
        assertThat(client.securedEvent).isNotDone();
        if (implementation == TlsImplementation.JDK) {
            assertThat(server.failure.get(5, SECONDS)).isInstanceOf(SSLException.class);
        }
        // Bouncy Castle fails inside unwrap() and leaves its certificate_unknown alert queued in
        // the engine; MINA wraps it only while closing, when the socket may be gone already. Its
        // server then sees the connection close, with or without the alert: either way it ends.
        assertThat(server.secured).isNotDone();
        assertThat(server.receivedAfterTls).as("the server never got application data").isEmpty();
        assertThat(client.writeDuringHandshake.await(5, SECONDS)).as("held-back write completed").isTrue();
        assertThat(client.writeDuringHandshake.isWritten()).isFalse();
        assertThat(client.writeDuringHandshake.getException()).isInstanceOf(WriteRejectedException.class);
        assertThat(client.observations).as("the MINA failure is reported once, typed")
                .containsExactly("received:PROCEED", "exception:CertificateRejectedException",
                        "exception:WriteRejectedException", "closed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void insecurePolicyCompletesTheHandshakeButRecordsWhatWasWrong(TlsImplementation implementation) throws Exception {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject("localhost").dnsNames("localhost").generate();
        server = new StartTlsServer(TlsContexts.server(selfSigned), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                TlsClientConfig.of(TrustPolicy.insecureAcceptAnyCertificate(DOMAIN)).withImplementation(implementation));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        client.send("PING");

        assertThat(client.receivedAfterTls.poll(5, SECONDS)).isEqualTo("PONG");
        assertThat(info.verdict().acceptedDespiteProblems()).isTrue();
        assertThat(info.verdict().problems())
                .containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED, CertificateProblem.NAME_MISMATCH);
        assertThat(info.toString()).contains("would have been rejected");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void serverSpeakingOnlyTls12GetsTls12AndItsFirstDataArrivesAfterSecured(TlsImplementation implementation) throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> tls.setEnabledProtocols("TLSv1.2"))
                .greetingOnSecured("WELCOME");
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);

        assertThat(client.receivedAfterTls.poll(5, SECONDS)).isEqualTo("WELCOME");
        assertThat(info.protocol()).isEqualTo("TLSv1.2");
        assertThat(info.cipherSuite()).startsWith("TLS_ECDHE_");
        if (implementation == TlsImplementation.BOUNCY_CASTLE) {
            // The verify_data of the client's Finished: 12 bytes in TLS 1.2 (RFC 5246 §7.4.9).
            assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE).orElseThrow().data()).hasSize(12);
            assertThat(info.channelBindingTypes())
                    .containsExactly(ChannelBindings.TLS_UNIQUE, ChannelBindings.TLS_SERVER_END_POINT);
        } else {
            assertThat(info.channelBindingTypes()).containsExactly(ChannelBindings.TLS_SERVER_END_POINT);
        }
        // In TLS 1.2 the server's Finished and its first record can arrive in one read.
        assertThat(client.observations).containsSubsequence("event:SECURED", "received:WELCOME");
        assertThat(client.observations.indexOf("event:SECURED"))
                .isLessThan(client.observations.indexOf("received:WELCOME"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void noCommonProtocolVersionIsATlsFailureNotACertificateRejection(TlsImplementation implementation) throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> tls.setEnabledProtocols("TLSv1.2"));
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                trusting(ca, implementation).withProtocols("TLSv1.3"));
        client = new StartTlsClient(filter, null).connect(server.port());

        Throwable failure = failureOf(filter.handshake());
        client.closed.get(5, SECONDS);

        assertThat(failure).isExactlyInstanceOf(TlsFailureException.class)
                .hasMessageStartingWith("TLS negotiation with xmpp.test failed: ")
                .hasMessageContaining("protocol_version") // each provider words the alert its own way
                .hasCauseInstanceOf(SSLException.class);
        assertThat(filter.verdict()).as("the handshake never reached the certificate").isEmpty();
        assertThat(client.failure.get(5, SECONDS)).isSameAs(failure);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void protocolTheJvmDisablesMakesAddFirstFailAndClosesTheSession(TlsImplementation implementation) throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                trusting(ca, implementation).withProtocols("TLSv1"));
        client = new StartTlsClient(filter, null).connect(server.port());

        Throwable addFailure = client.addFailure.get(5, SECONDS);
        client.closed.get(5, SECONDS);

        assertThat(addFailure).isInstanceOf(IoFilterLifeCycleException.class);
        assertThat(failureOf(filter.handshake())).isInstanceOf(TlsFailureException.class);
        assertThat(client.session().getFilterChain().contains(SslFilter.class)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void ipLiteralDomainIsMatchedAgainstAnIpAddressAndSendsNoSni(TlsImplementation implementation) throws Exception {
        TlsCredentials ipCertificate = SelfSignedCertificates.forSubject("loopback").ipAddresses("127.0.0.1").generate();
        server = new StartTlsServer(TlsContexts.server(ipCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(TlsClientConfig.of(
                TrustPolicy.trustAnchors("127.0.0.1", List.of(ipCertificate.certificate()))).withImplementation(implementation));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);

        assertThat(info.verdict().identity().orElseThrow().matchedBy().orElseThrow().type())
                .isEqualTo(IdentifierType.IP_ADDRESS);
        assertThat(((ExtendedSSLSession) server.secured.get(5, SECONDS)).getRequestedServerNames()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void clientCertificateIsPresentedForSaslExternal(TlsImplementation implementation) throws Exception {
        TlsCredentials juliet = SelfSignedCertificates.forSubject("juliet").xmppAddrs("juliet@" + DOMAIN).generate();
        XmppTrustManager serverJudge = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(juliet.certificate())));
        server = new StartTlsServer(TlsContexts.server(serverCertificate, serverJudge), tls -> tls.setNeedClientAuth(true));
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation).withClientCertificate(juliet));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        SSLSession serverSide = server.secured.get(5, SECONDS);

        assertThat(info.localChain()).containsExactly(juliet.certificate());
        X509Certificate presented = (X509Certificate) serverSide.getPeerCertificates()[0];
        assertThat(XmppIdentityVerifier.presentedIdentifiers(presented))
                .contains(new PresentedIdentifier(IdentifierType.XMPP_ADDR, "juliet@" + DOMAIN));
        assertThat(serverJudge.verdict().orElseThrow().trusted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void tls13ServerRefusingTheClientCertificateFailsAfterSecured(TlsImplementation implementation) throws Exception {
        TlsCredentials stranger = SelfSignedCertificates.forSubject("stranger").xmppAddrs("x@" + DOMAIN).generate();
        XmppTrustManager serverJudge = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        server = new StartTlsServer(TlsContexts.server(serverCertificate, serverJudge), tls -> tls.setNeedClientAuth(true));
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation).withClientCertificate(stranger));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        Throwable failure = client.failure.get(5, SECONDS);
        client.closed.get(5, SECONDS);

        assertThat(info.protocol()).isEqualTo("TLSv1.3");
        assertThat(failure).isExactlyInstanceOf(TlsFailureException.class)
                .hasMessageContaining("after negotiation").hasCauseInstanceOf(SSLException.class);
        assertThat(serverJudge.verdict().orElseThrow().problems())
                .containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED);
        assertThat(client.observations).containsSubsequence("event:SECURED", "exception:TlsFailureException", "closed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsImplementation.class)
    void aFilterServesOneConnectionOnly(TlsImplementation implementation) throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, implementation));
        client = new StartTlsClient(filter, null).connect(server.port());
        filter.handshake().get(5, SECONDS);

        try (StartTlsClient second = new StartTlsClient(filter, null).connect(server.port())) {
            assertThat(second.addFailure.get(5, SECONDS)).isInstanceOf(IoFilterLifeCycleException.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * Against a Bouncy Castle server, which can say what it computed: both ends agree on
     * tls-unique (RFC 5929 §3), and Bouncy Castle's tls-server-end-point is the one we compute
     * from the certificate (RFC 5929 §4.1).
     */
    @Test
    void bouncyCastleTlsUniqueOnTls12IsTheServersToo() throws Exception {
        server = new StartTlsServer(bouncyCastleServer(serverCertificate), tls -> tls.setEnabledProtocols("TLSv1.2"));
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, TlsImplementation.BOUNCY_CASTLE));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        server.secured.get(5, SECONDS);
        BCSSLConnection serverSide = ((BCSSLEngine) server.engine.get(5, SECONDS)).getConnection();

        assertThat(info.protocol()).isEqualTo("TLSv1.2");
        assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE).orElseThrow().data())
                .isEqualTo(serverSide.getChannelBinding(ChannelBindings.TLS_UNIQUE));
        assertThat(info.channelBinding(ChannelBindings.TLS_SERVER_END_POINT).orElseThrow().data())
                .isEqualTo(serverSide.getChannelBinding(ChannelBindings.TLS_SERVER_END_POINT));
        assertThat(info.channelBinding(ChannelBindings.TLS_EXPORTER)).isEmpty();
        assertThat(info.toString()).contains("channel bindings tls-unique tls-server-end-point")
                .doesNotContain(HexFormat.of().formatHex(info.channelBinding(ChannelBindings.TLS_UNIQUE).orElseThrow().data()));
    }

    @Test
    void bouncyCastleOnTls13GivesNeitherTlsUniqueNorTlsExporter() throws Exception {
        server = new StartTlsServer(bouncyCastleServer(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(trusting(ca, TlsImplementation.BOUNCY_CASTLE));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        server.secured.get(5, SECONDS);
        BCSSLConnection serverSide = ((BCSSLEngine) server.engine.get(5, SECONDS)).getConnection();

        assertThat(info.protocol()).isEqualTo("TLSv1.3");
        assertThat(info.channelBindingTypes()).containsExactly(ChannelBindings.TLS_SERVER_END_POINT);
        // What Bouncy Castle 1.84 itself answers after a TLS 1.3 handshake: no tls-unique (it is
        // undefined there), and tls-exporter only from inside its handshake-complete callback.
        assertThat(serverSide.getChannelBinding(ChannelBindings.TLS_UNIQUE)).isNull();
        assertThatThrownBy(() -> serverSide.getChannelBinding(ChannelBindings.TLS_EXPORTER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notifyHandshakeComplete");
    }

    @Test
    void endpointIdentificationIsOursAloneAndDefaultsAreTls13And12AndTheJdk() {
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.jvmDefault(DOMAIN));

        assertThatThrownBy(() -> filter.setEndpointIdentificationAlgorithm("HTTPS"))
                .isInstanceOf(UnsupportedOperationException.class);
        filter.handshake().cancel(true);
        assertThat(filter.handshake()).as("a caller's cancel does not reach the filter").isNotDone();
        assertThat(filter.verdict()).isEmpty();
        assertThat(filter.config().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(filter.config().implementation()).isEqualTo(TlsImplementation.JDK);
    }

    /** Trusting {@code anchor} for {@link #DOMAIN}, with the given implementation and the default versions. */
    private static TlsClientConfig trusting(TlsCredentials anchor, TlsImplementation implementation) {
        return TlsClientConfig.of(TrustPolicy.trustAnchors(DOMAIN, List.of(anchor.certificate())))
                .withImplementation(implementation);
    }

    /** A server context of Bouncy Castle's JSSE provider, which can export its channel bindings. */
    private static SSLContext bouncyCastleServer(TlsCredentials certificate) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS", new BouncyCastleJsseProvider(new BouncyCastleProvider()));
        context.init(new KeyManager[] {new SingleKeyManager(certificate)}, null, null);
        return context;
    }

    private static Throwable failureOf(CompletableFuture<TlsInfo> handshake) throws Exception {
        try {
            handshake.get(5, SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the handshake succeeded");
    }
}
