package org.xmppcert.xmpp.client;

import java.util.List;
import java.util.Objects;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.caps.EntityCapabilities;
import org.xmppcert.xmpp.disco.ServiceDiscovery;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.message.Messages;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.presence.PresenceManager;
import org.xmppcert.xmpp.presence.PresenceTracker;
import org.xmppcert.xmpp.privacy.PrivacyLists;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.subscription.SubscriptionManager;
import org.xmppcert.xmpp.version.SoftwareVersion;

/**
 * Installs on a bound session everything an XMPP Basic Client 2008 does by itself (XEP-0211 §2):
 * answering every IQ (RFC 6120 §8.2.3, §8.4), service discovery (XEP-0030, REQUIRED) with the
 * features the installed handlers really support, entity capabilities in every available
 * presence (XEP-0115), roster pushes acknowledged and applied (RFC 6121 §2.1.6), presence
 * tracked per full JID, subscription requests kept for the caller to decide, privacy list pushes
 * acknowledged, XEP-0199 pings and XEP-0092 version queries answered.
 *
 * <p>Nothing here sends presence: the caller decides when the session becomes available
 * ({@link PresenceManager#sendInitial()}), because a scenario may need a session that never does.
 */
public final class BasicClient {
    private final XmppSession session;

    private BasicClient(XmppSession session) {
        this.session = session;
    }

    /**
     * Installs the behaviours. Idempotent: every manager is one per session.
     *
     * @param features the stream features after authentication (roster versioning and
     *        pre-approval are used only when offered there); {@code null} when unknown
     */
    public static BasicClient install(XmppSession session, StreamFeatures features) {
        Objects.requireNonNull(session, "session");
        IqRouter.of(session);
        ServiceDiscovery.of(session);
        Ping.of(session);
        SoftwareVersion.of(session);
        Roster roster = Roster.of(session);
        SubscriptionManager subscriptions = SubscriptionManager.of(session);
        if (features != null) {
            roster.useStreamFeatures(features);
            subscriptions.useStreamFeatures(features);
        }
        PresenceTracker.of(session);
        PrivacyLists.of(session);
        Messages.of(session);
        EntityCapabilities caps = EntityCapabilities.of(session);
        PresenceManager presence = PresenceManager.of(session);
        presence.addExtensions(() -> List.of(caps.presenceExtension().get()));
        // XEP-0115 §6.1: a changed ver is announced by sending presence again.
        caps.onChange(c -> {
            try {
                presence.refresh();
            } catch (XmppException e) {
                session.recordEvent("could not announce the new entity capabilities: " + e.getMessage());
            }
        });
        return new BasicClient(session);
    }

    /**
     * What a client does once bound: fetch the roster, then send initial presence (RFC 6121
     * §2.2: the roster SHOULD be requested before initial presence, so that the presence the
     * server then sends can be matched to roster items).
     *
     * @return the initial presence sent
     */
    public org.xmppcert.xmpp.xml.Element goOnline() throws XmppException {
        roster().fetch();
        return presence().sendInitial();
    }

    public XmppSession session() {
        return session;
    }

    public Roster roster() {
        return Roster.of(session);
    }

    public PresenceManager presence() {
        return PresenceManager.of(session);
    }

    public SubscriptionManager subscriptions() {
        return SubscriptionManager.of(session);
    }

    public Messages messages() {
        return Messages.of(session);
    }

    public ServiceDiscovery disco() {
        return ServiceDiscovery.of(session);
    }

    public EntityCapabilities caps() {
        return EntityCapabilities.of(session);
    }
}
