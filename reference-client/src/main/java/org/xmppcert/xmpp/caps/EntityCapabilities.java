package org.xmppcert.xmpp.caps;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.DiscoNode;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.ServiceDiscovery;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0115 Entity Capabilities on a session, both ways.
 *
 * <p><b>Our own caps.</b> {@link #of(XmppSession)} installs {@link ServiceDiscovery}, advertises
 * {@code http://jabber.org/protocol/caps} (§7 "MUST advertise"), computes the {@code ver} of what
 * {@link LocalFeatures} holds with SHA-1 (§5.1, §9.1), and answers disco#info on the caps node
 * {@code node#ver} with exactly the info that was hashed (§6.2). Whenever LocalFeatures changes
 * the {@code ver} is recomputed (§6.1 "MUST recompute"), the new caps node registered and the old
 * one dropped, and the {@link #onChange} listeners run, so that presence can be sent again
 * (§6.1 "SHOULD send a new presence broadcast").
 *
 * <p>The presence code adds {@link #element()} to every available presence it sends (§6.1 "SHOULD
 * include entity capabilities with every presence notification"); the one line that plugs it in,
 * wherever the presence manager keeps its outgoing extensions, is
 * <pre>{@code  presence.addExtension(EntityCapabilities.of(session).presenceExtension());}</pre>
 *
 * <p><b>Others' caps.</b> {@link #verify} applies §5.4: it asks the entity for {@code node#ver},
 * recomputes and compares ({@link CapsVerifier}), and caches only what it verified
 * ({@link CapsCache}); a cached {@code ver} is not asked again. The legacy format (§13) is
 * recognised and reported as such, unverified.
 *
 * <p>One per session. Thread-safe.
 */
public final class EntityCapabilities {

    /** The caps feature (§7). */
    public static final String NAMESPACE = Caps.NAMESPACE;
    /** The feature of a server that optimizes caps (§7, §8.4). */
    public static final String OPTIMIZE = NAMESPACE + "#optimize";
    /** Our caps node unless {@link #setNode} says otherwise: a URI naming this software (§4). */
    public static final String DEFAULT_NODE = "https://xmppcert.org/reference-client";

    private record Own(Caps caps, DiscoInfo info, Registration nodeRegistration) {
    }

    private final XmppSession session;
    private final ServiceDiscovery disco;
    private final LocalFeatures local;
    private final List<Consumer<Caps>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile CapsCache cache = new CapsCache();
    private String node = DEFAULT_NODE;
    private boolean installed;
    private volatile Own own;

    private EntityCapabilities(XmppSession session, ServiceDiscovery disco) {
        this.session = session;
        this.disco = disco;
        this.local = disco.localFeatures();
    }

    /** The session's instance; the first call installs caps (and service discovery). */
    public static EntityCapabilities of(XmppSession session) {
        // Made before, and installed after, the creator: the session's extension map must not be
        // re-entered, and installing runs LocalFeatures listeners, which may be anyone's code.
        ServiceDiscovery disco = ServiceDiscovery.of(session);
        EntityCapabilities caps = session.extension(EntityCapabilities.class, s -> new EntityCapabilities(s, disco));
        caps.install();
        return caps;
    }

    /**
     * Computes a first ver, then follows LocalFeatures and advertises caps (which changes the
     * ver again). A second caller waits until the first has finished, so it never sees no ver.
     */
    private void install() {
        synchronized (lock) {
            if (installed) {
                return;
            }
            installed = true;
            recompute();
            local.onChange(this::recompute);
            local.addFeature(NAMESPACE);
        }
    }

    /** Our caps node (§4 'node'). */
    public String node() {
        synchronized (lock) {
            return node;
        }
    }

    /** Changes our caps node, e.g. to the URL of an application built on this library. */
    public void setNode(String newNode) {
        synchronized (lock) {
            node = Objects.requireNonNull(newNode, "node");
        }
        recompute();
    }

    /** Our current caps: hash {@code sha-1}, our node, the {@code ver} of LocalFeatures now. */
    public Caps caps() {
        return own.caps();
    }

    /** Our current {@code ver}. */
    public String ver() {
        return own.caps().ver();
    }

    /** The disco#info our current {@code ver} was computed from, and which the caps node answers. */
    public DiscoInfo hashedInfo() {
        return own.info();
    }

    /** Our {@code <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='…' ver='…'/>} now. */
    public Element element() {
        return own.caps().toElement();
    }

    /** {@link #element()} as a supplier, for the presence code to call on each presence it sends. */
    public Supplier<Element> presenceExtension() {
        return this::element;
    }

    /** Runs the listener with the new caps whenever our {@code ver} (or node) changes. */
    public Registration onChange(Consumer<Caps> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The cache of verified {@code ver}s this instance uses. */
    public CapsCache cache() {
        return cache;
    }

    /** Uses another cache, e.g. one shared by several sessions (§5.4 rule 3.8 "globally"). */
    public void useCache(CapsCache shared) {
        cache = Objects.requireNonNull(shared, "cache");
    }

    /** What a verified {@code ver} stands for, from the cache, without asking anyone. */
    public Optional<DiscoInfo> lookup(Caps caps) {
        return cache.get(caps);
    }

    /** {@link #verify(Jid, Caps, Duration)} with the session's reply timeout. */
    public CapsVerification verify(Jid entity, Caps caps) throws XmppException {
        return verify(entity, caps, session.options().replyTimeout());
    }

    /**
     * Processes an entity's caps (§5.4): legacy caps are reported without a query; a {@code ver}
     * already verified is answered from the cache; otherwise the entity is asked for
     * {@code node#ver} (§6.2: to its exact JID, its full JID for a client; for a server, the
     * {@code from} of its stream header, §6.3), the answer checked and, if verified, cached.
     *
     * @throws org.xmppcert.xmpp.disco.DiscoException when the entity answers the query with an error
     */
    public CapsVerification verify(Jid entity, Caps caps, Duration timeout) throws XmppException {
        if (caps.isLegacy()) {
            return CapsVerifier.check(entity, caps, null);
        }
        CapsCache c = cache;
        Optional<DiscoInfo> known = VerificationString.isSupported(caps.hash()) ? c.get(caps) : Optional.empty();
        if (known.isPresent()) {
            return new CapsVerification(entity, caps, CapsVerification.Status.VERIFIED, known.get(), caps.ver(),
                    true, List.of());
        }
        DiscoInfo info = disco.info(entity, caps.discoNode(), timeout);
        CapsVerification result = CapsVerifier.check(entity, caps, info);
        if (result.isVerified()) {
            c.put(result);
        }
        return result;
    }

    private void recompute() {
        Own changed = null;
        synchronized (lock) {
            DiscoInfo info = local.info();
            Caps caps = Caps.of(VerificationString.SHA_1, node,
                    VerificationString.compute(info, VerificationString.SHA_1));
            Own old = own;
            if (old != null && old.caps().equals(caps)) {
                return;
            }
            // The caps node answers the snapshot that was hashed, never a later state: a peer
            // recomputing from it must find this very ver.
            Registration reg = disco.registerNode(caps.discoNode(), DiscoNode.of(info));
            own = new Own(caps, info, reg);
            if (old != null) {
                old.nodeRegistration().close();
                changed = own;
            }
        }
        if (changed != null) {
            Caps now = changed.caps();
            listeners.forEach(l -> l.accept(now));
        }
    }
}
