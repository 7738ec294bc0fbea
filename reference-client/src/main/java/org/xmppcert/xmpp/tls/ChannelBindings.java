package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;

/**
 * The TLS channel bindings of RFC 5929 that JSSE lets us compute.
 *
 * <p>Only {@code tls-server-end-point} (RFC 5929 §4) is available: it needs nothing but the
 * server's certificate. {@code tls-unique} (RFC 5929 §3) needs the first Finished message
 * and {@code tls-exporter} (RFC 9266) needs the TLS exporter; JSSE on Java 17 exposes
 * neither, so a client offering SCRAM-SHA-1-PLUS can only use {@code tls-server-end-point}
 * (which RFC 9266 also keeps valid for TLS 1.3, where {@code tls-unique} is undefined).
 */
public final class ChannelBindings {

    /** RFC 5929 §4. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";
    /** RFC 5929 §3: not computable with JSSE. */
    public static final String TLS_UNIQUE = "tls-unique";
    /** RFC 9266: not computable with JSSE on Java 17. */
    public static final String TLS_EXPORTER = "tls-exporter";

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
