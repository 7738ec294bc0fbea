package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes key pairs and X.509 certificates for XMPP entities: self-signed server
 * certificates for the mock server, test CAs and the leaf certificates they sign, and
 * client certificates carrying an XmppAddr for SASL EXTERNAL (XEP-0178 §2).
 *
 * <p>What goes into a certificate follows RFC 6120 §13.7.1: a non-empty subject,
 * basicConstraints cA=FALSE on end entities and cA=TRUE plus keyUsage digitalSignature on
 * CAs (§13.7.1.1), and the server identifiers of §13.7.1.2 — DNS-ID (dNSName), SRV-ID
 * (otherName id-on-dnsSRV, IA5String, RFC 4985) and XmppAddr (otherName id-on-xmppAddr,
 * UTF8String, §13.7.1.4).
 *
 * <pre>{@code
 * TlsCredentials ca = SelfSignedCertificates.forSubject("Test CA").certificateAuthority().generate();
 * TlsCredentials server = SelfSignedCertificates.forSubject("example.com")
 *         .dnsNames("example.com").srvNames("_xmpp-client.example.com").issuedBy(ca).generate();
 * }</pre>
 *
 * <p>The Bouncy Castle provider is handed to the signer only, never registered with
 * {@link java.security.Security} (see the package documentation).
 */
public final class SelfSignedCertificates {

    /** id-on-xmppAddr, RFC 6120 §13.7.1.4. */
    public static final String ID_ON_XMPP_ADDR = "1.3.6.1.5.5.7.8.5";
    /** id-on-dnsSRV (SRVName), RFC 4985 §2. */
    public static final String ID_ON_DNS_SRV = "1.3.6.1.5.5.7.8.7";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider SIGNING_PROVIDER = new BouncyCastleProvider();

    /** Key types offered; RSA 2048 is what every XMPP server in the field can verify. */
    public enum KeyType {
        RSA_2048("RSA"),
        EC_P256("EC"),
        EC_P384("EC");

        private final String algorithm;

        KeyType(String algorithm) {
            this.algorithm = algorithm;
        }

