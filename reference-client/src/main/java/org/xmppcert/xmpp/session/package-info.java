/**
 * A client session on one XML stream: connecting (RFC 6120 §3), sending, waiting for what comes
 * back within a bound, handlers, the stream restarts, and the closing handshake (RFC 6120 §4.4);
 * and the negotiation that takes a fresh connection to a bound resource in the order XEP-0170
 * recommends (TLS, SASL, compression, binding, session).
 *
 * <p>Every wait here is bounded, every failure is a typed {@link org.xmppcert.xmpp.XmppException},
 * and everything sent and received passes through the redacting transcript.
 */
package org.xmppcert.xmpp.session;
