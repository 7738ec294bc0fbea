package org.xmppcert.xmpp.presence;

import org.xmppcert.xmpp.jid.Jid;

/**
 * Told of every available or unavailable presence a {@link PresenceTracker} takes into account,
 * after its state changed. Runs on the I/O thread: it must not block.
 */
@FunctionalInterface
public interface PresenceListener {
    /**
     * @param from the sender (the account's bare JID for presence without {@code from})
     * @param presence the presence received
     */
    void presenceChanged(Jid from, Presence presence);
}
