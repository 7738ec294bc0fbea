package org.xmppcert.xmpp.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (end entity first), as made by
 * {@link SelfSignedCertificates}: the credentials of a test server or of a mock server
 * (RFC 6120 §13.7.1.2), a client certificate for SASL EXTERNAL (XEP-0178), or a test CA.
 *
 * <p>{@link #toString()} names the subject only: the key never reaches a log.
 *
 * @param privateKey the key of {@link #certificate()}
 * @param chain the certificate first, then its issuers (the root is included when
 *     the certificate was issued by a {@link GeneratedCertificate} CA)
 */
public record GeneratedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    public GeneratedCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate");
        }
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
        return "GeneratedCertificate[" + certificate().getSubjectX500Principal().getName()
                + ", chain of " + chain.size() + "]";
    }
}
