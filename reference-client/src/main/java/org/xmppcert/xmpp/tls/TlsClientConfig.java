package org.xmppcert.xmpp.tls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of STARTTLS for one connection (RFC 6120 §5.4.3): how the server's
 * certificate is judged, which TLS versions are offered, and the client certificate, if
 * any, for SASL EXTERNAL (XEP-0178 §2), and which TLS implementation runs it.
 *
 * @param trustPolicy anchors, domain and enforcement
 * @param protocols the JSSE protocol names offered, by default TLSv1.3 and TLSv1.2
 * @param clientCertificate sent when the server asks for one
 * @param implementation the JSSE provider, by default {@link TlsImplementation#JDK}; choose
 *     {@link TlsImplementation#BOUNCY_CASTLE} for the {@code tls-unique} and
 *     {@code tls-exporter} channel bindings of SCRAM-SHA-1-PLUS (RFC 6120 §13.9.4)
 */
public record TlsClientConfig(TrustPolicy trustPolicy, List<String> protocols, Optional<TlsCredentials> clientCertificate,
        TlsImplementation implementation) {

    /** TLS 1.3 and 1.2: what RFC 6120 §13.8's successors and every maintained server offer. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsClientConfig {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("at least one TLS protocol version is required");
        }
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(implementation, "implementation");
    }

    /** With the JVM's own TLS implementation. */
    public TlsClientConfig(TrustPolicy trustPolicy, List<String> protocols, Optional<TlsCredentials> clientCertificate) {
        this(trustPolicy, protocols, clientCertificate, TlsImplementation.JDK);
    }

    /** The defaults: {@link #DEFAULT_PROTOCOLS}, no client certificate, the JVM's TLS implementation. */
    public static TlsClientConfig of(TrustPolicy trustPolicy) {
        return new TlsClientConfig(trustPolicy, DEFAULT_PROTOCOLS, Optional.empty());
    }

    public TlsClientConfig withProtocols(String... protocols) {
        return new TlsClientConfig(trustPolicy, List.of(protocols), clientCertificate, implementation);
    }

    public TlsClientConfig withClientCertificate(TlsCredentials credentials) {
        return new TlsClientConfig(trustPolicy, protocols, Optional.of(credentials), implementation);
    }

    public TlsClientConfig withImplementation(TlsImplementation implementation) {
        return new TlsClientConfig(trustPolicy, protocols, clientCertificate, implementation);
    }
}
