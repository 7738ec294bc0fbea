package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmppcert.xmpp.tls.SelfSignedCertificates.KeyType;

/** RFC 5929 §4.1: which hash tls-server-end-point uses, and that it hashes the DER. */
class ChannelBindingsTest {

    @ParameterizedTest(name = "{1} certificate is bound with {2}")
    @CsvSource({
            "RSA_2048, SHA256withRSA,        SHA-256",
            "EC_P384,  SHA384withECDSA,      SHA-384",
            "RSA_2048, SHA512withRSA,        SHA-512",
            "RSA_2048, SHA1withRSA,          SHA-256",
            "EC_P256,  SHA1withECDSA,        SHA-256",
            "RSA_2048, SHA384withRSAandMGF1, SHA-384"})
    void hashFollowsTheSignatureAlgorithm(KeyType keyType, String signature, String expectedHash) throws Exception {
        X509Certificate certificate = SelfSignedCertificates.forSubject("example.com").keyType(keyType)
                .signatureAlgorithm(signature).generate().certificate();

        ChannelBindingData binding = ChannelBindings.tlsServerEndPoint(certificate).orElseThrow();

        assertThat(ChannelBindings.tlsServerEndPointHash(certificate)).contains(expectedHash);
        assertThat(binding.type()).isEqualTo("tls-server-end-point");
        assertThat(binding.data()).isEqualTo(MessageDigest.getInstance(expectedHash).digest(certificate.getEncoded()));
        assertThat(binding.toString())
                .doesNotContain(HexFormat.of().formatHex(binding.data()).substring(0, 8))
                .contains("tls-server-end-point");
    }

    @Test
    void dataCannotBeChangedFromOutside() {
        String type = ChannelBindings.TLS_SERVER_END_POINT;
        byte[] original = {1, 2, 3};
        ChannelBindingData binding = new ChannelBindingData(type, original);

        original[0] = 9;
        binding.data()[1] = 9;

        assertThat(binding.data()).containsExactly(1, 2, 3);
        assertThat(binding).isEqualTo(new ChannelBindingData(type, new byte[] {1, 2, 3}));
    }
}
