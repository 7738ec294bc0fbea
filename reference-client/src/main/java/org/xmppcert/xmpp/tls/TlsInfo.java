package org.xmppcert.xmpp.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a completed STARTTLS negotiation established, as seen by the client (RFC 6120
 * §5.4.3.3): the TLS version and cipher suite, the server's chain, the client's own chain
 * if it sent one (XEP-0178), and the {@link CertificateVerdict} on the server's
 * certificate. It also gives the channel binding for SCRAM-SHA-1-PLUS (RFC 6120 §13.9.4).
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param peerChain the server's certificates, end entity first
 * @param localChain the client certificate chain sent, empty if none
 * @param verdict the judgement of the server's certificate; under an insecure policy it
 *     may list problems although the handshake went on
 */
public record TlsInfo(
        String protocol,
        String cipherSuite,
        List<X509Certificate> peerChain,
        List<X509Certificate> localChain,
        CertificateVerdict verdict) {

    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        peerChain = List.copyOf(peerChain);
        localChain = List.copyOf(localChain);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Reads a client-side session once the handshake is complete. */
    public static TlsInfo ofClientSession(SSLSession session, CertificateVerdict verdict) {
        List<X509Certificate> peer;
        try {
            peer = x509(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            peer = List.of(); // anonymous suites; the verdict says NO_CERTIFICATE then
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), peer,
                x509(session.getLocalCertificates()), verdict);
    }

    /** The server's end-entity certificate, if it sent one. */
    public Optional<X509Certificate> serverCertificate() {
        return peerChain.isEmpty() ? Optional.empty() : Optional.of(peerChain.get(0));
    }

    /**
     * The channel binding of the given type (RFC 5929 names), if this connection offers it.
     * Only {@value ChannelBindings#TLS_SERVER_END_POINT} can be; see {@link ChannelBindings}
     * for why {@code tls-unique} and {@code tls-exporter} cannot.
     */
    public Optional<ChannelBindingData> channelBinding(String type) {
        if (!ChannelBindings.TLS_SERVER_END_POINT.equals(type)) {
            return Optional.empty();
        }
        return serverCertificate().flatMap(ChannelBindings::tlsServerEndPoint);
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        List<X509Certificate> list = new ArrayList<>();
        if (certificates != null) {
            for (Certificate certificate : certificates) {
                list.add((X509Certificate) certificate);
            }
        }
        return list;
    }

    @Override
    public String toString() {
        return "TlsInfo[" + protocol + ", " + cipherSuite + ", server "
                + serverCertificate().map(Certificates::subjectOf).orElse("(no certificate)")
                + (localChain.isEmpty() ? "" : ", client certificate " + Certificates.subjectOf(localChain.get(0)))
                + ", " + verdict.summary() + "]";
    }
}
