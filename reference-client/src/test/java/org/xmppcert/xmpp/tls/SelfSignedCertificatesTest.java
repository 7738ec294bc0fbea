package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.xmpp.tls.SelfSignedCertificates.KeyType;

class SelfSignedCertificatesTest {

    @Test
    void selfSignedServerCertificateCarriesTheXmppIdentifiers() throws Exception {
        TlsCredentials generated = SelfSignedCertificates.forSubject("Example Products, Inc.")
                .dnsNames("im.example.com")
                .srvNames("_xmpp-client.im.example.com")
                .xmppAddrs("im.example.com")
                .generate();
        X509Certificate certificate = generated.certificate();

        assertThat(generated.chain()).containsExactly(certificate);
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getBasicConstraints()).as("end entity, RFC 6120 §13.7.1.1 rule 2").isEqualTo(-1);
        assertThat(XmppIdentityVerifier.presentedIdentifiers(certificate)).containsExactly(
                new PresentedIdentifier(IdentifierType.DNS_ID, "im.example.com"),
                new PresentedIdentifier(IdentifierType.SRV_ID, "_xmpp-client.im.example.com"),
                new PresentedIdentifier(IdentifierType.XMPP_ADDR, "im.example.com"),
                new PresentedIdentifier(IdentifierType.CN_ID, "Example Products, Inc."));
    }

    @Test
    void caSignsLeafAndChainEndsWithTheCa() throws Exception {
        TlsCredentials ca = SelfSignedCertificates.forSubject("xmppcert test CA").certificateAuthority().generate();
        TlsCredentials leaf = SelfSignedCertificates.forSubject("example.com")
                .dnsNames("example.com").keyType(KeyType.EC_P256).issuedBy(ca).generate();

        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.certificate().getKeyUsage()[0]).as("digitalSignature, RFC 6120 §13.7.1.1").isTrue();
        assertThat(leaf.chain()).containsExactly(leaf.certificate(), ca.certificate());
        assertThat(leaf.certificate().getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf.privateKey().getAlgorithm()).isEqualTo("EC");
        leaf.certificate().verify(ca.certificate().getPublicKey());
    }

    @Test
    void validityWindowAndSignatureAlgorithmAreAsRequested() {
        Instant notBefore = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(2, ChronoUnit.DAYS);
        X509Certificate certificate = SelfSignedCertificates.forSubject("old.example")
                .keyType(KeyType.EC_P384).validity(notBefore, notAfter).generate().certificate();

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(notBefore);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(notAfter);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA384withECDSA");
    }

    @Test
    void fingerprintIsColonSeparatedUpperCaseSha256OfTheDer() throws Exception {
        X509Certificate certificate = SelfSignedCertificates.forSubject("fp.example").generate().certificate();
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));

        String fingerprint = SelfSignedCertificates.sha256Fingerprint(certificate);

        assertThat(fingerprint).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void pemFilesRoundTrip(@TempDir Path dir) throws Exception {
        TlsCredentials ca = SelfSignedCertificates.forSubject("CA").certificateAuthority().generate();
        TlsCredentials leaf = SelfSignedCertificates.forSubject("c").xmppAddrs("juliet@example.com")
                .issuedBy(ca).generate();
        Path chainFile = dir.resolve("chain.pem");
        Path keyFile = dir.resolve("key.pem");

        SelfSignedCertificates.writePem(leaf, chainFile, keyFile);

        assertThat(Pem.readCertificates(chainFile)).containsExactlyElementsOf(leaf.chain());
        assertThat(Pem.readPrivateKey(keyFile).getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
        assertThat(leaf.toString()).doesNotContain("PRIVATE").contains("CN=c");
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSubjectIsMandatory() {
        assertThatThrownBy(() -> SelfSignedCertificates.forSubject(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(KeyType.values())).hasSize(3);
    }
}
