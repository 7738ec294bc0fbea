package org.xmppcert.xmpp.xml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes {@link Element}s to XML text.
 *
 * <p>Hand-written on purpose: a StAX writer decides for itself when to close a start tag,
 * self-close an element or declare a namespace, and cannot write a lone stream start tag; a
 * compliance tool must know exactly which bytes it sends. The escaping follows XML 1.0 §2.4
 * (character data) and §3.3.3 (attribute-value normalization: tab, newline and carriage return
 * in an attribute are written as character references so that they survive it).
 *
 * <p>Namespace declarations are written only where the element's namespace or prefix is not
 * already in scope, plus any declaration the element carries explicitly.
 */
public final class XmlWriter {
    private XmlWriter() {
    }

    /** The element as a standalone fragment: every namespace it uses is declared. */
    public static String toXml(Element element) {
        return toXml(element, NamespaceScope.EMPTY);
    }

    /** The element as it appears inside the given scope (for a stanza: the stream header's). */
    public static String toXml(Element element, NamespaceScope scope) {
        StringBuilder sb = new StringBuilder(128);
        write(element, scope, sb);
        return sb.toString();
    }

    /**
     * Only the start tag, never self-closed, e.g. the {@code <stream:stream …>} that opens a
     * stream (RFC 6120 §4.2). Children of the element are ignored.
     */
    public static String startTag(Element element, NamespaceScope scope) {
        StringBuilder sb = new StringBuilder(256);
        openTag(element, scope, sb);
        sb.append('>');
        return sb.toString();
    }

    /** The end tag matching {@link #startTag}, e.g. {@code </stream:stream>}. */
    public static String endTag(Element element) {
        return "</" + element.qualifiedName() + ">";
    }

    private static void write(Element e, NamespaceScope scope, StringBuilder sb) {
        NamespaceScope inner = openTag(e, scope, sb);
        if (e.children().isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        for (Node n : e.children()) {
            if (n instanceof Element child) {
                write(child, inner, sb);
            } else {
                escapeText(((Text) n).value(), sb);
            }
        }
        sb.append("</").append(e.qualifiedName()).append('>');
    }

    /** Writes {@code <name attrs…} without the closing bracket and returns the scope inside. */
    private static NamespaceScope openTag(Element e, NamespaceScope scope, StringBuilder sb) {
        Map<String, String> declare = new LinkedHashMap<>();
        e.namespaceDeclarations().forEach((p, ns) -> {
            if (!ns.equals(scope.resolve(p))) {
                declare.put(p, ns);
            }
        });
        if (!e.namespace().equals(resolve(scope, declare, e.prefix()))) {
            declare.put(e.prefix(), e.namespace());
        }
        for (Attribute a : e.attributes()) {
            if (!a.namespace().isEmpty() && !a.prefix().equals("xml")) {
                if (a.prefix().isEmpty()) {
                    throw new IllegalArgumentException("attribute " + a.localName() + " in namespace "
                            + a.namespace() + " needs a prefix");
                }
                if (!a.namespace().equals(resolve(scope, declare, a.prefix()))) {
                    declare.put(a.prefix(), a.namespace());
                }
            }
        }
        sb.append('<').append(e.qualifiedName());
        declare.forEach((p, ns) -> {
            sb.append(p.isEmpty() ? " xmlns" : " xmlns:" + p).append("='");
            escapeAttribute(ns, sb);
            sb.append('\'');
        });
        for (Attribute a : e.attributes()) {
            sb.append(' ').append(a.qualifiedName()).append("='");
            escapeAttribute(a.value(), sb);
            sb.append('\'');
        }
        return scope.enter(declare);
    }

    private static String resolve(NamespaceScope scope, Map<String, String> pending, String prefix) {
        String ns = pending.get(prefix);
        return ns != null ? ns : scope.resolve(prefix);
    }

    /** Escapes character data (XML 1.0 §2.4). */
    public static String escapeText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escapeText(s, sb);
        return sb.toString();
    }

    /** Escapes an attribute value for single or double quotes (XML 1.0 §2.3, §3.3.3). */
    public static String escapeAttribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escapeAttribute(s, sb);
        return sb.toString();
    }

    private static void escapeText(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;"); // required after "]]", harmless elsewhere
                case '\r' -> sb.append("&#xD;"); // end-of-line handling would turn it into \n
                default -> sb.append(c);
            }
        }
    }

    private static void escapeAttribute(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append("&#x9;");
                case '\n' -> sb.append("&#xA;");
                case '\r' -> sb.append("&#xD;");
                default -> sb.append(c);
            }
        }
    }
}
