package org.xmppcert.xmpp.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.presence.PresenceManager;
import org.xmppcert.xmpp.presence.PresenceTracker;
import org.xmppcert.xmpp.presence.PresenceType;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.RosterPush;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.subscription.SubscriptionManager;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * Fresh accounts on a CI server and IM sessions on them for the roster, subscription and presence
 * tests: each login installs the roster, presence and subscription managers before anything else
 * can arrive, and tells them the stream features of the negotiated stream (roster versioning,
 * pre-approval). On {@link #close()} the transcripts are printed (to the failsafe output, where to
 * look when a test fails), the sessions closed and the accounts removed.
 */
final class ImFixture implements AutoCloseable {

    static final Duration TIMEOUT = Negotiation.TIMEOUT;

    /** One logged-in resource with its managers. */
    record Im(XmppSession session, StreamFeatures features, Roster roster, PresenceManager presence,
            PresenceTracker tracker, SubscriptionManager subscriptions) {

        Jid jid() {
            return session.localJid();
        }

        Jid bare() {
            return session.localJid().bare();
        }

        /** Waits for the next push about a contact and reads it. */
        RosterPush push(Jid contact) throws XmppException {
            Element e = session.waitFor(RosterPush.about(contact), TIMEOUT, "a roster push about " + contact.bare());
            return RosterPush.parse(e).orElseThrow();
        }

        /** Waits for a presence of this type whose sender's bare JID is {@code from}'s. */
        Presence presence(PresenceType type, Jid from) throws XmppException {
            Element e = session.waitFor(presenceOf(type, from), TIMEOUT, type + " presence from " + from);
            return Presence.parse(e);
        }

        /** Whether such a presence is queued now (after a {@link #barrier}, "has it arrived"). */
        boolean hasPresence(PresenceType type, Jid from) {
            return session.poll(presenceOf(type, from)).isPresent();
        }

        /** Takes every push about a contact that is queued now, oldest first. */
        List<RosterPush> queuedPushes(Jid contact) {
            List<RosterPush> out = new ArrayList<>();
            for (java.util.Optional<Element> e = session.poll(RosterPush.about(contact)); e.isPresent();
                    e = session.poll(RosterPush.about(contact))) {
                out.add(RosterPush.parse(e.get()).orElseThrow());
            }
            return out;
        }

        /** The roster item of a contact, as the local copy has it. */
        java.util.Optional<RosterItem> item(Im contact) {
            return roster.item(contact.bare());
        }
    }

    /** Presence of a type from a JID: compared as full JIDs when {@code from} is full, else by bare JID. */
    static Predicate<Element> presenceOf(PresenceType type, Jid from) {
        return e -> {
            if (!Presence.isPresence(e) || PresenceType.of(e.attribute("type")).orElse(null) != type) {
                return false;
            }
            return Jid.tryParse(e.attribute("from"))
                    .map(f -> from.isBare() ? f.bare().equals(from) : f.equals(from)).orElse(false);
        };
    }

    /**
     * Records, in arrival order, what a session receives about a contact: {@code presence <type>}
     * ({@code available} for no type) and {@code push <subscription>[ ask]}. For checking the order
     * the RFC prescribes, e.g. a notification before the push it causes (RFC 6121 §3.1.6 rule 1).
     */
    static List<String> record(Im im, Jid contact) {
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        Jid bare = contact.bare();
        im.session().addListener(e -> true, e -> {
            if (Presence.isPresence(e) && Jid.tryParse(e.attribute("from")).map(f -> f.bare().equals(bare))
                    .orElse(false)) {
                log.add("presence " + (e.attribute("type") == null ? "available" : e.attribute("type")));
            } else {
                RosterPush.parse(e).filter(p -> p.item().jid().equals(bare)).ifPresent(p -> log.add("push "
                        + p.item().subscription().value() + (p.item().pendingOut() ? " ask" : "")));
            }
        });
        return log;
    }

    final CiServer server;
    private final XmppClient client = new XmppClient();
    private final TestAccounts accounts;
    private final Map<String, Transcript> transcripts = new LinkedHashMap<>();
    private final List<XmppSession> sessions = new ArrayList<>();

    ImFixture(CiServer server) {
        this.server = server;
        this.accounts = new TestAccounts(server, client);
    }

    /** A fixture on the CI server of this name ({@code prosody} or {@code ejabberd}). */
    ImFixture(String serverName) {
        this(CiServer.load(serverName));
    }

    /** Whether the server is the CI Prosody, for what it does differently from ejabberd. */
    boolean prosody() {
        return server.name().equals("prosody");
    }

    TestAccounts.Account account() throws XmppException {
        return accounts.create();
    }

    /** Logs in and installs the managers; nothing is sent yet (no roster get, no presence). */
    Im login(TestAccounts.Account account, String resource) throws XmppException {
        Transcript t = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, accounts.config(account, t).resource(resource).build());
        XmppSession s = n.negotiate();
        transcripts.put(s.localJid().toString(), t);
        sessions.add(s);
        Roster roster = Roster.of(s).useStreamFeatures(n.features());
        PresenceManager presence = PresenceManager.of(s);
        SubscriptionManager subscriptions = SubscriptionManager.of(s).useStreamFeatures(n.features());
        return new Im(s, n.features(), roster, presence, PresenceTracker.of(s), subscriptions);
    }

    /** Logs in, gets the roster and sends initial presence: a resource both interested and available (RFC 6121 §2.2). */
    Im online(TestAccounts.Account account, String resource) throws XmppException {
        Im im = login(account, resource);
        im.roster().fetch();
        im.presence().sendInitial();
        barrier(im);
        return im;
    }

    /**
     * A round trip to the server on each session in turn: when the answer arrives, the server has
     * processed everything the session sent before (RFC 6120 §10.1 in-order processing) and all it
     * wrote to the session before is queued. Barrier the sender, then the receiver, to show that
     * something was not delivered, with no fixed wait. Any answer will do, an error too.
     */
    static void barrier(Im... ims) throws XmppException {
        for (Im im : ims) {
            im.session().request(Iq.get(null, Element.of("ping", "urn:xmpp:ping")), TIMEOUT);
        }
    }

    /** Every transcript so far, one after another. */
    String transcripts() {
        StringBuilder sb = new StringBuilder();
        transcripts.forEach((jid, t) -> sb.append("===== ").append(jid).append('\n').append(t.render()).append('\n'));
        return sb.toString();
    }

    /** The transcript of one session. */
    String transcript(Im im) {
        return transcripts.get(im.jid().toString()).render();
    }

    @Override
    public void close() throws XmppException {
        System.out.println(transcripts());
        try {
            for (XmppSession s : sessions) {
                s.close(TIMEOUT);
            }
            accounts.close();
        } finally {
            client.close();
        }
    }
}
