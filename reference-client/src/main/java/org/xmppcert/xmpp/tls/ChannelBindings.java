package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLEngine;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jsse.BCSSLConnection;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;

/**
 * The TLS channel bindings for SCRAM-SHA-1-PLUS (RFC 5802 §6, RFC 6120 §13.9.4), and which
 * {@link TlsImplementation} can give which.
 *
 * <ul>
 *   <li>{@code tls-server-end-point} (RFC 5929 §4) needs nothing but the server's
 *       certificate: {@link #tlsServerEndPoint} computes it for either implementation, and
 *       RFC 9266 keeps it valid for TLS 1.3.</li>
 *   <li>{@code tls-unique} (RFC 5929 §3) is the first Finished message of the most recent
 *       handshake. It is defined for TLS 1.2 and below only; on TLS 1.3 it is undefined
 *       (RFC 9266 §1, §4), so it is never offered there. SCRAM's default type (RFC 5802 §6).</li>
 *   <li>{@code tls-exporter} (RFC 9266 §2) is 32 bytes from the TLS exporter with the label
 *       {@code EXPORTER-Channel-Binding}; this client asks for it on TLS 1.3, where RFC 9266
 *       makes it the binding to use.</li>
 * </ul>
 *
 * <p>JSSE on Java 17 exposes neither the Finished message nor the exporter. Bouncy Castle's
 * JSSE provider has {@code getChannelBinding} ({@link #exportedBy}): it gives
 * {@code tls-unique} on TLS 1.2, but in 1.84 never {@code tls-exporter} once the handshake
 * is over (it throws: the exporter secret is wiped on completion and only its internal
 * handshake-complete callback may export).
 */
public final class ChannelBindings {

    /** RFC 5929 §4. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";
    /** RFC 5929 §3: TLS 1.2 and below only; needs {@link TlsImplementation#BOUNCY_CASTLE}. */
    public static final String TLS_UNIQUE = "tls-unique";
    /** RFC 9266: asked for on TLS 1.3, from {@link TlsImplementation#BOUNCY_CASTLE}, which 1.84 cannot give. */
    public static final String TLS_EXPORTER = "tls-exporter";

    /** The versions for which RFC 5929 §3 defines tls-unique; anything else, TLS 1.3 first, has none. */
    private static final Set<String> TLS_UNIQUE_PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");

    private static final Map<String, String> DIGESTS_BY_OID = Map.of(
            "1.2.840.113549.2.5", "SHA-256", // MD5: replaced by SHA-256, RFC 5929 §4.1
            "1.3.14.3.2.26", "SHA-256", // SHA-1: replaced by SHA-256, RFC 5929 §4.1
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512",
            "2.16.840.1.101.3.4.2.8", "SHA3-256",
            "2.16.840.1.101.3.4.2.9", "SHA3-384",
            "2.16.840.1.101.3.4.2.10", "SHA3-512");

    private ChannelBindings() {
    }

    /**
     * Whether {@code tls-unique} is defined for a connection of this protocol version (JSSE
     * name, e.g. {@code TLSv1.2}): only up to TLS 1.2 (RFC 5929 §3; RFC 9266 §1 for TLS 1.3).
     * An unknown name counts as not defined.
     */
    public static boolean tlsUniqueDefinedFor(String protocol) {
        return TLS_UNIQUE_PROTOCOLS.contains(protocol);
    }

    /**
     * The bindings the TLS implementation itself can export for a completed handshake:
     * {@code tls-unique} for TLS 1.2 and below, {@code tls-exporter} for TLS 1.3, each only
     * when the engine is Bouncy Castle's and really returns it (see the class comment for
     * tls-exporter). Empty for JSSE engines, which cannot. Never throws: a binding the engine
     * refuses is simply absent.
     *
     * @param engine the engine of a handshake that has completed
     * @param protocol the negotiated version, from the engine's session
     */
    public static List<ChannelBindingData> exportedBy(SSLEngine engine, String protocol) {
        if (!(engine instanceof BCSSLEngine bcEngine)) {
            return List.of();
        }
        BCSSLConnection connection = bcEngine.getConnection();
        if (connection == null) {
            return List.of();
        }
        String type;
        if (tlsUniqueDefinedFor(protocol)) {
            type = TLS_UNIQUE;
        } else if ("TLSv1.3".equals(protocol)) {
            type = TLS_EXPORTER;
        } else {
            return List.of();
        }
        byte[] data;
        try {
            data = connection.getChannelBinding(type);
        } catch (RuntimeException e) {
            // Bouncy Castle 1.84 throws IllegalStateException for tls-exporter once the
            // handshake is over; without the binding, SCRAM goes without it.
            return List.of();
        }
        return data == null || data.length == 0 ? List.of() : List.of(new ChannelBindingData(type, data));
    }

    /**
     * {@code tls-server-end-point} for the server's end-entity certificate: its DER encoding
     * hashed with the hash of its signature algorithm, SHA-256 when that is MD5 or SHA-1
     * (RFC 5929 §4.1). Empty when the signature uses no single hash (EdDSA) or one this
     * JDK cannot compute: RFC 5929 leaves the binding undefined then.
     */
    public static Optional<ChannelBindingData> tlsServerEndPoint(X509Certificate serverCertificate) {
        return tlsServerEndPointHash(serverCertificate).map(hash -> {
            try {
                byte[] digest = MessageDigest.getInstance(hash).digest(serverCertificate.getEncoded());
                return new ChannelBindingData(TLS_SERVER_END_POINT, digest);
            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                throw new IllegalStateException("cannot hash the server certificate with " + hash, e);
            }
        });
    }

    /** The JCA name of the hash {@link #tlsServerEndPoint} uses for this certificate, if defined. */
    public static Optional<String> tlsServerEndPointHash(X509Certificate serverCertificate) {
        ASN1ObjectIdentifier signatureOid = new ASN1ObjectIdentifier(serverCertificate.getSigAlgOID());
        if (signatureOid.equals(EdECObjectIdentifiers.id_Ed25519) || signatureOid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return Optional.empty();
        }
        try {
            byte[] parameters = serverCertificate.getSigAlgParams();
            AlgorithmIdentifier signature = parameters == null
                    ? new AlgorithmIdentifier(signatureOid)
                    : new AlgorithmIdentifier(signatureOid, ASN1Primitive.fromByteArray(parameters));
            // Bouncy Castle reads the hash out of RSASSA-PSS parameters too.
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            return digest == null
                    ? Optional.empty()
                    : Optional.ofNullable(DIGESTS_BY_OID.get(digest.getAlgorithm().getId()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
