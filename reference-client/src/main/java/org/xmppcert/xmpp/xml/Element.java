package org.xmppcert.xmpp.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable, namespace-aware XML element: what the parser produces for every first-level
 * element of a stream (stanzas, features, SASL and TLS negotiation elements, stream errors) and
 * what the session sends.
 *
 * <p>Namespaces are kept as XML Namespaces define them (RFC 6120 §11.2, §4.8): every element has
 * a namespace name, inherited from its parent's default namespace when it has no declaration of
 * its own. The prefix and the namespace declarations seen on the wire are kept too, because a
 * conformance report must be able to show exactly what arrived (RFC 6120 §4.8.5 judges
 * prefixes), but they do not take part in {@link #equals(Object)}.
 *
 * <p>{@code xml:lang} is kept as an ordinary attribute in the XML namespace; {@link #lang()}
 * returns it. Inheritance from the stream header (RFC 6120 §4.7.4) is the stream layer's job.
 *
 * <p>Instances are thread-safe and may be shared between the I/O thread and waiting callers.
 */
public final class Element implements Node {

    private final String namespace;
    private final String localName;
    private final String prefix;
    private final List<Attribute> attributes;
    private final Map<String, String> namespaceDeclarations;
    private final List<Node> children;
    private volatile int size = -1;

    private Element(Builder b) {
        this.namespace = b.namespace;
        this.localName = b.localName;
        this.prefix = b.prefix;
        this.attributes = List.copyOf(b.attributes);
        this.namespaceDeclarations = Collections.unmodifiableMap(new LinkedHashMap<>(b.namespaceDeclarations));
        this.children = List.copyOf(b.children);
    }

    /** Starts an element in the given namespace, written without a prefix. */
    public static Builder builder(String localName, String namespace) {
        return new Builder(localName, namespace);
    }

    /** An empty element, e.g. {@code Element.of("starttls", "urn:ietf:params:xml:ns:xmpp-tls")}. */
    public static Element of(String localName, String namespace) {
        return builder(localName, namespace).build();
    }

    /** A builder initialised with this element's content, for making a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(localName, namespace).prefix(prefix);
        b.attributes.addAll(attributes);
        b.namespaceDeclarations.putAll(namespaceDeclarations);
        b.children.addAll(children);
        return b;
    }

    /** The local name, e.g. {@code message}. */
    public String name() {
        return localName;
    }

    /** The namespace name, e.g. {@code jabber:client}; empty when the element is in no namespace. */
    public String namespace() {
        return namespace;
    }

    /** The prefix seen on (or destined for) the wire; empty for none. */
    public String prefix() {
        return prefix;
    }

    /** {@code prefix:name} or {@code name}. */
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    /** Whether this element has the given local name and namespace. */
    public boolean is(String localName, String namespace) {
        return this.localName.equals(localName) && this.namespace.equals(namespace);
    }

    /** All attributes except namespace declarations, in document order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** The value of the attribute with this local name and no namespace, or {@code null}. */
    public String attribute(String localName) {
        return attribute("", localName);
    }

    /** The value of the attribute with this namespace and local name, or {@code null}. */
    public String attribute(String namespace, String localName) {
        for (Attribute a : attributes) {
            if (a.is(namespace, localName)) {
                return a.value();
            }
        }
        return null;
    }

    /** This element's own {@code xml:lang}, or {@code null} when it has none. */
    public String lang() {
        return attribute(Attribute.XML_NAMESPACE, "lang");
    }

    /** The namespace declarations made on this element: prefix (empty for the default) to name. */
    public Map<String, String> namespaceDeclarations() {
        return namespaceDeclarations;
    }

    /** Child elements and text, in document order. */
    public List<Node> children() {
        return children;
    }

    /** The child elements, in document order. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>(children.size());
        for (Node n : children) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The child elements with this local name and namespace. */
    public List<Element> elements(String localName, String namespace) {
        return elements().stream().filter(e -> e.is(localName, namespace)).collect(Collectors.toList());
    }

    /** The first child element with this local name and namespace, or {@code null}. */
    public Element child(String localName, String namespace) {
        for (Node n : children) {
            if (n instanceof Element e && e.is(localName, namespace)) {
                return e;
            }
        }
        return null;
    }

    /** Whether a child element with this local name and namespace exists. */
    public boolean hasChild(String localName, String namespace) {
        return child(localName, namespace) != null;
    }

    /** The concatenated character data directly inside this element (not in descendants). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Node n : children) {
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        return sb.toString();
    }

    /** The text of the first such child, or {@code null} when there is no such child. */
    public String childText(String localName, String namespace) {
        Element c = child(localName, namespace);
        return c == null ? null : c.text();
    }

    /**
     * About how many characters this element takes as XML: names, attribute values and text,
     * counted without serializing. Used to bound queues of received elements by size.
     */
    public int approximateSize() {
        int s = size;
        if (s < 0) {
            long total = 2L * localName.length() + prefix.length() + 5;
            for (Attribute a : attributes) {
                total += a.localName().length() + a.value().length() + 4;
            }
            for (Node n : children) {
                total += n instanceof Element e ? e.approximateSize() : ((Text) n).value().length();
            }
            s = (int) Math.min(Integer.MAX_VALUE, total);
            size = s;
        }
        return s;
    }

    /** The element as XML, declaring every namespace it uses (see {@link XmlWriter}). */
    public String toXml() {
        return XmlWriter.toXml(this);
    }

    @Override
    public String toString() {
        return toXml();
    }

    /**
     * Namespace-level equality: namespace, local name, attributes as a set, and children in order.
     * Prefixes and where namespaces were declared do not matter, as in XML Namespaces.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Element e)) {
            return false;
        }
        return namespace.equals(e.namespace) && localName.equals(e.localName)
                && attributeSet().equals(e.attributeSet()) && children.equals(e.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, localName, attributeSet(), children);
    }

    private Map<String, String> attributeSet() {
        Map<String, String> m = new java.util.HashMap<>();
        for (Attribute a : attributes) {
            m.put("{" + a.namespace() + "}" + a.localName(), a.value());
        }
        return m;
    }

    /** Builds an {@link Element}. Not thread-safe; each {@link #build()} makes an independent element. */
    public static final class Builder {
        private final String localName;
        private final String namespace;
        private String prefix = "";
        private final List<Attribute> attributes = new ArrayList<>();
        private final Map<String, String> namespaceDeclarations = new LinkedHashMap<>();
        private final List<Node> children = new ArrayList<>();

        private Builder(String localName, String namespace) {
            this.localName = requireName(localName);
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** Writes the element with this prefix; the writer declares it when it is not in scope. */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Sets (or, with a {@code null} value, removes) an attribute in no namespace. */
        public Builder attribute(String localName, String value) {
            return attribute(Attribute.of(localName, value == null ? "" : value), value == null);
        }

        /** Sets an attribute, replacing one with the same namespace and local name. */
        public Builder attribute(Attribute attribute) {
            return attribute(attribute, false);
        }

        private Builder attribute(Attribute attribute, boolean remove) {
            attributes.removeIf(a -> a.is(attribute.namespace(), attribute.localName()));
            if (!remove) {
                attributes.add(attribute);
            }
            return this;
        }

        /** Sets {@code xml:lang}, or removes it when {@code null}. */
        public Builder lang(String lang) {
            return attribute(Attribute.lang(lang == null ? "" : lang), lang == null);
        }

        /** Declares a namespace on this element: {@code prefix} empty for the default namespace. */
        public Builder declareNamespace(String prefix, String namespaceName) {
            namespaceDeclarations.put(Objects.requireNonNull(prefix), Objects.requireNonNull(namespaceName));
            return this;
        }

        /** Appends a child element. */
        public Builder child(Element child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /** Appends several child elements. */
        public Builder children(Iterable<Element> more) {
            more.forEach(this::child);
            return this;
        }

        /** Appends a child element {@code <localName xmlns='namespace'>text</localName>}. */
        public Builder childWithText(String localName, String namespace, String text) {
            return child(Element.builder(localName, namespace).text(text).build());
        }

        /** Appends character data, merged with text appended just before. */
        public Builder text(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                return this;
            }
            int last = children.size() - 1;
            if (last >= 0 && children.get(last) instanceof Text t) {
                children.set(last, new Text(t.value() + text));
            } else {
                children.add(new Text(text));
            }
            return this;
        }

        /** Removes every child element with this name and namespace. */
        public Builder removeChildren(String localName, String namespace) {
            children.removeIf(n -> n instanceof Element e && e.is(localName, namespace));
            return this;
        }

        public Element build() {
            return new Element(this);
        }

        private static String requireName(String name) {
            Objects.requireNonNull(name, "localName");
            if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("not an XML local name: '" + name + "'");
            }
            return name;
        }
    }
}
