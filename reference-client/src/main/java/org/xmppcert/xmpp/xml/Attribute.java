package org.xmppcert.xmpp.xml;

import java.util.Objects;

/**
 * One attribute of an element.
 *
 * @param namespace the namespace name; the empty string for an unprefixed attribute (which, in
 *        XML Namespaces, is in no namespace, not in its element's namespace)
 * @param localName the local name
 * @param prefix the prefix seen on the wire or wanted on the wire; empty for none. {@code xml} for
 *        {@code xml:lang}.
 * @param value the unescaped value
 */
public record Attribute(String namespace, String localName, String prefix, String value) {

    /** The XML namespace, bound to the {@code xml} prefix by definition (XML Namespaces §3). */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    public Attribute {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
        XmlChars.requireValid(value, "attribute " + localName);
    }

    /** An attribute in no namespace, the usual kind in XMPP ({@code to}, {@code type}, {@code id}…). */
    public static Attribute of(String localName, String value) {
        return new Attribute("", localName, "", value);
    }

    /** The {@code xml:lang} attribute (RFC 6120 §4.7.4, §8.1.5). */
    public static Attribute lang(String value) {
        return new Attribute(XML_NAMESPACE, "lang", "xml", value);
    }

    /** The name as written on the wire: {@code prefix:localName} or {@code localName}. */
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    boolean is(String ns, String local) {
        return namespace.equals(ns) && localName.equals(local);
    }
}
