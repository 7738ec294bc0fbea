/**
 * A client session on one XML stream: connecting (RFC 6120 §3), sending, waiting for what comes
 * back within a bound, handlers, the stream restarts, and the closing handshake (RFC 6120 §4.4).
 * The negotiation built on these steps is in {@code org.xmppcert.xmpp.negotiation}.
 *
 * <p>Every wait here is bounded, every failure is a typed {@link org.xmppcert.xmpp.XmppException},
 * and everything sent and received passes through the redacting transcript.
 */
package org.xmppcert.xmpp.session;
