/**
 * IQ semantics (RFC 6120 §8.2.3, RFC 3920 §9.2.3): building requests and responses, and the
 * {@link org.xmppcert.xmpp.iq.IqRouter} that answers every incoming request, with a registered
 * handler or with {@code <service-unavailable/>} (RFC 6120 §8.4).
 */
package org.xmppcert.xmpp.iq;
