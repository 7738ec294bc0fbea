package org.xmppcert.xmpp.roster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * The account's roster as this session knows it (RFC 3921 §7, RFC 6121 §2): a local copy that
 * roster results and roster pushes keep up to date, with listeners, and the requests that change
 * the roster on the server.
 *
 * <p>Life cycle:
 * <ol>
 * <li>{@link #of(XmppSession)} installs it: from then on roster pushes are answered. A push with
 * no {@code from} or from the account's bare JID is applied and acknowledged with an IQ result
 * (RFC 6121 §2.1.6, RFC 3921 §7.4). A push from anyone else is not applied and is answered with
 * {@code <service-unavailable/>}: RFC 6121 §2.1.6 lets a client either return that error or
 * none at all; the error is what the {@link IqRouter} returns for any namespace nobody handles, so
 * it tells the sender nothing, and it keeps the RFC 6120 §8.2.3 rule that every request is
 * answered. A push without exactly one item is not applied and gets {@code <bad-request/>}.</li>
 * <li>{@link #useStreamFeatures} tells it whether the server offered roster versioning (RFC 6121
 * §2.6.1); the features are those of the last stream, {@code SessionNegotiator.features()}.</li>
 * <li>{@link #fetch()} asks for the roster (RFC 6121 §2.2), which also makes this resource
 * "interested": the server sends pushes only to resources that asked (§2.2). With versioning it
 * sends the cached version ({@link #restore}), or the empty string to bootstrap (§2.6.2).</li>
 * <li>{@link #add}, {@link #update} and {@link #remove} send roster sets (§2.3–§2.5) and wait for
 * the result. They do not change the local copy: the push the server MUST send to every
 * interested resource, this one included (§2.3.2), does.</li>
 * </ol>
 *
 * <p>Pushes are handled by a listener, so they also stay queued on the session: a scenario can
 * wait for them ({@link RosterPush#about(Jid)}) and see exactly what the server sent.
 *
 * <p>One per session ({@link #of}). Thread-safe.
 */
public final class Roster {

    /** The roster namespace (RFC 3921 §7.1, RFC 6121 §2.1). */
    public static final String NAMESPACE = "jabber:iq:roster";

    private final XmppSession session;
    private final Object lock = new Object();
    private final Map<Jid, RosterItem> items = new LinkedHashMap<>();
    private String ver;
    private boolean loaded;
    private volatile boolean versioningOffered;
    private final List<RosterListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Element> refusedPushes = new CopyOnWriteArrayList<>();

    private Roster(XmppSession session, IqRouter router, LocalFeatures features) {
        this.session = session;
        router.register(IqType.SET, "query", NAMESPACE, this::onPush);
        // It really handles jabber:iq:roster sets (pushes), so it says so (XEP-0030 §3.1).
        features.addFeature(NAMESPACE);
    }

    /** The session's roster, installed (push handling included) on first use. */
    public static Roster of(XmppSession session) {
        // Fetched first: an extension cannot be created from inside another's creation.
        IqRouter router = IqRouter.of(session);
        LocalFeatures features = LocalFeatures.of(session);
        return session.extension(Roster.class, s -> new Roster(s, router, features));
    }

    // ---------------------------------------------------------------- versioning

    /**
     * Takes from the stream features whether the server supports roster versioning: it MUST
     * advertise {@code <ver xmlns='urn:xmpp:features:rosterver'/>} if it does (RFC 6121 §2.6.1).
     */
    public Roster useStreamFeatures(StreamFeatures features) {
        versioningOffered = features.has("ver", XmppNamespaces.ROSTER_VERSIONING);
        return this;
    }

    /** Whether the server advertised roster versioning (as told by {@link #useStreamFeatures}). */
    public boolean versioningOffered() {
        return versioningOffered;
    }

    /**
     * Sets the local copy to a cached roster, whose version the next {@link #fetch()} sends
     * (RFC 6121 §2.6.2). Listeners are told, as for a roster result.
     */
    public void restore(RosterSnapshot snapshot) {
        replaceAll(snapshot.items(), snapshot.ver(), null);
    }

    /** The roster and its version now, for caching across sessions. */
    public RosterSnapshot snapshot() {
        synchronized (lock) {
            return new RosterSnapshot(ver, new ArrayList<>(items.values()));
        }
    }

    /** The version of the local copy: from the last result or push that carried one. */
    public Optional<String> version() {
        synchronized (lock) {
            return Optional.ofNullable(ver);
        }
    }

    // ---------------------------------------------------------------- requests

    /** {@link #fetch(Duration)} with the session's reply timeout. */
    public Optional<RosterQuery> fetch() throws XmppException {
        return fetch(session.options().replyTimeout());
    }

    /**
     * Asks for the roster (RFC 3921 §7.3, RFC 6121 §2.2). When the server offered versioning,
     * the request carries the cached version, or {@code ver=''} when nothing is cached
     * (§2.6.2); otherwise no {@code ver}, which the client MUST NOT send then.
     *
     * <p>A result with a {@code <query/>} replaces the local copy, on the I/O thread before any
     * push that follows it is applied. An empty result (only possible with versioning, §2.6.3)
     * means the cached copy is current and changes will come as pushes.
     *
     * @return the roster received, or empty for the empty result of §2.6.3
     * @throws RosterException when the server answers with an error
     * @throws ProtocolViolationException for an empty result to a request without {@code ver},
     *     which RFC 6121 §2.1.4 forbids (an empty roster is an empty {@code <query/>})
     */
    public Optional<RosterQuery> fetch(Duration timeout) throws XmppException {
        String cachedVer = null;
        if (versioningOffered) {
            synchronized (lock) {
                cachedVer = ver == null ? "" : ver;
            }
        }
        String id = session.nextId();
        Element get = (cachedVer == null ? RosterRequests.get() : RosterRequests.get(cachedVer)).toBuilder()
                .attribute("id", id).build();
        // Applied by a listener, on the I/O thread, so that no push that follows the result on the
        // wire can be applied before it and then be overwritten by it.
        Registration applier = session.addListener(e -> isRosterResult(e, id), this::applyResult);
        Element response;
        try {
            response = session.request(get, timeout);
        } finally {
            applier.close();
        }
        if (Iq.type(response).orElse(null) == IqType.ERROR) {
            throw new RosterException("the roster get", response);
        }
        Element query = response.child("query", NAMESPACE);
        if (query == null) {
            if (cachedVer == null) {
                throw new ProtocolViolationException("an empty IQ result to a roster get without 'ver': the server "
                        + "MUST return a <query/>, empty for an empty roster (RFC 6121 §2.1.4)", response);
            }
            synchronized (lock) {
                loaded = true;
            }
            return Optional.empty();
        }
        return Optional.of(RosterQuery.parse(query));
    }

    /** {@link #update} of a new item: adds a contact with an optional name and groups (RFC 6121 §2.3). */
    public void add(Jid contact, String name, Collection<String> groups) throws XmppException {
        update(RosterItem.of(contact, name, groups));
    }

    /**
     * Sends a roster set with the item as given (RFC 3921 §7.4–7.5, RFC 6121 §2.3–§2.4: the
     * item is replaced as a whole, so the groups not listed are left) and waits for the result.
     * The local copy changes with the push that follows.
     *
     * @throws RosterException when the server refuses it (§2.3.3)
     */
    public void update(RosterItem item) throws XmppException {
        Element response = session.request(RosterRequests.set(item), session.options().replyTimeout());
        if (Iq.type(response).orElse(null) == IqType.ERROR) {
            throw new RosterException("the roster set for " + item.jid(), response);
        }
    }

    /**
     * Deletes an item (RFC 3921 §7.6, RFC 6121 §2.5), which also cancels the subscriptions in
     * both directions (RFC 3921 §8.6, RFC 6121 §2.5.2).
     *
     * @throws RosterException e.g. {@code item-not-found} when it is not in the roster (§2.5.3)
     */
    public void remove(Jid contact) throws XmppException {
        Element response = session.request(RosterRequests.remove(contact), session.options().replyTimeout());
        if (Iq.type(response).orElse(null) == IqType.ERROR) {
            throw new RosterException("removing " + contact, response);
        }
    }

    // ---------------------------------------------------------------- the local copy

    /** The items, in the order they came. */
    public List<RosterItem> items() {
        synchronized (lock) {
            return new ArrayList<>(items.values());
        }
    }

    /** The item of a contact (compared as a bare JID). */
    public Optional<RosterItem> item(Jid contact) {
        synchronized (lock) {
            return Optional.ofNullable(items.get(contact.bare()));
        }
    }

    /** Whether a roster result (or an empty result confirming the cache) was received. */
    public boolean isLoaded() {
        synchronized (lock) {
            return loaded;
        }
    }

    /** Adds a listener for every change of the local copy. */
    public Registration addListener(RosterListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return () -> listeners.remove(listener);
    }

    /** The pushes received and not applied: from a sender not authorized, or malformed. */
    public List<Element> refusedPushes() {
        return List.copyOf(refusedPushes);
    }

    // ---------------------------------------------------------------- from the I/O thread

    private boolean isRosterResult(Element e, String id) {
        if (!Iq.isIq(e) || !id.equals(e.attribute("id")) || Iq.type(e).orElse(null) != IqType.RESULT
                || e.child("query", NAMESPACE) == null) {
            return false;
        }
        // Only the account's server answers a request without 'to' (RFC 6120 §10.3.3): a result
        // from anyone else must not replace the roster.
        String from = e.attribute("from");
        Jid self = session.localJid();
        if (from == null) {
            return true;
        }
        return Jid.tryParse(from).map(f -> f.equals(Jid.of(session.domain()))
                || self != null && (f.equals(self) || f.equals(self.bare()))).orElse(false);
    }

    private void applyResult(Element result) {
        RosterQuery query = RosterQuery.parse(result.child("query", NAMESPACE));
        for (String problem : query.problems()) {
            session.recordEvent("roster result: item left out: " + problem);
        }
        replaceAll(query.items(), query.ver(), result);
    }

    private void replaceAll(List<RosterItem> newItems, String newVer, Element cause) {
        synchronized (lock) {
            items.clear();
            for (RosterItem i : newItems) {
                items.put(i.jid().bare(), i);
            }
            ver = newVer;
            loaded = true;
        }
        fire(new RosterEvent(RosterEvent.Kind.LOADED, null, null, null, newVer, cause));
    }

    private Element onPush(Element iq) {
        Jid self = session.localJid();
        boolean authorized = self == null ? iq.attribute("from") == null : RosterPush.isAuthorized(iq, self);
        if (!authorized) {
            refusedPushes.add(iq);
            session.recordEvent("roster push from '" + iq.attribute("from") + "' not applied: only the account's"
                    + " server (no 'from', or the bare JID " + (self == null ? "?" : self.bare())
                    + ") may push (RFC 6121 §2.1.6)");
            return Iq.error(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        Optional<RosterPush> push = RosterPush.parse(iq);
        if (push.isEmpty()) {
            refusedPushes.add(iq);
            session.recordEvent("roster push not applied: it must hold exactly one item with a valid 'jid'"
                    + " (RFC 6121 §2.1.6 rule 1, §2.1.2.3)");
            return Iq.error(iq, StanzaErrorCondition.BAD_REQUEST);
        }
        apply(push.get());
        return Iq.result(iq, null);
    }

    private void apply(RosterPush push) {
        RosterItem item = push.item();
        Jid key = item.jid().bare();
        RosterItem before;
        String newVer;
        synchronized (lock) {
            before = item.subscription() == Subscription.REMOVE ? items.remove(key) : items.put(key, item);
            if (push.ver() != null) {
                ver = push.ver();
            }
            newVer = ver;
        }
        RosterEvent.Kind kind = item.subscription() == Subscription.REMOVE ? RosterEvent.Kind.REMOVED
                : before == null ? RosterEvent.Kind.ADDED : RosterEvent.Kind.UPDATED;
        fire(new RosterEvent(kind, key, before, kind == RosterEvent.Kind.REMOVED ? null : item, newVer, push.iq()));
    }

    private void fire(RosterEvent event) {
        for (RosterListener l : listeners) {
            try {
                l.rosterChanged(event);
            } catch (RuntimeException e) {
                session.recordEvent("a roster listener failed: " + e);
            }
        }
    }
}
