package org.xmppcert.xmpp.tls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Small certificate helpers shared by the package. */
final class Certificates {

    private Certificates() {
    }

    /**
     * Parses with the JDK's own factory, so that every certificate in this package behaves
     * exactly like the ones JSSE hands to a trust manager (e.g. the encoding returned by
     * {@code getSubjectAlternativeNames()}).
     */
    static X509Certificate fromDer(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    static String subjectOf(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
