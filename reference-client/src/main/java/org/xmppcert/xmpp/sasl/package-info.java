/**
 * The client side of SASL as XMPP profiles it: RFC 3920 §6 (XMPP Basic Client 2008,
 * XEP-0211) read with its revision RFC 6120 §6, §13.8 and §13.9.
 *
 * <p>Mechanisms, each a {@link org.xmppcert.xmpp.sasl.SaslMechanism}:
 * <ul>
 *   <li>{@link org.xmppcert.xmpp.sasl.ScramSha1} — SCRAM-SHA-1 and SCRAM-SHA-1-PLUS,
 *       RFC 5802 (via the ongres scram-client library), RFC 6120 §13.8 and §13.9.4;</li>
 *   <li>{@link org.xmppcert.xmpp.sasl.DigestMd5} — DIGEST-MD5, RFC 2831 as RFC 3920 §6.5
 *       uses it (written by hand, see the class);</li>
 *   <li>{@link org.xmppcert.xmpp.sasl.Plain} — PLAIN, RFC 4616;</li>
 *   <li>{@link org.xmppcert.xmpp.sasl.External} — EXTERNAL, RFC 4422 Appendix A and
 *       XEP-0178;</li>
 *   <li>{@link org.xmppcert.xmpp.sasl.Anonymous} — ANONYMOUS, RFC 4505 (not in the
 *       spec folder; only the limit RFC 6120 §6.5.8 restates is enforced);</li>
 *   <li>{@link org.xmppcert.xmpp.sasl.ScriptedMechanism} — canned bytes, for a harness
 *       that must send deliberately wrong things through the normal session code.</li>
 * </ul>
 *
 * <p>Around them: {@link org.xmppcert.xmpp.sasl.MechanismSelector} (RFC 6120 §6.3.3,
 * §13.8.3), {@link org.xmppcert.xmpp.sasl.SaslPayloads} (the base 64 rules of RFC 6120
 * §6.3.5, §6.4.2, §6.4.6 and §13.9.1), {@link org.xmppcert.xmpp.sasl.SaslFailure} and
 * {@link org.xmppcert.xmpp.sasl.SaslFailureCondition} (RFC 3920 §6.4, RFC 6120 §6.5).
 *
 * <p>Pure logic: nothing here touches a socket or XML. The session layer moves the
 * payloads in and out of {@code <auth/>}, {@code <challenge/>}, {@code <response/>},
 * {@code <success/>} and {@code <failure/>}.
 *
 * <p>Secrets: no password, SASL payload or channel-binding data ever reaches an
 * exception message or a {@code toString()} of this package. Exception details are
 * written by this package, never copied from what the server sent.
 */
package org.xmppcert.xmpp.sasl;
