package org.xmppcert.xmpp.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * The presence this session received, per full JID: which resources of each contact (and of the
 * account itself) are available, with their last available presence (RFC 3921 §5.1, RFC 6121
 * §4.2.4, §4.4.4, §4.5.4). It sees the probe results the server sends after initial presence
 * (§4.3.2 rule 4), broadcasts, directed presence and unavailable notifications alike, as RFC 6121
 * §4.6.5 says a client should.
 *
 * <ul>
 * <li>Available presence from a full JID records (or replaces) that resource.</li>
 * <li>Unavailable presence from a full JID removes that resource; from a bare JID it removes every
 * resource of that JID (RFC 6121 §4.5.4 SHOULD).</li>
 * <li>Presence without {@code from} is from the account itself (RFC 6120 §8.1.2.1 rule 4).</li>
 * <li>Other types (subscriptions, probes, errors) are not availability and are left alone.</li>
 * </ul>
 *
 * <p>{@link #of(XmppSession)} installs it as a session listener, so presence stays queued for
 * scenarios as well; {@link #detached()} makes one to feed by hand ({@link #process}). Install it
 * before sending initial presence, or the probe results will be missed. Thread-safe.
 */
public final class PresenceTracker {

    private record Entry(Presence presence, long seq) {
    }

    private final XmppSession session;
    private final Object lock = new Object();
    /** Bare JID → (full JID, or the bare JID for presence from it → entry). */
    private final Map<Jid, Map<Jid, Entry>> available = new LinkedHashMap<>();
    private final Map<Jid, Presence> lastUnavailable = new LinkedHashMap<>();
    private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private long seq;

    private PresenceTracker(XmppSession session) {
        this.session = session;
        if (session != null) {
            session.addListener(Presence::isPresence, this::process);
        }
    }

    /** The session's tracker, installed on first use. */
    public static PresenceTracker of(XmppSession session) {
        return session.extension(PresenceTracker.class, PresenceTracker::new);
    }

    /** A tracker attached to no session, fed with {@link #process}. */
    public static PresenceTracker detached() {
        return new PresenceTracker(null);
    }

    /**
     * Takes one received presence stanza into account. A presence that cannot be read (an
     * undefined type) or has no usable sender is left out and described in {@link #problems()}.
     */
    public void process(Element stanza) {
        Presence presence;
        try {
            presence = Presence.parse(stanza);
        } catch (IllegalArgumentException e) {
            problem(e.getMessage() + ": " + stanza.toXml());
            return;
        }
        if (presence.type() != PresenceType.AVAILABLE && presence.type() != PresenceType.UNAVAILABLE) {
            return;
        }
        Jid from;
        if (presence.from() == null) {
            // RFC 6120 §8.1.2.1 rule 4: no 'from' means from the account itself.
            Jid self = session == null ? null : session.localJid();
            if (self == null) {
                problem("presence without 'from' and no bound JID to take it from: " + stanza.toXml());
                return;
            }
            from = self.bare();
        } else {
            Optional<Jid> parsed = presence.fromJid();
            if (parsed.isEmpty()) {
                problem("presence from an invalid JID '" + presence.from() + "'");
                return;
            }
            from = parsed.get();
        }
        for (String p : presence.problems()) {
            problem(from + ": " + p);
        }
        Jid bare = from.bare();
        synchronized (lock) {
            if (presence.isAvailable()) {
                available.computeIfAbsent(bare, k -> new LinkedHashMap<>()).put(from, new Entry(presence, ++seq));
                lastUnavailable.remove(from);
            } else {
                Map<Jid, Entry> resources = available.get(bare);
                if (resources != null) {
                    if (from.isBare()) {
                        resources.clear();
                    } else {
                        resources.remove(from);
                    }
                    if (resources.isEmpty()) {
                        available.remove(bare);
                    }
                }
                lastUnavailable.put(from, presence);
            }
        }
        for (PresenceListener l : listeners) {
            try {
                l.presenceChanged(from, presence);
            } catch (RuntimeException e) {
                problem("a presence listener failed: " + e);
            }
        }
    }

    /**
     * Forgets every presence of a contact: what a client does with its presence information
     * about a contact it unsubscribes from (RFC 6121 §3.3.3, implementation note). Listeners are
     * not told.
     */
    public void forget(Jid contact) {
        synchronized (lock) {
            available.remove(contact.bare());
        }
    }

    /** Whether a bare JID has an available resource, or a full JID is available. */
    public boolean isAvailable(Jid jid) {
        synchronized (lock) {
            Map<Jid, Entry> resources = available.get(jid.bare());
            return resources != null && (jid.isBare() ? !resources.isEmpty() : resources.containsKey(jid));
        }
    }

    /** The last available presence of a full JID (or of a bare JID that sent it as such). */
    public Optional<Presence> presence(Jid jid) {
        synchronized (lock) {
            Map<Jid, Entry> resources = available.get(jid.bare());
            Entry e = resources == null ? null : resources.get(jid);
            return Optional.ofNullable(e == null ? null : e.presence());
        }
    }

    /**
     * The available resources of a bare JID, highest priority first; between equal priorities
     * the most recently updated first.
     */
    public List<Presence> availablePresences(Jid bare) {
        synchronized (lock) {
            Map<Jid, Entry> resources = available.get(bare.bare());
            if (resources == null) {
                return List.of();
            }
            List<Entry> entries = new ArrayList<>(resources.values());
            entries.sort(Comparator.comparingInt((Entry e) -> e.presence().priority()).reversed()
                    .thenComparing(Comparator.comparingLong(Entry::seq).reversed()));
            return entries.stream().map(Entry::presence).toList();
        }
    }

    /**
     * The presence of the resource with the highest priority (the one RFC 6121 §8.5.2.1.1
     * delivers a message to the bare JID to), empty when none is available. Negative priorities
     * count like any other here, though a server never delivers such messages to them.
     */
    public Optional<Presence> best(Jid bare) {
        return availablePresences(bare).stream().findFirst();
    }

    /** The full JIDs of a bare JID's available resources, in no particular order. */
    public Set<Jid> availableResources(Jid bare) {
        synchronized (lock) {
            Map<Jid, Entry> resources = available.get(bare.bare());
            return resources == null ? Set.of() : new LinkedHashSet<>(resources.keySet());
        }
    }

    /** The bare JIDs with at least one available resource. */
    public Set<Jid> availableContacts() {
        synchronized (lock) {
            return new LinkedHashSet<>(available.keySet());
        }
    }

    /** The last unavailable presence received from a JID (full or bare), e.g. to read its status. */
    public Optional<Presence> lastUnavailable(Jid jid) {
        synchronized (lock) {
            return Optional.ofNullable(lastUnavailable.get(jid));
        }
    }

    /** Adds a listener told of every available or unavailable presence taken into account. */
    public Registration addListener(PresenceListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return () -> listeners.remove(listener);
    }

    /** What was wrong with the presence received, for a report. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void problem(String text) {
        problems.add(text);
        if (session != null) {
            session.recordEvent("presence tracker: " + text);
        }
    }
}
