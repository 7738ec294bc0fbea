package org.xmppcert.scenarios.lang;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of a running scenario's placeholders: the domain, the accounts' bare JIDs and
 * localparts, the sessions' full JIDs (once bound) and the captures made so far. Thread-safe.
 */
public final class Bindings {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public Bindings(String domain) {
        values.put(Placeholders.DOMAIN, domain);
    }

    /** {@code {name}} and {@code {name.node}} for an account. */
    public Bindings account(String name, String bareJid, String localpart) {
        values.put(name, bareJid);
        if (localpart != null) {
            values.put(name + Placeholders.NODE_SUFFIX, localpart);
        }
        return this;
    }

    /** {@code {name}} for a session: its full JID. */
    public Bindings session(String name, String fullJid) {
        values.put(name, fullJid);
        return this;
    }

    /** A value captured by {@code {capture:name}}. */
    public Bindings capture(String name, String value) {
        values.put(name, value);
        return this;
    }

    public Bindings captures(Map<String, String> captures) {
        captures.forEach(this::capture);
        return this;
    }

    /** The value of {@code {name}}, or {@code null}. */
    public String value(String name) {
        return values.get(name);
    }

    /** Resolves the placeholders of a string; see {@link Placeholders#resolve(String, java.util.function.Function)}. */
    public String resolve(String s) {
        return Placeholders.resolve(s, this::value);
    }
}
