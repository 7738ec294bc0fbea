package org.xmppcert.xmpp.stream;

import java.util.Objects;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.NamespaceScope;
import org.xmppcert.xmpp.xml.XmlWriter;

/**
 * The attributes of a stream header (RFC 6120 §4.7, RFC 3920 §4.4): {@code from}, {@code to},
 * {@code id}, {@code version} and {@code xml:lang}, plus the namespaces it was written with.
 * Any of the attributes may be absent ({@code null}); judging whether that is allowed is left to
 * the caller, because the rules differ for the initiating and the receiving entity.
 *
 * @param root the root start tag as received or as sent (no children)
 */
public record StreamHeader(Element root) {

    public StreamHeader {
        Objects.requireNonNull(root, "root");
    }

    /**
     * The initial header of a client (RFC 6120 §4.7): the content namespace {@code jabber:client}
     * as default namespace and the prefix {@code stream}, as is traditional (§4.8.2).
     *
     * @param to the server's domain
     * @param from the user's bare JID, or {@code null}; RFC 6120 §4.7.1 advises sending it only
     *        once TLS protects the stream
     * @param lang the default language, or {@code null}
     */
    public static StreamHeader initial(String to, String from, String lang) {
        Element.Builder b = Element.builder("stream", XmppNamespaces.STREAMS).prefix("stream")
                .declareNamespace("", XmppNamespaces.CLIENT)
                .declareNamespace("stream", XmppNamespaces.STREAMS);
        if (from != null) {
            b.attribute("from", from);
        }
        if (to != null) {
            b.attribute("to", to);
        }
        b.attribute("version", "1.0");
        if (lang != null) {
            b.lang(lang);
        }
        return new StreamHeader(b.build());
    }

    public String from() {
        return root.attribute("from");
    }

    public String to() {
        return root.attribute("to");
    }

    public String id() {
        return root.attribute("id");
    }

    /** The {@code version} attribute as written, or {@code null} (meaning "0.9", RFC 6120 §4.7.5). */
    public String version() {
        return root.attribute("version");
    }

    public String lang() {
        return root.lang();
    }

    /** Whether the root is {@code <stream/>} in the stream namespace (RFC 6120 §4.8.1). */
    public boolean hasStreamNamespace() {
        return root.is("stream", XmppNamespaces.STREAMS);
    }

    /** The default namespace the header declares: the content namespace in the traditional style. */
    public String declaredDefaultNamespace() {
        return root.namespaceDeclarations().get("");
    }

    /**
     * The version as major and minor numbers compared numerically (RFC 6120 §4.7.5);
     * {@code [0, 9]} when absent, {@code null} when not of the form {@code major.minor}.
     */
    public int[] versionNumbers() {
        String v = version();
        if (v == null) {
            return new int[] {0, 9};
        }
        String[] parts = v.trim().split("\\.", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the peer supports XMPP 1.0 streams (features, TLS, SASL): version ≥ 1.0. */
    public boolean supportsVersion1() {
        int[] v = versionNumbers();
        return v != null && v[0] >= 1;
    }

    /** The namespace scope inside this header, for writing or reading its first-level elements. */
    public NamespaceScope scope() {
        return NamespaceScope.EMPTY.enter(root.namespaceDeclarations());
    }

    /** The start tag as text, preceded by an XML declaration as RFC 6120 §11.5 recommends. */
    public String toXml() {
        return "<?xml version='1.0'?>" + XmlWriter.startTag(root, NamespaceScope.EMPTY);
    }

    /** The matching end tag, e.g. {@code </stream:stream>}. */
    public String closingTag() {
        return XmlWriter.endTag(root);
    }
}
