package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 6120 §13.7.2 with generated certificates; every case checks the recorded verdict. */
class XmppTrustManagerTest {

    private static final String DOMAIN = "example.com";
    private static final String AUTH_TYPE = "ECDHE_RSA";

    private static TlsCredentials ca;
    private static TlsCredentials serverFromCa;

    @BeforeAll
    static void makeCa() {
        ca = SelfSignedCertificates.forSubject("xmppcert test CA").certificateAuthority().generate();
        serverFromCa = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).issuedBy(ca).generate();
    }

    @Test
    void trustedCaAndMatchingNameIsAccepted() {
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatCode(() -> trustManager.checkServerTrusted(chainOf(serverFromCa), AUTH_TYPE)).doesNotThrowAnyException();

        CertificateVerdict verdict = trustManager.verdict().orElseThrow();
        assertThat(verdict.trusted()).isTrue();
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.identity().orElseThrow().matchedBy().orElseThrow())
                .isEqualTo(new PresentedIdentifier(IdentifierType.DNS_ID, DOMAIN));
        assertThat(verdict.subject()).isEqualTo("CN=" + DOMAIN);
        assertThat(verdict.summary()).startsWith("certificate accepted for example.com");
    }

    @Test
    void intermediateCaIsFollowedToTheRoot() {
        TlsCredentials intermediate = SelfSignedCertificates.forSubject("intermediate").certificateAuthority()
                .issuedBy(ca).generate();
        TlsCredentials leaf = SelfSignedCertificates.forSubject("leaf").srvNames("_xmpp-client." + DOMAIN)
                .issuedBy(intermediate).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));
        X509Certificate[] sentByServer = {leaf.chain().get(0), leaf.chain().get(1)}; // root left out, as servers do

        assertThatCode(() -> trustManager.checkServerTrusted(sentByServer, AUTH_TYPE)).doesNotThrowAnyException();
        assertThat(trustManager.verdict().orElseThrow().identity().orElseThrow().matchedBy().orElseThrow().type())
                .isEqualTo(IdentifierType.SRV_ID);
    }

    @Test
    void selfSignedCertificateNotInTheTrustStoreIsRejected() {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(selfSigned), AUTH_TYPE))
                .isInstanceOf(CertificateException.class)
                .hasMessageStartingWith("certificate rejected: self-signed and not trusted");
        assertThat(trustManager.verdict().orElseThrow().problems())
                .containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED);
    }

    @Test
    void selfSignedCertificateGivenAsTheCaIsAccepted(@TempDir Path dir) throws Exception {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).generate();
        Path caFile = dir.resolve("server.pem");
        Files.writeString(caFile, SelfSignedCertificates.toPem(selfSigned.chain()));
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.caFile(DOMAIN, caFile));

        assertThatCode(() -> trustManager.checkServerTrusted(chainOf(selfSigned), AUTH_TYPE)).doesNotThrowAnyException();
        assertThat(trustManager.verdict().orElseThrow().trustAnchors()).contains("server.pem").contains("1 certificate");
    }

    @Test
    void caFileMayHoldSeveralCertificates(@TempDir Path dir) throws Exception {
        TlsCredentials otherCa = SelfSignedCertificates.forSubject("other CA").certificateAuthority().generate();
        Path caFile = dir.resolve("bundle.pem");
        Files.writeString(caFile, "a comment line, as in real bundles\n"
                + SelfSignedCertificates.toPem(List.of(otherCa.certificate(), ca.certificate())));
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.caFile(DOMAIN, caFile));

        assertThatCode(() -> trustManager.checkServerTrusted(chainOf(serverFromCa), AUTH_TYPE)).doesNotThrowAnyException();
        assertThat(trustManager.verdict().orElseThrow().trustAnchors()).contains("2 certificate");
    }

    @Test
    void certificateFromAnUnknownCaIsRejectedAsUntrustedIssuer() {
        TlsCredentials unknownCa = SelfSignedCertificates.forSubject("unknown CA").certificateAuthority().generate();
        TlsCredentials leaf = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).issuedBy(unknownCa)
                .generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(leaf), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(trustManager.verdict().orElseThrow().problems()).containsExactly(CertificateProblem.UNTRUSTED_ISSUER);
    }

    @Test
    void jvmDefaultTrustStoreDoesNotTrustATlsCredentials() {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.jvmDefault(DOMAIN));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(selfSigned), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        CertificateVerdict verdict = trustManager.verdict().orElseThrow();
        assertThat(verdict.problems()).containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED);
        assertThat(verdict.trustAnchors()).isEqualTo("the JVM's default trust store");
    }

    @Test
    void expiredCertificateFromATrustedCaIsRejectedAsExpired() {
        Instant now = Instant.now();
        TlsCredentials expired = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN)
                .validity(now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)).issuedBy(ca).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(expired), AUTH_TYPE))
                .hasMessageStartingWith("certificate rejected: expired");
        CertificateVerdict verdict = trustManager.verdict().orElseThrow();
        assertThat(verdict.problems()).containsExactly(CertificateProblem.EXPIRED);
        assertThat(verdict.findings().get(CertificateProblem.EXPIRED)).contains("CN=example.com expired on");
    }

    @Test
    void expiredSelfSignedCertificateIsRejectedEvenWhenItIsTheAnchor() {
        Instant now = Instant.now();
        TlsCredentials expired = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN)
                .validity(now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)).generate();
        XmppTrustManager trustManager = new XmppTrustManager(
                TrustPolicy.trustAnchors(DOMAIN, List.of(expired.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(expired), AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(trustManager.verdict().orElseThrow().problems()).containsExactly(CertificateProblem.EXPIRED);
    }

    @Test
    void certificateNotYetValidIsRejected() {
        Instant now = Instant.now();
        TlsCredentials future = SelfSignedCertificates.forSubject(DOMAIN).dnsNames(DOMAIN)
                .validity(now.plus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)).issuedBy(ca).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(future), AUTH_TYPE))
                .hasMessageStartingWith("certificate rejected: not yet valid");
        assertThat(trustManager.verdict().orElseThrow().problems()).containsExactly(CertificateProblem.NOT_YET_VALID);
    }

    @Test
    void trustedCertificateForAnotherDomainIsANameMismatch() {
        XmppTrustManager trustManager = new XmppTrustManager(
                TrustPolicy.trustAnchors("other.example", List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(chainOf(serverFromCa), AUTH_TYPE))
                .hasMessageStartingWith("certificate rejected: name mismatch");
        CertificateVerdict verdict = trustManager.verdict().orElseThrow();
        assertThat(verdict.problems()).containsExactly(CertificateProblem.NAME_MISMATCH);
        assertThat(verdict.presentedIdentifiers()).contains(new PresentedIdentifier(IdentifierType.DNS_ID, DOMAIN));
        assertThat(verdict.referenceDomain()).isEqualTo("other.example");
    }

    @Test
    void insecurePolicyAcceptsButRecordsEveryProblem() {
        TlsCredentials selfSigned = SelfSignedCertificates.forSubject("test").dnsNames("wrong.example").generate();
        TrustPolicy policy = TrustPolicy.insecureAcceptAnyCertificate(DOMAIN);
        XmppTrustManager trustManager = new XmppTrustManager(policy);

        assertThatCode(() -> trustManager.checkServerTrusted(chainOf(selfSigned), AUTH_TYPE)).doesNotThrowAnyException();

        CertificateVerdict verdict = trustManager.verdict().orElseThrow();
        assertThat(verdict.problems())
                .containsExactly(CertificateProblem.SELF_SIGNED_UNTRUSTED, CertificateProblem.NAME_MISMATCH);
        assertThat(verdict.enforced()).isFalse();
        assertThat(verdict.acceptedDespiteProblems()).isTrue();
        assertThat(verdict.summary()).startsWith("certificate would have been rejected: self-signed and not trusted")
                .contains("name mismatch").contains("insecureAcceptAnyCertificate");
        assertThat(policy.toString()).contains("INSECURE");
    }

    @Test
    void insecureVariantOfACaPolicyKeepsItsAnchors() {
        TrustPolicy policy = TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())).insecureAcceptAnyCertificate();
        XmppTrustManager trustManager = new XmppTrustManager(policy);

        assertThatCode(() -> trustManager.checkServerTrusted(chainOf(serverFromCa), AUTH_TYPE)).doesNotThrowAnyException();
        assertThat(trustManager.verdict().orElseThrow().trusted()).isTrue();
    }

    @Test
    void missingCertificateIsRecorded() {
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatThrownBy(() -> trustManager.checkServerTrusted(new X509Certificate[0], AUTH_TYPE))
                .isInstanceOf(CertificateException.class);
        assertThat(trustManager.verdict().orElseThrow().problems()).containsExactly(CertificateProblem.NO_CERTIFICATE);
        assertThat(trustManager.verdict().orElseThrow().identity()).isEmpty();
    }

    @Test
    void clientCertificatesAreCheckedForTheirPathOnly() {
        TlsCredentials client = SelfSignedCertificates.forSubject("juliet").xmppAddrs("juliet@" + DOMAIN)
                .issuedBy(ca).generate();
        XmppTrustManager trustManager = new XmppTrustManager(TrustPolicy.trustAnchors(DOMAIN, List.of(ca.certificate())));

        assertThatCode(() -> trustManager.checkClientTrusted(chainOf(client), "RSA")).doesNotThrowAnyException();
        assertThat(trustManager.verdict().orElseThrow().trusted()).isTrue();
        assertThat(trustManager.verdict().orElseThrow().identity()).isEmpty();
    }

    private static X509Certificate[] chainOf(TlsCredentials credentials) {
        return credentials.chain().toArray(X509Certificate[]::new);
    }
}
