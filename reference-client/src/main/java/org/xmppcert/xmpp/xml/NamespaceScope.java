package org.xmppcert.xmpp.xml;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The prefix-to-namespace bindings in force at some point of a stream. The {@code xml} prefix
 * is always bound (XML Namespaces §3). The empty prefix stands for the default namespace.
 *
 * <p>The serializer writes a stanza relative to the scope of the stream header, so that a
 * {@code <message/>} in a {@code jabber:client} stream needs no {@code xmlns} of its own (RFC 6120
 * §4.8.3), while an element in any other namespace declares it.
 */
public final class NamespaceScope {

    /** Nothing bound but {@code xml}: the scope of a standalone document. */
    public static final NamespaceScope EMPTY = new NamespaceScope(Map.of());

    private final Map<String, String> bindings;

    private NamespaceScope(Map<String, String> bindings) {
        this.bindings = Map.copyOf(bindings);
    }

    /** The scope inside a stream header with this default namespace and stream prefix. */
    public static NamespaceScope ofStream(String defaultNamespace, String streamPrefix, String streamNamespace) {
        Map<String, String> m = new HashMap<>();
        m.put("", defaultNamespace);
        m.put(streamPrefix, streamNamespace);
        return new NamespaceScope(m);
    }

    /** The scope inside an element: this scope plus the element's own declarations. */
    public NamespaceScope enter(Map<String, String> declarations) {
        if (declarations.isEmpty()) {
            return this;
        }
        Map<String, String> m = new HashMap<>(bindings);
        m.putAll(declarations);
        return new NamespaceScope(m);
    }

    /** The namespace bound to this prefix, or {@code null}; the empty prefix is bound to "" by default. */
    public String resolve(String prefix) {
        Objects.requireNonNull(prefix);
        if (prefix.equals("xml")) {
            return Attribute.XML_NAMESPACE;
        }
        String ns = bindings.get(prefix);
        return ns == null && prefix.isEmpty() ? "" : ns;
    }

    /** The default namespace in this scope. */
    public String defaultNamespace() {
        return resolve("");
    }
}
