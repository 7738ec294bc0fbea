/**
 * Stream negotiation from a fresh TCP connection to a bound resource, in the order of
 * XEP-0170: STARTTLS (RFC 6120 §5, RFC 3920 §5), SASL (RFC 6120 §6, RFC 3920 §6), stream
 * compression (XEP-0138), resource binding (RFC 6120 §7) and session establishment
 * (RFC 3921 §3). Each step is a method of {@link org.xmppcert.xmpp.negotiation.SessionNegotiator}
 * so a scenario can run them one by one, and a {@link org.xmppcert.xmpp.negotiation.NegotiationReport}
 * records what was offered and chosen at each stage, even when a step fails.
 */
package org.xmppcert.xmpp.negotiation;
