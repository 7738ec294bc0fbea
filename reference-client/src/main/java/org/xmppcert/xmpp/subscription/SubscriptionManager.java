package org.xmppcert.xmpp.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.presence.Presence;
import org.xmppcert.xmpp.presence.PresenceTracker;
import org.xmppcert.xmpp.presence.PresenceType;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.roster.RosterEvent;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * Manages presence subscriptions (RFC 3921 §6 and §8, RFC 6121 §3): sends the four
 * subscription stanzas to a contact's bare JID, each with a fresh {@code id} (never the one of a
 * request it answers, RFC 6121 §3.1.4), and handles the ones received.
 *
 * <ul>
 * <li>{@link #subscribe} asks for the contact's presence (§3.1.1).</li>
 * <li>{@link #approve} answers a request with {@code subscribed} (§3.1.4, RFC 3921 §6.2);
 * {@link #deny} with {@code unsubscribed} (same sections).</li>
 * <li>{@link #cancel} withdraws a subscription granted to the contact with {@code unsubscribed}
 * (§3.2.1, RFC 3921 §6.3); {@link #unsubscribe} ends the user's own subscription to the contact
 * (§3.3.1, RFC 3921 §6.4) and forgets the contact's presence, which the client MUST then treat as
 * void (§3.3.3, implementation note).</li>
 * <li>{@link #preApprove} sends {@code subscribed} before any request, only when the server
 * advertised {@code urn:xmpp:features:pre-approval} (§3.4.1: otherwise the client MUST NOT).</li>
 * </ul>
 *
 * <p>Received requests are handled by the {@link SubscriptionPolicy}: kept for the caller by
 * default, because scenarios need to see them. A request the requester withdraws with
 * {@code unsubscribe} is dropped from the pending ones. A roster push that takes away the user's
 * subscription to a contact also makes the {@link PresenceTracker} forget the contact (§3.3.3).
 *
 * <p>Everything is observed with listeners, so the stanzas stay queued for scenarios. Installing
 * it installs the session's {@link Roster} and {@link PresenceTracker}. One per session
 * ({@link #of}). Thread-safe.
 */
public final class SubscriptionManager {

    private final XmppSession session;
    private final PresenceTracker tracker;
    private final Map<Jid, SubscriptionRequest> pending = new LinkedHashMap<>();
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile SubscriptionPolicy policy = SubscriptionPolicy.MANUAL;
    private volatile boolean preApprovalOffered;

    private SubscriptionManager(XmppSession session, Roster roster, PresenceTracker tracker) {
        this.session = session;
        this.tracker = tracker;
        session.addListener(SubscriptionManager::isSubscriptionStanza, this::onSubscriptionStanza);
        roster.addListener(this::onRosterChange);
    }

    /** The session's subscription manager, installed on first use (with the roster and the presence tracker). */
    public static SubscriptionManager of(XmppSession session) {
        // Fetched first: an extension cannot be created from inside another's creation.
        Roster roster = Roster.of(session);
        PresenceTracker tracker = PresenceTracker.of(session);
        return session.extension(SubscriptionManager.class, s -> new SubscriptionManager(s, roster, tracker));
    }

    /**
     * Takes from the stream features whether the server supports pre-approval: it MUST advertise
     * {@code <sub xmlns='urn:xmpp:features:pre-approval'/>} if it does (RFC 6121 §3.4).
     */
    public SubscriptionManager useStreamFeatures(StreamFeatures features) {
        preApprovalOffered = features.has("sub", XmppNamespaces.PRE_APPROVAL);
        return this;
    }

    /** Whether the server advertised pre-approval (as told by {@link #useStreamFeatures}). */
    public boolean preApprovalOffered() {
        return preApprovalOffered;
    }

    public SubscriptionPolicy policy() {
        return policy;
    }

    /** Sets what happens to requests received from now on. */
    public void setPolicy(SubscriptionPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    // ---------------------------------------------------------------- sending

    /** Asks for a subscription to the contact's presence (RFC 6121 §3.1.1, RFC 3921 §6.1). */
    public Element subscribe(Jid contact) throws XmppException {
        return subscribe(contact, null);
    }

    /** Asks for a subscription with a status explaining it (RFC 6121 §4.7.2.2). */
    public Element subscribe(Jid contact, String status) throws XmppException {
        Presence.Builder b = Presence.builder(PresenceType.SUBSCRIBE).to(contact.bare()).id(session.nextId());
        if (status != null) {
            b.status(status);
        }
        return send(b.build());
    }

    /** Approves the contact's request (RFC 6121 §3.1.4, RFC 3921 §6.2). */
    public Element approve(Jid contact) throws XmppException {
        removePending(contact);
        return send(SubscriptionAction.SUBSCRIBED.stanza(contact.bare(), session.nextId()));
    }

    /** Denies the contact's request (RFC 6121 §3.1.4, §3.2.1, RFC 3921 §6.2). */
    public Element deny(Jid contact) throws XmppException {
        removePending(contact);
        return send(SubscriptionAction.UNSUBSCRIBED.stanza(contact.bare(), session.nextId()));
    }

    /**
     * Cancels the subscription granted to the contact, or a pre-approval (RFC 6121 §3.2.1, RFC 3921
     * §6.3): the same stanza as a denial, {@code unsubscribed}.
     */
    public Element cancel(Jid contact) throws XmppException {
        removePending(contact);
        return send(SubscriptionAction.UNSUBSCRIBED.stanza(contact.bare(), session.nextId()));
    }

    /**
     * Ends the user's subscription to the contact's presence (RFC 6121 §3.3.1, RFC 3921 §6.4),
     * and forgets the contact's presence (§3.3.3 implementation note).
     */
    public Element unsubscribe(Jid contact) throws XmppException {
        Element sent = send(SubscriptionAction.UNSUBSCRIBE.stanza(contact.bare(), session.nextId()));
        tracker.forget(contact);
        return sent;
    }

    /**
     * Pre-approves a subscription request the contact has not sent yet (RFC 6121 §3.4.1).
     *
     * @throws IllegalStateException when the server did not advertise pre-approval, in which case
     *     the client MUST NOT attempt it (§3.4.1); a scenario that wants to send it anyway uses
     *     {@link SubscriptionAction#stanza}
     */
    public Element preApprove(Jid contact) throws XmppException {
        if (!preApprovalOffered) {
            throw new IllegalStateException("the server did not advertise urn:xmpp:features:pre-approval: a client"
                    + " MUST NOT pre-approve (RFC 6121 §3.4.1)");
        }
        return send(SubscriptionAction.SUBSCRIBED.stanza(contact.bare(), session.nextId()));
    }

    private Element send(Element stanza) throws XmppException {
        session.send(stanza);
        return stanza;
    }

    // ---------------------------------------------------------------- receiving

    /** The requests received and not answered yet, oldest first. */
    public List<SubscriptionRequest> pendingRequests() {
        synchronized (pending) {
            return new ArrayList<>(pending.values());
        }
    }

    /** The unanswered request of a contact. */
    public Optional<SubscriptionRequest> pendingRequest(Jid contact) {
        synchronized (pending) {
            return Optional.ofNullable(pending.get(contact.bare()));
        }
    }

    /** Adds a listener told of every subscription stanza received. */
    public Registration addListener(SubscriptionListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return () -> listeners.remove(listener);
    }

    private static boolean isSubscriptionStanza(Element e) {
        return Presence.isPresence(e) && PresenceType.of(e.attribute("type")).map(PresenceType::isSubscription)
                .orElse(false);
    }

    private void onSubscriptionStanza(Element stanza) {
        Presence presence = Presence.parse(stanza);
        SubscriptionAction action = SubscriptionAction.of(presence.type()).orElseThrow();
        Optional<Jid> from = presence.fromJid();
        if (from.isEmpty()) {
            session.recordEvent("a " + action.value() + " without a valid 'from' ignored: " + stanza.toXml());
            return;
        }
        Jid contact = from.get().bare();
        for (SubscriptionListener l : listeners) {
            try {
                l.received(action, from.get(), presence);
            } catch (RuntimeException e) {
                session.recordEvent("a subscription listener failed: " + e);
            }
        }
        if (action == SubscriptionAction.UNSUBSCRIBE) {
            // The requester withdrew (RFC 6121 §3.3.3, last paragraph): nothing left to answer.
            removePending(contact);
        } else if (action == SubscriptionAction.SUBSCRIBE) {
            onRequest(contact, presence);
        }
    }

    private void onRequest(Jid contact, Presence presence) {
        SubscriptionAction answer = switch (policy) {
            case MANUAL -> null;
            case ACCEPT_ALL -> SubscriptionAction.SUBSCRIBED;
            case REJECT_ALL -> SubscriptionAction.UNSUBSCRIBED;
        };
        if (answer == null) {
            synchronized (pending) {
                pending.put(contact, new SubscriptionRequest(contact, presence));
            }
            return;
        }
        try {
            session.send(answer.stanza(contact, session.nextId()));
            session.recordEvent("subscription request of " + contact + " answered " + answer.value() + " (policy "
                    + policy + ")");
        } catch (XmppException e) {
            session.recordEvent("could not answer the subscription request of " + contact + ": " + e.getMessage());
        }
    }

    private void removePending(Jid contact) {
        synchronized (pending) {
            pending.remove(contact.bare());
        }
    }

    private void onRosterChange(RosterEvent event) {
        boolean hadTo = event.before() != null && event.before().subscription().userSubscribedToContact();
        boolean hasTo = event.after() != null && event.after().subscription().userSubscribedToContact();
        if (event.jid() != null && hadTo && !hasTo) {
            // RFC 6121 §3.3.3, implementation note: presence of a contact one is no longer
            // subscribed to is null and void once the roster push says so.
            tracker.forget(event.jid());
        }
    }
}
