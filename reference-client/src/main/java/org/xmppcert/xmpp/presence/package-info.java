/**
 * Presence (RFC 3921 §2.2 and §5, restated by RFC 6121 §4): the presence stanza as a value with
 * its builder ({@link org.xmppcert.xmpp.presence.Presence}), the
 * {@link org.xmppcert.xmpp.presence.PresenceManager} that sends this client's initial, updated,
 * directed and unavailable presence (with a hook for extensions such as XEP-0115 caps), and the
 * {@link org.xmppcert.xmpp.presence.PresenceTracker} that keeps the presence received, per full
 * JID.
 */
package org.xmppcert.xmpp.presence;
