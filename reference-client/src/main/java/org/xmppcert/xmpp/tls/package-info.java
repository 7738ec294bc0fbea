/**
 * STARTTLS for the reference client: the TLS layer that the session layer inserts into
 * the MINA filter chain after {@code <proceed/>} (RFC 6120 §5.4.2.3, §5.4.3; RFC 3920 §5),
 * and the judgement of the certificate the server presents (RFC 6120 §13.7.2, which
 * applies RFC 6125 to XMPP; RFC 3920 §14.2).
 *
 * <p>The pieces, in the order a connection meets them:
 * <ol>
 *   <li>{@link org.xmppcert.xmpp.tls.TrustPolicy}: which trust anchors, which XMPP domain,
 *       and whether a rejection aborts the handshake (the insecure opt-out only stops
 *       the abort; the verification still runs and is recorded).</li>
 *   <li>{@link org.xmppcert.xmpp.tls.XmppTlsFilter}: one per connection; added first in
 *       the chain, it starts the handshake and completes
 *       {@link org.xmppcert.xmpp.tls.XmppTlsFilter#handshake()} with a
 *       {@link org.xmppcert.xmpp.tls.TlsInfo} or a
 *       {@link org.xmppcert.xmpp.tls.TlsFailureException}.</li>
 *   <li>{@link org.xmppcert.xmpp.tls.XmppTrustManager}: PKIX path validation, then
 *       {@link org.xmppcert.xmpp.tls.XmppIdentityVerifier} for the domain; the result is a
 *       {@link org.xmppcert.xmpp.tls.CertificateVerdict}.</li>
 *   <li>{@link org.xmppcert.xmpp.tls.TlsInfo#channelBinding(String)}: the channel bindings
 *       for SCRAM-SHA-1-PLUS (RFC 6120 §13.9.4): {@code tls-server-end-point} (RFC 5929 §4.1)
 *       always, and with {@link org.xmppcert.xmpp.tls.TlsImplementation#BOUNCY_CASTLE} what
 *       the engine exports at the end of the handshake ({@code tls-unique}, RFC 5929 §3, on
 *       TLS 1.2 and below; see {@link org.xmppcert.xmpp.tls.ChannelBindings}).</li>
 * </ol>
 *
 * <p>{@link org.xmppcert.xmpp.tls.SelfSignedCertificates} and
 * {@link org.xmppcert.xmpp.tls.TlsContexts#server} exist for the mock server and for tests.
 *
 * <p>TLS runs on the JVM's JSSE by default, or on Bouncy Castle's JSSE provider when
 * {@link org.xmppcert.xmpp.tls.TlsClientConfig#implementation()} asks for it. Bouncy Castle's
 * providers are only ever passed as objects ({@link org.xmppcert.xmpp.tls.TlsContexts}),
 * never registered globally, because JSSE then picks Bouncy Castle's X25519 and the
 * handshake can fail.
 */
package org.xmppcert.xmpp.tls;
