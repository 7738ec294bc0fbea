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
 *   <li>{@link org.xmppcert.xmpp.tls.TlsInfo#channelBinding(String)}: the
 *       {@code tls-server-end-point} channel binding (RFC 5929 §4.1) for SCRAM-SHA-1-PLUS.</li>
 * </ol>
 *
 * <p>{@link org.xmppcert.xmpp.tls.SelfSignedCertificates} and
 * {@link org.xmppcert.xmpp.tls.TlsContexts#server} exist for the mock server and for tests.
 *
 * <p>Bouncy Castle is used through its lightweight and PKIX APIs only; its JCE provider
 * is never registered globally, because JSSE then picks its X25519 and the handshake can
 * fail.
 */
package org.xmppcert.xmpp.tls;
