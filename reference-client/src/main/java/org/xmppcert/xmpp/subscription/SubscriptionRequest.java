package org.xmppcert.xmpp.subscription;

import java.util.Objects;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.presence.Presence;

/**
 * A subscription request received and not answered yet (RFC 6121 §3.1.4).
 *
 * @param from the requester's bare JID (the server stamps it so, RFC 6121 §3.1.2)
 * @param presence the {@code subscribe} stanza, with its status if any (RFC 6121 §4.7.2.2)
 */
public record SubscriptionRequest(Jid from, Presence presence) {
    public SubscriptionRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(presence, "presence");
    }
}
