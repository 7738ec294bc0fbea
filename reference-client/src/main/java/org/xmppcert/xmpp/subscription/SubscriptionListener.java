package org.xmppcert.xmpp.subscription;

import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.presence.Presence;

/**
 * Told of every subscription stanza received (a request, or an approval, unsubscribe or
 * cancellation notification, RFC 6121 §3). Runs on the I/O thread, before the policy answers a
 * request: it must not block.
 */
@FunctionalInterface
public interface SubscriptionListener {
    /**
     * @param action what the sender did
     * @param from the sender, as given in {@code from} (a bare JID from a conforming server)
     * @param presence the stanza
     */
    void received(SubscriptionAction action, Jid from, Presence presence);
}
