package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the client judges the server's certificate: the trust anchors for the PKIX path
 * (RFC 6120 §13.7.2 steps 1–3), the reference identity — the XMPP domain the client
 * addresses and the {@code xmpp-client} service (§13.7.2.1) — and whether a failed check
 * aborts the handshake.
 *
 * <p>Three kinds of anchors: the JVM's default trust store ({@link #jvmDefault}), given
 * certificates or a PEM CA file ({@link #trustAnchors}, {@link #caFile}; a server's
 * self-signed certificate may itself be the "CA"), and, for test servers only,
 * {@link #insecureAcceptAnyCertificate(String)}. The insecure policy still runs every
 * check and records the {@link CertificateVerdict}; it only keeps a failure from aborting
 * the handshake. RFC 3920 §14.2 allows such a setting ("MAY provide a configuration setting
 * that disables this check") provided the checking one exists and is the default here.
 *
 * <p>Revocation (RFC 6120 §13.7.2 step 5) is not checked: the JDK's PKIX trust manager
 * has it off by default, and an OCSP fetch would block MINA's I/O thread, which is where
 * the handshake runs.
 *
 * <p>Immutable and thread-safe; one policy can serve many connections.
 */
public final class TrustPolicy {

    /** The SRV service of client-to-server streams (RFC 6120 §13.7.1.2.1). */
    public static final String XMPP_CLIENT_SERVICE = "xmpp-client";

    private final String domain;
    private final KeyStore anchors; // null: the JVM's default trust store
    private final String anchorsDescription;
    private final boolean enforced;
    private volatile X509ExtendedTrustManager pkix;

    private TrustPolicy(String domain, KeyStore anchors, String anchorsDescription, boolean enforced,
            X509ExtendedTrustManager pkix) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("the XMPP domain to verify the certificate against is required");
        }
        this.domain = domain;
        this.anchors = anchors;
        this.anchorsDescription = anchorsDescription;
        this.enforced = enforced;
        this.pkix = pkix;
    }

    /** Trusts what the JVM trusts ({@code cacerts}, or {@code javax.net.ssl.trustStore} if set). */
    public static TrustPolicy jvmDefault(String domain) {
        return new TrustPolicy(domain, null, "the JVM's default trust store", true, null);
    }

    /** Trusts exactly the given certificates: CAs, or the server's own self-signed certificate. */
    public static TrustPolicy trustAnchors(String domain, Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        return new TrustPolicy(domain, keyStoreOf(List.copyOf(anchors)),
                anchors.size() + " configured trust anchor(s)", true, null);
    }

    /**
     * Trusts the certificates of a PEM file (one or more {@code CERTIFICATE} blocks): a CA
     * bundle, or the server's self-signed certificate.
     */
    public static TrustPolicy caFile(String domain, Path pemFile) throws IOException, CertificateException {
        List<X509Certificate> certificates = Pem.readCertificates(pemFile);
        return new TrustPolicy(domain, keyStoreOf(certificates),
                "CA file " + pemFile + " (" + certificates.size() + " certificate(s))", true, null);
    }

    /**
     * INSECURE: verifies against the JVM's default trust store and records the verdict,
     * but lets the handshake go on whatever the verdict. For test servers with throw-away
     * certificates; a report must show {@link CertificateVerdict#acceptedDespiteProblems()}.
     */
    public static TrustPolicy insecureAcceptAnyCertificate(String domain) {
        return jvmDefault(domain).insecureAcceptAnyCertificate();
    }

    /** INSECURE: this policy's checks, recorded but never aborting the handshake. */
    public TrustPolicy insecureAcceptAnyCertificate() {
        return new TrustPolicy(domain, anchors, anchorsDescription, false, pkix);
    }

    /** The XMPP domain: the 'to' of the client's initial stream header (RFC 6120 §13.7.2.1). */
    public String domain() {
        return domain;
    }

    /** Always {@value #XMPP_CLIENT_SERVICE}: the SRV-ID service a client checks. */
    public String service() {
        return XMPP_CLIENT_SERVICE;
    }

    /** False only for the insecure policy. */
    public boolean enforced() {
        return enforced;
    }

    /** The anchors, in words, for reports. */
    public String anchorsDescription() {
        return anchorsDescription;
    }

    /**
     * The JDK's PKIX trust manager over these anchors. Built once per policy because
     * loading {@code cacerts} costs tens of milliseconds.
     */
    X509ExtendedTrustManager pkixTrustManager() throws GeneralSecurityException {
        X509ExtendedTrustManager current = pkix;
        if (current == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            current = firstX509(factory.getTrustManagers());
            pkix = current;
        }
        return current;
    }

    private static X509ExtendedTrustManager firstX509(TrustManager[] managers) throws GeneralSecurityException {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the PKIX TrustManagerFactory offers no X509ExtendedTrustManager");
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : certificates) {
                store.setCertificateEntry("anchor-" + index++, Objects.requireNonNull(certificate, "anchor"));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory key store cannot be created", e);
        }
    }

    @Override
    public String toString() {
        return "TrustPolicy[" + domain + ", " + anchorsDescription + (enforced ? "" : ", INSECURE: accepts any certificate")
                + "]";
    }
}
