package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes the PEM files that operators hand to xmppcert (CA files, client keys).
 * Bouncy Castle's parser is used because real files carry text between the blocks
 * (OpenSSL's "Bag Attributes") that the JDK's CertificateFactory rejects.
 */
final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            List<X509Certificate> certificates = readCertificates(reader);
            if (certificates.isEmpty()) {
                throw new CertificateException("no PEM certificate in " + file);
            }
            return certificates;
        }
    }

    static List<X509Certificate> readCertificates(Reader reader) throws IOException, CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(Certificates.fromDer(holder.getEncoded()));
                }
            }
        }
        return certificates;
    }

    static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    // Passphrases would have to travel through the configuration; use PKCS#12 instead.
                    throw new IOException("encrypted private keys are not supported in PEM; use PKCS#12: " + file);
                }
            }
        }
        throw new IOException("no PEM private key in " + file);
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + BASE64.encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
