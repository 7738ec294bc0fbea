package org.xmppcert.xmpp.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;

/**
 * What this client is and what it handles, as it will answer a disco#info query (XEP-0030 §3.1)
 * and as its XEP-0115 {@code ver} is computed: the identities, the features and the XEP-0128
 * extended information forms. A feature is added by the code that really handles it, when it is
 * installed on the session, never by a fixed list: the advertised features must match behaviour
 * (XEP-0030 §3.1, XEP-0115 §1).
 *
 * <p>{@link #DISCO_INFO} is listed from the start, because every entity supports it (§3.1); it
 * is answered once {@link ServiceDiscovery#of(XmppSession)} is installed, which also adds
 * disco#items. The change listeners let XEP-0115 recompute the {@code ver} (§6.1 "MUST
 * recompute").
 *
 * <p>One per session: {@link #of(XmppSession)}. Thread-safe: {@link #info()} is a consistent
 * snapshot of all three lists, so a {@code ver} is never computed from half a change.
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

    private final Object lock = new Object();
    private final List<Identity> identities = new ArrayList<>();
    /** Feature to the number of registrations holding it: two managers may handle one namespace. */
    private final Map<String, Integer> features = new TreeMap<>();
    private final List<DataForm> forms = new ArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    private LocalFeatures() {
        identities.add(new Identity("client", "pc", "xmppcert", null));
        features.put(DISCO_INFO, 1);
    }

    /** The session's instance, created on first use with the identity {@code client/pc}. */
    public static LocalFeatures of(XmppSession session) {
        return session.extension(LocalFeatures.class, s -> new LocalFeatures());
    }

    /**
     * An instance tied to no session, with the same defaults: for unit tests of the responder and
     * the {@code ver} computation, and for describing an entity that is not this client.
     */
    public static LocalFeatures detached() {
        return new LocalFeatures();
    }

    /**
     * Advertises a feature; closing the registration withdraws it. Several registrations of the
     * same feature are counted: it stays advertised until the last one is closed.
     */
    public Registration addFeature(String var) {
        Objects.requireNonNull(var, "var");
        boolean added;
        synchronized (lock) {
            added = features.merge(var, 1, Integer::sum) == 1;
        }
        if (added) {
            changed();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                boolean removed;
                synchronized (lock) {
                    removed = features.computeIfPresent(var, (k, n) -> n == 1 ? null : n - 1) == null;
                }
                if (removed) {
                    changed();
                }
            }
        };
    }

    /** Replaces the identities (at least one, XEP-0030 §3.1). */
    public void setIdentities(List<Identity> newIdentities) {
        if (newIdentities.isEmpty()) {
            throw new IllegalArgumentException("an entity has at least one identity (XEP-0030 §3.1)");
        }
        synchronized (lock) {
            identities.clear();
            identities.addAll(newIdentities);
        }
        changed();
    }

    /**
     * Adds a XEP-0128 extended information form; closing the registration removes it. The form
     * must be of type {@code result} with a hidden {@code FORM_TYPE}, and no other form may have
     * the same {@code FORM_TYPE}: XEP-0115 §5.4 rules 3.5 and 3.6 make a peer discard or ignore
     * anything else.
     *
     * @throws IllegalArgumentException for a form that breaks those rules
     */
    public Registration addForm(DataForm form) {
        Objects.requireNonNull(form, "form");
        String formType = form.formType().orElseThrow(() -> new IllegalArgumentException(
                "an extended information form needs a FORM_TYPE (XEP-0128, XEP-0115 §5.4 rule 3.6)"));
        if (!form.hasHiddenFormType() || !"result".equals(form.type())) {
            throw new IllegalArgumentException("an extended information form is of type 'result' with a hidden"
                    + " FORM_TYPE (XEP-0128, XEP-0115 §5.4 rule 3.6)");
        }
        if (form.formTypeField().orElseThrow().values().stream().distinct().count() > 1) {
            throw new IllegalArgumentException("FORM_TYPE has more than one value (XEP-0115 §5.4 rule 3.5)");
        }
        synchronized (lock) {
            if (forms.stream().anyMatch(f -> f.formType().orElseThrow().equals(formType))) {
                throw new IllegalArgumentException("a form with FORM_TYPE " + formType
                        + " is already advertised (XEP-0115 §5.4 rule 3.5)");
            }
            forms.add(form);
        }
        changed();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (lock) {
                    forms.remove(form);
                }
                changed();
            }
        };
    }

    public List<Identity> identities() {
        synchronized (lock) {
            return List.copyOf(identities);
        }
    }

    /** The features, sorted. */
    public List<String> features() {
        synchronized (lock) {
            return new ArrayList<>(features.keySet());
        }
    }

    /** Whether the feature is advertised. */
    public boolean hasFeature(String var) {
        synchronized (lock) {
            return features.containsKey(var);
        }
    }

    /** The XEP-0128 forms, in the order they were added. */
    public List<DataForm> forms() {
        synchronized (lock) {
            return List.copyOf(forms);
        }
    }

    /** A consistent snapshot of everything, as a disco#info without node. */
    public DiscoInfo info() {
        synchronized (lock) {
            return new DiscoInfo(null, identities, new ArrayList<>(features.keySet()), forms);
        }
    }

    /**
     * Runs the listener whenever identities, features or forms change (caps must recompute its
     * ver). It runs on the thread that made the change, after the change.
     */
    public Registration onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
