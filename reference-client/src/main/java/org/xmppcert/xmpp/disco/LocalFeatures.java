package org.xmppcert.xmpp.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;

/**
 * What this client is and what it handles, as it will answer a disco#info query (XEP-0030 §3.1)
 * and as its XEP-0115 {@code ver} is computed: the identities and the features. A feature is
 * added by the code that really handles it, when it is installed on the session, never by a
 * fixed list: the advertised features must match behaviour (XEP-0030 §3.1, XEP-0115 §1).
 *
 * <p>One per session: {@link #of(XmppSession)}. Thread-safe.
 */
public final class LocalFeatures {

    /** The disco#info feature, which every responder supports (XEP-0030 §3.1). */
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    /**
     * An identity (XEP-0030 §3.1).
     *
     * @param category e.g. {@code client}
     * @param type e.g. {@code pc}
     * @param name a human-readable name, or {@code null}
     * @param lang the name's language, or {@code null}
     */
    public record Identity(String category, String type, String name, String lang) {
        public Identity {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(type, "type");
        }
    }

    private final List<Identity> identities = new CopyOnWriteArrayList<>();
    private final Set<String> features = new TreeSet<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    private LocalFeatures() {
        identities.add(new Identity("client", "pc", "xmppcert", null));
        features.add(DISCO_INFO);
    }

    /** The session's instance, created on first use with the identity {@code client/pc}. */
    public static LocalFeatures of(XmppSession session) {
        return session.extension(LocalFeatures.class, s -> new LocalFeatures());
    }

    /** Advertises a feature; closing the registration withdraws it. */
    public Registration addFeature(String var) {
        Objects.requireNonNull(var, "var");
        synchronized (features) {
            features.add(var);
        }
        changed();
        return () -> {
            synchronized (features) {
                features.remove(var);
            }
            changed();
        };
    }

    /** Replaces the identities (at least one, XEP-0030 §3.1). */
    public void setIdentities(List<Identity> newIdentities) {
        if (newIdentities.isEmpty()) {
            throw new IllegalArgumentException("an entity has at least one identity (XEP-0030 §3.1)");
        }
        identities.clear();
        identities.addAll(newIdentities);
        changed();
    }

    public List<Identity> identities() {
        return List.copyOf(identities);
    }

    /** The features, sorted. */
    public List<String> features() {
        synchronized (features) {
            return new ArrayList<>(features);
        }
    }

    /** Runs the listener whenever identities or features change (caps must recompute its ver). */
    public Registration onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
