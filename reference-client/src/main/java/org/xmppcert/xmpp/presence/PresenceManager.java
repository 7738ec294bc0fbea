package org.xmppcert.xmpp.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * Sends this client's presence (RFC 3921 §5.1, RFC 6121 §4): initial presence, which opens the
 * presence session and makes the server broadcast to subscribers and probe the contacts (§4.2);
 * updates (§4.4); directed presence (§4.6); unavailable presence, which ends the presence session
 * (§4.5).
 *
 * <p>Every presence it sends carries an {@code id}, so that what the server relays can be
 * matched (RFC 6121 §4.3.2.1 asks the server to keep it in probe answers). Every available
 * presence, broadcast or directed, carries the extensions the registered suppliers give at that
 * moment ({@link #addExtensions}): that is where XEP-0115 puts its {@code <c/>} (XEP-0115 §4).
 * When they change, {@link #refresh()} re-sends the last broadcast with the new ones.
 *
 * <p>Installing it installs the session's {@link PresenceTracker}, so that the presence the
 * server sends in answer to initial presence is tracked. One per session ({@link #of}).
 * Thread-safe.
 */
public final class PresenceManager {

    private final XmppSession session;
    private final List<Supplier<List<Element>>> extensionSuppliers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Element lastBroadcast;
    private boolean available;

    private PresenceManager(XmppSession session) {
        this.session = session;
    }

    /** The session's presence manager (and tracker), installed on first use. */
    public static PresenceManager of(XmppSession session) {
        // Fetched first: an extension cannot be created from inside another's creation.
        PresenceTracker.of(session);
        return session.extension(PresenceManager.class, PresenceManager::new);
    }

    /** The session's tracker. */
    public PresenceTracker tracker() {
        return PresenceTracker.of(session);
    }

    /**
     * Adds a supplier of extension elements for every available presence sent from now on,
     * e.g. XEP-0115 {@code <c/>}; closing the registration removes it.
     */
    public Registration addExtensions(Supplier<List<Element>> supplier) {
        extensionSuppliers.add(Objects.requireNonNull(supplier));
        return () -> extensionSuppliers.remove(supplier);
    }

    /** Initial presence: {@code <presence/>} with no {@code to} and no type (RFC 6121 §4.2.1, RFC 3921 §5.1.1). */
    public Element sendInitial() throws XmppException {
        return send(Presence.available());
    }

    /** A broadcast of availability with a sub-state, a status and a priority (RFC 6121 §4.4.1). */
    public Element setAvailability(Show show, String status, int priority) throws XmppException {
        Presence.Builder b = Presence.available().show(show).priority(priority);
        if (status != null) {
            b.status(status);
        }
        return send(b);
    }

    /** Directed available presence to an entity (RFC 6121 §4.6.2, RFC 3921 §5.1.4). */
    public Element sendDirected(Jid to) throws XmppException {
        return send(Presence.available().to(to));
    }

    /** Directed unavailable presence to an entity (RFC 6121 §4.6.2). */
    public Element sendDirectedUnavailable(Jid to) throws XmppException {
        return send(Presence.unavailable().to(to));
    }

    /** Unavailable presence, ending the presence session (RFC 6121 §4.5.1, RFC 3921 §5.1.5). */
    public Element sendUnavailable(String status) throws XmppException {
        Presence.Builder b = Presence.unavailable();
        if (status != null) {
            b.status(status);
        }
        return send(b);
    }

    /**
     * Sends a presence stanza built by the caller, adding an {@code id} when it has none and,
     * to available presence, the registered extensions.
     *
     * @return what was sent
     */
    public Element send(Presence.Builder builder) throws XmppException {
        Element built = builder.build();
        Element.Builder b = built.toBuilder();
        if (built.attribute("id") == null) {
            b.attribute("id", session.nextId());
        }
        if (builder.type() == PresenceType.AVAILABLE) {
            b.children(extensions());
        }
        Element stanza = b.build();
        session.send(stanza);
        if (!builder.isDirected() && (builder.type() == PresenceType.AVAILABLE
                || builder.type() == PresenceType.UNAVAILABLE)) {
            synchronized (lock) {
                available = builder.type() == PresenceType.AVAILABLE;
                lastBroadcast = available ? built : null;
            }
        }
        return stanza;
    }

    /**
     * Re-sends the last broadcast available presence with the extensions as they are now (and a
     * new id), e.g. after the features behind an XEP-0115 {@code ver} changed; nothing when the
     * client is not available.
     *
     * @return what was sent, empty when nothing was
     */
    public Optional<Element> refresh() throws XmppException {
        Element last;
        synchronized (lock) {
            last = available ? lastBroadcast : null;
        }
        if (last == null) {
            return Optional.empty();
        }
        Element stanza = last.toBuilder().attribute("id", session.nextId()).children(extensions()).build();
        session.send(stanza);
        return Optional.of(stanza);
    }

    /** Whether the presence session is open: initial presence sent, and no unavailable broadcast since. */
    public boolean isAvailable() {
        synchronized (lock) {
            return available;
        }
    }

    private List<Element> extensions() {
        List<Element> out = new ArrayList<>();
        for (Supplier<List<Element>> s : extensionSuppliers) {
            out.addAll(s.get());
        }
        return out;
    }
}
