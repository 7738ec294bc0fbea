package org.xmppcert.xmpp.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a completed STARTTLS negotiation established, as seen by the client (RFC 6120
 * §5.4.3.3): the TLS version and cipher suite, the server's chain, the client's own chain
 * if it sent one (XEP-0178), and the {@link CertificateVerdict} on the server's
 * certificate. It also gives the channel bindings for SCRAM-SHA-1-PLUS (RFC 6120 §13.9.4):
 * {@code tls-server-end-point} from the server's certificate, and what the TLS
 * implementation exported when the handshake completed ({@link ChannelBindings#exportedBy}).
 * Channel binding bytes never appear in {@link #toString()}; only their types do.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param peerChain the server's certificates, end entity first
 * @param localChain the client certificate chain sent, empty if none
 * @param verdict the judgement of the server's certificate; under an insecure policy it
 *     may list problems although the handshake went on
 * @param exportedBindings {@code tls-unique} (TLS 1.2 and below only) or {@code tls-exporter},
 *     as the TLS implementation gave them at the end of the handshake; empty with JSSE
 */
public record TlsInfo(
        String protocol,
        String cipherSuite,
        List<X509Certificate> peerChain,
        List<X509Certificate> localChain,
        CertificateVerdict verdict,
        List<ChannelBindingData> exportedBindings) {

    /**
     * @throws IllegalArgumentException for an exported binding other than {@code tls-unique}
     *     and {@code tls-exporter}, one given twice, or {@code tls-unique} on a protocol for
     *     which it is undefined (TLS 1.3: RFC 9266 §1)
     */
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        peerChain = List.copyOf(peerChain);
        localChain = List.copyOf(localChain);
        Objects.requireNonNull(verdict, "verdict");
        exportedBindings = List.copyOf(exportedBindings);
        Set<String> types = new HashSet<>();
        for (ChannelBindingData binding : exportedBindings) {
            String type = binding.type();
            if (!type.equals(ChannelBindings.TLS_UNIQUE) && !type.equals(ChannelBindings.TLS_EXPORTER)) {
                throw new IllegalArgumentException("not a binding the TLS layer exports: " + type);
            }
            if (!types.add(type)) {
                throw new IllegalArgumentException("channel binding given twice: " + type);
            }
            if (type.equals(ChannelBindings.TLS_UNIQUE) && !ChannelBindings.tlsUniqueDefinedFor(protocol)) {
                throw new IllegalArgumentException("tls-unique is undefined for " + protocol + " (RFC 9266 §1)");
            }
        }
    }

    /** Without exported channel bindings, as with JSSE. */
    public TlsInfo(String protocol, String cipherSuite, List<X509Certificate> peerChain,
            List<X509Certificate> localChain, CertificateVerdict verdict) {
        this(protocol, cipherSuite, peerChain, localChain, verdict, List.of());
    }

    /** Reads a client-side session once the handshake is complete; no exported channel bindings. */
    public static TlsInfo ofClientSession(SSLSession session, CertificateVerdict verdict) {
        return ofClientSession(session, verdict, List.of());
    }

    /**
     * Reads a client-side session once the handshake is complete, with the channel bindings
     * the engine exported ({@link ChannelBindings#exportedBy}).
     */
    public static TlsInfo ofClientSession(SSLSession session, CertificateVerdict verdict,
            List<ChannelBindingData> exportedBindings) {
        List<X509Certificate> peer;
        try {
            peer = x509(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            peer = List.of(); // anonymous suites; the verdict says NO_CERTIFICATE then
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), peer,
                x509(session.getLocalCertificates()), verdict, exportedBindings);
    }

    /** The server's end-entity certificate, if it sent one. */
    public Optional<X509Certificate> serverCertificate() {
        return peerChain.isEmpty() ? Optional.empty() : Optional.of(peerChain.get(0));
    }

    /**
     * The channel binding of the given type (RFC 5929 and RFC 9266 names), if this connection
     * offers it: {@value ChannelBindings#TLS_SERVER_END_POINT} whenever the server's
     * certificate defines it, the others only as {@link #exportedBindings()} has them.
     */
    public Optional<ChannelBindingData> channelBinding(String type) {
        if (ChannelBindings.TLS_SERVER_END_POINT.equals(type)) {
            return serverCertificate().flatMap(ChannelBindings::tlsServerEndPoint);
        }
        return exportedBindings.stream().filter(binding -> binding.type().equals(type)).findFirst();
    }

    /**
     * The types {@link #channelBinding} gives for this connection: the exported ones first,
     * then {@value ChannelBindings#TLS_SERVER_END_POINT} if defined.
     */
    public List<String> channelBindingTypes() {
        List<String> types = new ArrayList<>();
        exportedBindings.forEach(binding -> types.add(binding.type()));
        if (serverCertificate().flatMap(ChannelBindings::tlsServerEndPointHash).isPresent()) {
            types.add(ChannelBindings.TLS_SERVER_END_POINT);
        }
        return List.copyOf(types);
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
                + ", channel bindings " + (channelBindingTypes().isEmpty() ? "(none)" : String.join(" ", channelBindingTypes()))
                + ", " + verdict.summary() + "]";
    }
}
