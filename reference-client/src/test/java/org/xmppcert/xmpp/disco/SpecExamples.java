package org.xmppcert.xmpp.disco;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.Node;
import org.xmppcert.xmpp.xml.Text;
import org.xmppcert.xmpp.xml.XmlLimits;
import org.xmppcert.xmpp.xml.XmlStreamError;
import org.xmppcert.xmpp.xml.XmlStreamListener;
import org.xmppcert.xmpp.xml.XmlStreamParser;

/**
 * Reads the XML of a specification's example with the reference client's own stream parser, as
 * if it had arrived on a jabber:client stream, so that a test checks the typed values our
 * parsers make of exactly what the spec shows.
 */
public final class SpecExamples {
    private static final String STREAM_HEADER = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    private SpecExamples() {
    }

    /**
     * The examples of a resource file made from a specification's text: {@code # } comment
     * lines, then blocks each headed {@code === <id>. <title>}.
     *
     * @return the example text by id, in file order
     */
    public static Map<String, String> load(Class<?> anchor, String resource) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource + " next to " + anchor.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
        Map<String, String> examples = new LinkedHashMap<>();
        String id = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (id != null) {
                    examples.put(id, body.toString().strip());
                }
                id = line.substring(4, line.indexOf(". "));
                body.setLength(0);
            } else if (id != null) {
                body.append(line).append('\n');
            }
        }
        if (id != null) {
            examples.put(id, body.toString().strip());
        }
        return examples;
    }

    /** The one top-level element of the example, as received on a client stream. */
    public static Element parse(String xml) {
        List<Element> elements = parseAll(xml);
        if (elements.size() != 1) {
            throw new AssertionError("expected one element, parsed " + elements.size() + " from " + xml);
        }
        return elements.get(0);
    }

    /** Every top-level element of the example (some examples show a request and its answer). */
    public static List<Element> parseAll(String xml) {
        List<Element> out = new ArrayList<>();
        XmlStreamListener listener = new XmlStreamListener() {
            @Override
            public void onStreamOpen(Element root) {
            }

            @Override
            public void onElement(Element element) {
                out.add(element);
            }

            @Override
            public void onStreamClose() {
            }

            @Override
            public void onError(XmlStreamError error) {
                throw new AssertionError("the example is not XMPP's XML: " + error.violation() + " in " + xml);
            }
        };
        byte[] bytes = (STREAM_HEADER + xml).getBytes(StandardCharsets.UTF_8);
        new XmlStreamParser(XmlLimits.DEFAULT, listener).feed(bytes, 0, bytes.length);
        return out;
    }

    /**
     * The element without the whitespace-only text the example's indentation put between
     * children, so that it can be compared with what a builder makes.
     */
    public static Element withoutIndentation(Element e) {
        Element.Builder b = Element.builder(e.name(), e.namespace());
        e.attributes().forEach(b::attribute);
        for (Node n : e.children()) {
            if (n instanceof Element child) {
                b.child(withoutIndentation(child));
            } else if (n instanceof Text t && !t.value().isBlank()) {
                b.text(t.value());
            }
        }
        return b.build();
    }

    /** The element with an attribute removed (e.g. the {@code from} a server stamps). */
    public static Element without(Element e, String attribute) {
        return e.toBuilder().attribute(attribute, null).build();
    }
}
