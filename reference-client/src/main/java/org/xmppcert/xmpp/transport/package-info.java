/**
 * Where to connect: DNS SRV resolution of {@code _xmpp-client._tcp.<domain>} with the fallback
 * to the domain itself on port 5222 (RFC 6120 §3.2, RFC 3920 §14.3, RFC 2782), and the TCP
 * connection attempts over the resulting targets.
 */
package org.xmppcert.xmpp.transport;