        KeyPair generate() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            switch (this) {
                case RSA_2048 -> generator.initialize(2048, RANDOM);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
            }
            return generator.generateKeyPair();
        }
    }

    private SelfSignedCertificates() {
    }

    /** Starts a certificate whose subject is {@code CN=<commonName>}. */
    public static Builder forSubject(String commonName) {
        return new Builder(commonName);
    }

    /**
     * The SHA-256 fingerprint of the DER encoding, as colon-separated upper-case hex
     * ({@code AB:CD:…}), the form operators compare with {@code openssl x509 -fingerprint}.
     */
    public static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** PEM text of the certificates, one {@code CERTIFICATE} block each, in order. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded", e);
            }
        }
        return pem.toString();
    }

    /** PEM text of the key as unencrypted PKCS#8 ({@code PRIVATE KEY}). */
    public static String toPem(PrivateKey key) {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Writes the chain and the key as PEM files. On POSIX file systems the key file is
     * created owner-only before the key is written, so it is never readable by others.
     */
    public static void writePem(TlsCredentials credentials, Path chainFile, Path keyFile) throws IOException {
        Files.writeString(chainFile, toPem(credentials.chain()), StandardCharsets.US_ASCII);
        Files.deleteIfExists(keyFile);
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(keyFile, toPem(credentials.privateKey()), StandardCharsets.US_ASCII);
    }

    /** What the next certificate will contain; {@link #generate()} may be called repeatedly. */
    public static final class Builder {
        private final String commonName;
        private final List<GeneralName> subjectAltNames = new ArrayList<>();
        private Instant notBefore;
        private Instant notAfter;
        private KeyType keyType = KeyType.RSA_2048;
        private String signatureAlgorithm;
        private boolean certificateAuthority;
        private TlsCredentials issuer;

        private Builder(String commonName) {
            if (commonName == null || commonName.isBlank()) {
                // RFC 6120 §13.7.1.1: the subject field MUST NOT be null.
                throw new IllegalArgumentException("a certificate needs a subject common name");
            }
            this.commonName = commonName;
        }

        /** DNS-IDs (dNSName); a wildcard such as {@code *.example.com} is written as given. */
        public Builder dnsNames(String... names) {
            for (String name : names) {
                subjectAltNames.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        /** XmppAddr identifiers: a domain for servers, a bare JID for clients (RFC 6120 §13.7.1.4). */
        public Builder xmppAddrs(String... jids) {
            for (String jid : jids) {
                subjectAltNames.add(new GeneralName(GeneralName.otherName,
                        new OtherName(new ASN1ObjectIdentifier(ID_ON_XMPP_ADDR), new DERUTF8String(jid))));
            }
            return this;
        }

        /** SRV-IDs, written whole: {@code _xmpp-client.example.com} (RFC 4985). */
        public Builder srvNames(String... srvNames) {
            for (String srvName : srvNames) {
                subjectAltNames.add(new GeneralName(GeneralName.otherName,
                        new OtherName(new ASN1ObjectIdentifier(ID_ON_DNS_SRV), new DERIA5String(srvName))));
            }
            return this;
        }

        /** iPAddress entries (textual IPv4 or IPv6). */
        public Builder ipAddresses(String... addresses) {
            for (String address : addresses) {
                subjectAltNames.add(new GeneralName(GeneralName.iPAddress, address));
            }
            return this;
        }

        /** The validity window; by default one hour ago (clock skew) to 90 days ahead. */
        public Builder validity(Instant notBefore, Instant notAfter) {
            if (!notAfter.isAfter(notBefore)) {
                throw new IllegalArgumentException("notAfter must be after notBefore");
            }
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        /** Valid from one hour ago for the given duration. */
        public Builder validFor(Duration duration) {
            Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
            return validity(start, start.plus(duration));
        }

        public Builder keyType(KeyType keyType) {
            this.keyType = Objects.requireNonNull(keyType, "keyType");
            return this;
        }

        /**
         * A JCA signature name such as {@code SHA384withECDSA} or {@code SHA1withRSA}; by
         * default the one matching the signer's key type. It must suit the issuer's key.
         */
        public Builder signatureAlgorithm(String signatureAlgorithm) {
            this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
            return this;
        }

        /** Makes a CA certificate (RFC 6120 §13.7.1.1, rules for CA certificates). */
        public Builder certificateAuthority() {
            this.certificateAuthority = true;
            return this;
        }

        /** Signs with the given CA instead of self-signing; the chain then ends with the CA's. */
        public Builder issuedBy(TlsCredentials issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Generates a fresh key pair and a certificate for it. */
        public TlsCredentials generate() {
            try {
                return generate(keyType.generate());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate a " + keyType + " key pair", e);
            }
        }

        private TlsCredentials generate(KeyPair subjectKeys) throws GeneralSecurityException {
            Instant start = notBefore != null ? notBefore : Instant.now().minus(1, ChronoUnit.HOURS);
            Instant end = notAfter != null ? notAfter : start.plus(90, ChronoUnit.DAYS);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            X500Name issuerName = issuer == null
                    ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            PrivateKey signingKey = issuer == null ? subjectKeys.getPrivate() : issuer.privateKey();
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(start), Date.from(end),
                        subject, subjectKeys.getPublic());
                addExtensions(builder, subjectKeys);
                ContentSigner signer = new JcaContentSignerBuilder(signatureFor(signingKey))
                        .setProvider(SIGNING_PROVIDER)
                        .build(signingKey);
                X509Certificate certificate = Certificates.fromDer(builder.build(signer).getEncoded());
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(certificate);
                if (issuer != null) {
                    chain.addAll(issuer.chain());
                }
                return new TlsCredentials(subjectKeys.getPrivate(), chain);
            } catch (IOException | OperatorCreationException e) {
                throw new GeneralSecurityException("cannot build certificate for " + commonName, e);
            }
        }

        private void addExtensions(X509v3CertificateBuilder builder, KeyPair subjectKeys)
                throws IOException, GeneralSecurityException {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (certificateAuthority) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(
                        KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                int usage = KeyUsage.digitalSignature;
                if ("RSA".equals(subjectKeys.getPublic().getAlgorithm())) {
                    usage |= KeyUsage.keyEncipherment; // TLS 1.2 RSA key exchange, still offered by old servers
                }
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
        }

        private String signatureFor(PrivateKey signingKey) {
            if (signatureAlgorithm != null) {
                return signatureAlgorithm;
            }
            String algorithm = signingKey.getAlgorithm().toUpperCase(Locale.ROOT);
            if (algorithm.equals("RSA")) {
                return "SHA256withRSA";
            }
            if (signingKey instanceof ECPrivateKey ecKey) {
                // Match the hash to the curve, as TLS 1.3 signature schemes do (P-384 goes with SHA-384).
                return ecKey.getParams().getCurve().getField().getFieldSize() >= 384
                        ? "SHA384withECDSA" : "SHA256withECDSA";
            }
            throw new IllegalArgumentException("no default signature for a " + algorithm + " key");
        }
    }
}
