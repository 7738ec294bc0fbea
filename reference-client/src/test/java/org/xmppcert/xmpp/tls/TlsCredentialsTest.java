package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.xmpp.tls.SelfSignedCertificates.KeyType;

/** Loading a client certificate for SASL EXTERNAL (XEP-0178) from the files operators have. */
class TlsCredentialsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void pemKeyAndChainAreRead(@TempDir Path dir) throws Exception {
        TlsCredentials generated = SelfSignedCertificates.forSubject("juliet").keyType(KeyType.EC_P256)
                .xmppAddrs("juliet@example.com").generate();
        SelfSignedCertificates.writePem(generated, dir.resolve("chain.pem"), dir.resolve("key.pem"));

        TlsCredentials loaded = TlsCredentials.fromPem(dir.resolve("key.pem"), dir.resolve("chain.pem"));

        assertThat(loaded.chain()).containsExactlyElementsOf(generated.chain());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
        assertThat(loaded.sha256Fingerprint()).isEqualTo(generated.sha256Fingerprint());
    }

    @Test
    void pkcs12WithOneKeyEntryIsRead(@TempDir Path dir) throws Exception {
        TlsCredentials generated = SelfSignedCertificates.forSubject("juliet").generate();
        Path file = pkcs12(dir, generated);

        TlsCredentials loaded = TlsCredentials.fromPkcs12(file, PASSWORD);

        assertThat(loaded.certificate()).isEqualTo(generated.certificate());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    }

    @Test
    void pkcs12WithTwoKeyEntriesIsAmbiguous(@TempDir Path dir) throws Exception {
        Path file = pkcs12(dir, SelfSignedCertificates.forSubject("a").generate(),
                SelfSignedCertificates.forSubject("b").generate());

        assertThatThrownBy(() -> TlsCredentials.fromPkcs12(file, PASSWORD))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("2 key entries");
    }

    @Test
    void encryptedPemKeysAreRefusedWithAPointerToPkcs12(@TempDir Path dir) throws Exception {
        TlsCredentials generated = SelfSignedCertificates.forSubject("x").generate();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(generated.privateKey(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(new BouncyCastleProvider()).setPassword(PASSWORD).build()));
        }
        Path key = Files.writeString(dir.resolve("key.pem"), pem.toString());
        Path chain = Files.writeString(dir.resolve("chain.pem"), SelfSignedCertificates.toPem(generated.chain()));

        assertThatThrownBy(() -> TlsCredentials.fromPem(key, chain)).hasMessageContaining("PKCS#12");
    }

    @Test
    void toStringShowsTheSubjectNeverTheKey() {
        TlsCredentials generated = SelfSignedCertificates.forSubject("juliet").generate();

        assertThat(generated.toString()).isEqualTo("TlsCredentials[CN=juliet, chain of 1]");
    }

    private static Path pkcs12(Path dir, TlsCredentials... entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int index = 0;
        for (TlsCredentials entry : entries) {
            store.setKeyEntry("key" + index++, entry.privateKey(), PASSWORD,
                    entry.chain().toArray(X509Certificate[]::new));
        }
        Path file = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
