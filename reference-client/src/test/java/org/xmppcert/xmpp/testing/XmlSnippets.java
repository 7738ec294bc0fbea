package org.xmppcert.xmpp.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xmppcert.xmpp.xml.Attribute;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.Node;
import org.xmppcert.xmpp.xml.Text;
import org.xmppcert.xmpp.xml.XmlLimits;
import org.xmppcert.xmpp.xml.XmlStreamError;
import org.xmppcert.xmpp.xml.XmlStreamListener;
import org.xmppcert.xmpp.xml.XmlStreamParser;

/**
 * Parses stanzas written as XML text, such as the examples of the RFCs, into {@link Element}s
 * with the production parser, as if they had arrived on a jabber:client stream. For test
 * vectors: the examples are pretty-printed, so {@link #parse(String)} drops the text nodes that
 * are only whitespace (indentation), and keeps every other text as it is.
 */
public final class XmlSnippets {
    private XmlSnippets() {
    }

    /** The one stanza in {@code xml}, indentation removed. */
    public static Element parse(String xml) {
        return withoutIndentation(parseExactly(xml));
    }

    /** The one stanza in {@code xml}, every text node kept. */
    public static Element parseExactly(String xml) {
        List<Element> elements = new ArrayList<>();
        String[] failure = new String[1];
        XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT, new XmlStreamListener() {
            @Override
            public void onStreamOpen(Element root) {
            }

            @Override
            public void onElement(Element element) {
                elements.add(element);
            }

            @Override
            public void onStreamClose() {
            }

            @Override
            public void onError(XmlStreamError error) {
                failure[0] = error.toString();
            }
        });
        byte[] bytes = ("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml
                + "</stream:stream>").getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
        if (failure[0] != null || elements.size() != 1) {
            throw new IllegalArgumentException("not one stanza (" + failure[0] + "): " + xml);
        }
        return elements.get(0);
    }

    /** A copy without the text nodes that are only whitespace, at every level. */
    public static Element withoutIndentation(Element e) {
        Element.Builder b = Element.builder(e.name(), e.namespace()).prefix(e.prefix());
        for (Attribute a : e.attributes()) {
            b.attribute(a);
        }
        for (Node n : e.children()) {
            if (n instanceof Element c) {
                b.child(withoutIndentation(c));
            } else if (!((Text) n).value().isBlank()) {
                b.text(((Text) n).value());
            }
        }
        return b.build();
    }
}
