package org.xmppcert.xmpp.xml;

/**
 * Receives what {@link XmlStreamParser} finds, in stream order, on the thread that feeds it.
 */
public interface XmlStreamListener {

    /**
     * The stream's root start tag was read: the stream header (RFC 6120 §4.2). The element has
     * the root's name, namespace, prefix, attributes and namespace declarations, and no children.
     */
    void onStreamOpen(Element root);

    /** A complete first-level element: a stanza or any other child of the stream root. */
    void onElement(Element element);

    /** The root end tag was read (RFC 6120 §4.4). Nothing more is parsed afterwards. */
    void onStreamClose();

    /** The stream violated XML or XMPP's restrictions; nothing more is parsed afterwards. */
    void onError(XmlStreamError error);
}
