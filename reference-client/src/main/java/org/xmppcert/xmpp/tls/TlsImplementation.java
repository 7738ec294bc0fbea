package org.xmppcert.xmpp.tls;

/**
 * Which JSSE provider runs the client's side of STARTTLS (RFC 6120 §5.4.3). Both are driven
 * the same way by {@link XmppTlsFilter}: same {@link XmppTrustManager}, SNI, protocol
 * versions and cipher suites. They differ in the channel bindings they can give SASL
 * (RFC 6120 §13.9.4, RFC 5802 §6), see {@link TlsInfo#channelBinding(String)}.
 */
public enum TlsImplementation {

    /**
     * The JVM's own provider (SunJSSE), the default: the one known to work with every server
     * the project tests against. Channel binding: {@code tls-server-end-point} only
     * (RFC 5929 §4), computed from the server's certificate, since JSSE exposes neither the
     * Finished message nor the exporter.
     */
    JDK,

    /**
     * Bouncy Castle's JSSE provider (BCJSSE), opt-in. An instance private to the
     * {@link javax.net.ssl.SSLContext} is used; no provider is ever added to the JVM's list
     * (with Bouncy Castle's JCE provider registered globally, the JDK's handshakes fail on
     * X25519). Adds {@code tls-unique} (RFC 5929 §3) on TLS 1.2 and below. On TLS 1.3 it
     * would give {@code tls-exporter} (RFC 9266), but Bouncy Castle 1.84 wipes the exporter
     * secret as the handshake completes, before its JSSE layer can be asked; so there, as
     * with the JDK, only {@code tls-server-end-point} remains.
     */
    BOUNCY_CASTLE
}
