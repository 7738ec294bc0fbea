/**
 * xmppcert's reference client: an XMPP client library for the XMPP Basic Client 2008
 * compliance level (XEP-0211 §2), built so that every step of a session can be driven
 * and observed. It knows nothing of tests; the harness drives it.
 *
 * <p>One package per concern: {@code jid}, {@code xml}, {@code stream}, {@code tls},
 * {@code sasl}, {@code compress}, {@code bind}, {@code transport}, {@code transcript},
 * {@code session}.
 */
package org.xmppcert.xmpp;
