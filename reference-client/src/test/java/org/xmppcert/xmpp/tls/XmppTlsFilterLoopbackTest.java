package org.xmppcert.xmpp.tls;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.filterchain.IoFilterLifeCycleException;
import org.apache.mina.core.write.WriteRejectedException;
import org.apache.mina.filter.ssl.SslFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real handshakes over loopback with MINA 2.2.5, STARTTLS style: a clear connection first,
 * then {@code addFirst} of the filter on both sides (RFC 6120 §5.4.2.3, §5.4.3).
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

    @Test
    void tls13HandshakeAfterStartTlsSecuresTheStreamAndDescribesIt() throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
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
        assertThat(info.channelBinding(ChannelBindings.TLS_UNIQUE)).isEmpty();
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

    @Test
    void wrongHostCertificateAbortsTheHandshakeWithATypedRejectionAndNothingIsSent() throws Exception {
        TlsCredentials otherHost = SelfSignedCertificates.forSubject("other.test").dnsNames("other.test")
                .issuedBy(ca).generate();
        server = new StartTlsServer(TlsContexts.server(otherHost), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        client = new StartTlsClient(filter, "SECRET").connect(server.port());

        Throwable failure = failureOf(filter.handshake());
        client.closed.get(5, SECONDS);
        server.closed.get(5, SECONDS);

        assertThat(failure).isInstanceOf(CertificateRejectedException.class)
                .hasMessageStartingWith("certificate rejected: name mismatch")
                .hasCauseInstanceOf(SSLHandshakeException.class);
        CertificateVerdict verdict = ((CertificateRejectedException) failure).verdict();
        assertThat(verdict.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
        assertThat(verdict.presentedIdentifiers()).contains(new PresentedIdentifier(IdentifierType.DNS_ID, "other.test"));
        assertThat(client.failure.get(5, SECONDS)).as("the handler gets the same typed exception").isSameAs(failure);
        assertThat(filter.handshake().handle((info, error) -> error).get(5, SECONDS))
                .as("callbacks see the typed exception unwrapped").isSameAs(failure);
        assertThat(client.securedEvent).isNotDone();
        assertThat(server.failure.get(5, SECONDS)).isInstanceOf(SSLException.class);
        assertThat(server.secured).isNotDone();
        assertThat(server.receivedAfterTls).as("the server never got application data").isEmpty();
        assertThat(client.writeDuringHandshake.await(5, SECONDS)).as("held-back write completed").isTrue();
        assertThat(client.writeDuringHandshake.isWritten()).isFalse();
        assertThat(client.writeDuringHandshake.getException()).isInstanceOf(WriteRejectedException.class);
        assertThat(client.observations).as("the MINA failure is reported once, typed")
                .containsExactly("received:PROCEED", "exception:CertificateRejectedException",
                        "exception:WriteRejectedException", "closed");
    }

    @Test
    void insecurePolicyCompletesTheHandshakeButRecordsWhatWasWrong() throws Exception {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject("localhost").dnsNames("localhost").generate();
        server = new StartTlsServer(TlsContexts.server(selfSigned), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.insecureAcceptAnyCertificate(DOMAIN));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        client.send("PING");

        assertThat(client.receivedAfterTls.poll(5, SECONDS)).isEqualTo("PONG");
        assertThat(info.verdict().acceptedDespiteProblems()).isTrue();
        assertThat(info.verdict().problems())
                .containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED, CertificateProblem.NAME_MISMATCH);
        assertThat(info.toString()).contains("would have been rejected");
    }

    @Test
    void serverSpeakingOnlyTls12GetsTls12AndItsFirstDataArrivesAfterSecured() throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> tls.setEnabledProtocols("TLSv1.2"))
                .greetingOnSecured("WELCOME");
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);

        assertThat(client.receivedAfterTls.poll(5, SECONDS)).isEqualTo("WELCOME");
        assertThat(info.protocol()).isEqualTo("TLSv1.2");
        assertThat(info.cipherSuite()).startsWith("TLS_ECDHE_");
        // In TLS 1.2 the server's Finished and its first record can arrive in one read.
        assertThat(client.observations).containsSubsequence("event:SECURED", "received:WELCOME");
        assertThat(client.observations.indexOf("event:SECURED"))
                .isLessThan(client.observations.indexOf("received:WELCOME"));
    }

    @Test
    void noCommonProtocolVersionIsATlsFailureNotACertificateRejection() throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> tls.setEnabledProtocols("TLSv1.2"));
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                TlsClientConfig.of(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate()))).withProtocols("TLSv1.3"));
        client = new StartTlsClient(filter, null).connect(server.port());

        Throwable failure = failureOf(filter.handshake());
        client.closed.get(5, SECONDS);

        assertThat(failure).isExactlyInstanceOf(TlsFailureException.class)
                .hasMessageStartingWith("TLS negotiation with xmpp.test failed: Received fatal alert: protocol_version")
                .hasCauseInstanceOf(SSLException.class);
        assertThat(filter.verdict()).as("the handshake never reached the certificate").isEmpty();
        assertThat(client.failure.get(5, SECONDS)).isSameAs(failure);
    }

    @Test
    void protocolTheJvmDisablesMakesAddFirstFailAndClosesTheSession() throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                TlsClientConfig.of(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate()))).withProtocols("TLSv1"));
        client = new StartTlsClient(filter, null).connect(server.port());

        Throwable addFailure = client.addFailure.get(5, SECONDS);
        client.closed.get(5, SECONDS);

        assertThat(addFailure).isInstanceOf(IoFilterLifeCycleException.class);
        assertThat(failureOf(filter.handshake())).isInstanceOf(TlsFailureException.class);
        assertThat(client.session().getFilterChain().contains(SslFilter.class)).isFalse();
    }

    @Test
    void ipLiteralDomainIsMatchedAgainstAnIpAddressAndSendsNoSni() throws Exception {
        TlsCredentials ipCertificate = SelfSignedCertificates.forSubject("loopback").ipAddresses("127.0.0.1").generate();
        server = new StartTlsServer(TlsContexts.server(ipCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(
                TrustPolicy.trustAnchors("127.0.0.1", List.of(ipCertificate.certificate())));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);

        assertThat(info.verdict().identity().orElseThrow().matchedBy().orElseThrow().type())
                .isEqualTo(IdentifierType.IP_ADDRESS);
        assertThat(((ExtendedSSLSession) server.secured.get(5, SECONDS)).getRequestedServerNames()).isEmpty();
    }

    @Test
    void clientCertificateIsPresentedForSaslExternal() throws Exception {
        TlsCredentials juliet = SelfSignedCertificates.forSubject("juliet").xmppAddrs("juliet@" + DOMAIN).generate();
        XmppTrustManager serverJudge = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(juliet.certificate())));
        server = new StartTlsServer(TlsContexts.server(serverCertificate, serverJudge), tls -> tls.setNeedClientAuth(true));
        XmppTlsFilter filter = XmppTlsFilter.forClient(TlsClientConfig
                .of(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate()))).withClientCertificate(juliet));
        client = new StartTlsClient(filter, null).connect(server.port());

        TlsInfo info = filter.handshake().get(5, SECONDS);
        SSLSession serverSide = server.secured.get(5, SECONDS);

        assertThat(info.localChain()).containsExactly(juliet.certificate());
        X509Certificate presented = (X509Certificate) serverSide.getPeerCertificates()[0];
        assertThat(XmppIdentityVerifier.presentedIdentifiers(presented))
                .contains(new PresentedIdentifier(IdentifierType.XMPP_ADDR, "juliet@" + DOMAIN));
        assertThat(serverJudge.verdict().orElseThrow().trusted()).isTrue();
    }

    @Test
    void tls13ServerRefusingTheClientCertificateFailsAfterSecured() throws Exception {
        TlsCredentials stranger = SelfSignedCertificates.forSubject("stranger").xmppAddrs("x@" + DOMAIN).generate();
        XmppTrustManager serverJudge = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        server = new StartTlsServer(TlsContexts.server(serverCertificate, serverJudge), tls -> tls.setNeedClientAuth(true));
        XmppTlsFilter filter = XmppTlsFilter.forClient(TlsClientConfig
                .of(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate()))).withClientCertificate(stranger));
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

    @Test
    void aFilterServesOneConnectionOnly() throws Exception {
        server = new StartTlsServer(TlsContexts.server(serverCertificate), tls -> { });
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        client = new StartTlsClient(filter, null).connect(server.port());
        filter.handshake().get(5, SECONDS);

        try (StartTlsClient second = new StartTlsClient(filter, null).connect(server.port())) {
            assertThat(second.addFailure.get(5, SECONDS)).isInstanceOf(IoFilterLifeCycleException.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void endpointIdentificationIsOursAloneAndDefaultsAreTls13And12() {
        XmppTlsFilter filter = XmppTlsFilter.forClient(TrustPolicy.jvmDefault(DOMAIN));

        assertThatThrownBy(() -> filter.setEndpointIdentificationAlgorithm("HTTPS"))
                .isInstanceOf(UnsupportedOperationException.class);
        filter.handshake().cancel(true);
        assertThat(filter.handshake()).as("a caller's cancel does not reach the filter").isNotDone();
        assertThat(filter.verdict()).isEmpty();
        assertThat(filter.config().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
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
