package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (end entity first): what one side of a TLS
 * connection presents. For the reference client, the client certificate of SASL EXTERNAL
 * (XEP-0178 §2, RFC 6120 §13.7.1.3); for the mock server, its server certificate
 * (RFC 6120 §13.7.1.2); {@link SelfSignedCertificates} generates both, and test CAs.
 *
 * <p>{@link #toString()} names the subject only: the key never reaches a log.
 *
 * @param privateKey the key of {@link #certificate()}
 * @param chain the certificate first, then its issuers
 */
public record TlsCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    public TlsCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate");
        }
    }

    /**
     * Reads an unencrypted PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) and a PEM file
     * with the certificate chain, end entity first.
     */
    public static TlsCredentials fromPem(Path privateKeyFile, Path certificateChainFile)
            throws IOException, CertificateException {
        return new TlsCredentials(Pem.readPrivateKey(privateKeyFile), Pem.readCertificates(certificateChainFile));
    }

    /** Reads a PKCS#12 file holding exactly one key entry. */
    public static TlsCredentials fromPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() != 1) {
            throw new GeneralSecurityException(file + " holds " + keyAliases.size() + " key entries; exactly one is needed");
        }
        String alias = keyAliases.get(0);
        Key key = store.getKey(alias, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new GeneralSecurityException("the key entry of " + file + " is not a private key");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
        }
        return new TlsCredentials(privateKey, chain);
    }

    /** The end-entity (or CA) certificate this key belongs to. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SHA-256 fingerprint of {@link #certificate()}, formatted {@code AB:CD:…}. */
    public String sha256Fingerprint() {
        return SelfSignedCertificates.sha256Fingerprint(certificate());
    }

    @Override
    public String toString() {
        return "TlsCredentials[" + certificate().getSubjectX500Principal().getName()
                + ", chain of " + chain.size() + "]";
    }
}
