/**
 * Resource binding (RFC 6120 §7, RFC 3920 §7) and session establishment (RFC 3921 §3), the last
 * steps before a client may exchange stanzas.
 */
package org.xmppcert.xmpp.bind;
