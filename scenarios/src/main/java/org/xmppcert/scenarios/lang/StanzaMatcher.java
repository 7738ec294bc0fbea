package org.xmppcert.scenarios.lang;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;
import org.xmlunit.diff.ElementSelector;
import org.xmppcert.xmpp.xml.Element;

/**
 * Decides whether a received stanza matches a pattern of a scenario, with XMLUnit's
 * {@link DiffBuilder} ({@code checkForSimilar}) and these rules (README-scenarios.md):
 *
 * <ul>
 *   <li>local names and namespaces agree (prefixes do not matter: XML Namespaces);</li>
 *   <li>every attribute of the pattern is present with an equal value; {@code {any}} accepts any
 *       value but the attribute must be present; {@code {capture:name}} accepts any value and
 *       remembers it; both may be part of a longer value ({@code id="x-{any}"});</li>
 *   <li>every child element of the pattern has a matching child in the stanza, in any order
 *       (children are paired greedily, in document order of the pattern);</li>
 *   <li>text of the pattern, when not blank, equals the stanza's text, both trimmed;
 *       whitespace-only text is ignored;</li>
 *   <li>extra attributes, children and text are allowed unless {@code strict}.</li>
 * </ul>
 *
 * <p>Other placeholders of the pattern ({@code {domain}}, {@code {alice}}, captures made
 * earlier…) are resolved with the bindings before comparing. Thread-safe.
 */
public final class StanzaMatcher {

    private static final DocumentBuilderFactory DOM = secureFactory();
    /**
     * One builder per thread, reset between uses: a new builder configures a whole Xerces parser,
     * which cost more CPU than the comparisons themselves (a builder is not thread-safe).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            synchronized (DOM) {
                return DOM.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private StanzaMatcher() {
    }

    /** Matches without bindings (patterns that use only {@code {any}} and captures). */
    public static MatchResult match(Element pattern, Element stanza, boolean strict) {
        return match(pattern, stanza, strict, name -> null);
    }

    /**
     * Matches a stanza against a pattern.
     *
     * @param bindings values of placeholders other than {@code {any}} and {@code {capture:…}}
     * @throws Placeholders.UnresolvedPlaceholderException when the pattern names an unknown placeholder
     */
    public static MatchResult match(Element pattern, Element stanza, boolean strict, Function<String, String> bindings) {
        if (!pattern.name().equals(stanza.name()) || !pattern.namespace().equals(stanza.namespace())) {
            return MatchResult.mismatch("expected <" + pattern.name() + "/> in " + pattern.namespace() + ", got <"
                    + stanza.name() + "/> in " + stanza.namespace());
        }
        Node control = dom(resolveBound(pattern, bindings));
        Node test = dom(stanza);
        Map<String, String> captures = new LinkedHashMap<>();
        Diff diff = diff(control, test, strict, captures);
        if (diff.hasDifferences()) {
            return MatchResult.mismatch(describe(diff));
        }
        return MatchResult.match(captures);
    }

    /** The first alternative that matches, or the mismatch of the last one. */
    public static MatchResult matchAny(List<Element> patterns, Element stanza, boolean strict, Function<String, String> bindings) {
        MatchResult last = MatchResult.mismatch("no pattern");
        for (Element p : patterns) {
            last = match(p, stanza, strict, bindings);
            if (last.matched()) {
                return last;
            }
        }
        return last;
    }

    // ------------------------------------------------------------------ XMLUnit

    private static Diff diff(Node control, Node test, boolean strict, Map<String, String> captures) {
        return DiffBuilder.compare(control).withTest(test)
                .ignoreWhitespace()
                // No ignoreComments(): neither side can hold a comment (both are built from
                // Element, and XMPP forbids comments, RFC 6120 §11.1), and XMLUnit implements it
                // by compiling an XSLT stylesheet for every comparison: most of a run's CPU.
                .withNodeMatcher(new DefaultNodeMatcher(new Matching(strict)))
                .withDifferenceEvaluator((comparison, outcome) -> evaluate(comparison, outcome, strict, captures))
                .checkForSimilar()
                .build();
    }

    /** Pairs a pattern child with a stanza child only when the child, as a whole, matches: any order. */
    private record Matching(boolean strict) implements ElementSelector {
        @Override
        public boolean canBeCompared(org.w3c.dom.Element control, org.w3c.dom.Element test) {
            if (!control.getLocalName().equals(test.getLocalName()) || !same(control.getNamespaceURI(), test.getNamespaceURI())) {
                return false;
            }
            if (control.getParentNode() instanceof org.w3c.dom.Document) {
                // The roots being compared (XMLUnit copies them into documents): the diff itself judges them.
                return true;
            }
            return !diff(control, test, strict, new LinkedHashMap<>()).hasDifferences();
        }
    }

    private static ComparisonResult evaluate(Comparison c, ComparisonResult outcome, boolean strict, Map<String, String> captures) {
        if (outcome == ComparisonResult.EQUAL) {
            return outcome;
        }
        ComparisonType type = c.getType();
        Object controlValue = c.getControlDetails().getValue();
        Object testValue = c.getTestDetails().getValue();
        switch (type) {
            case ATTR_VALUE:
            case TEXT_VALUE:
                return valueMatches(String.valueOf(controlValue), String.valueOf(testValue), type != ComparisonType.ATTR_VALUE, captures)
                        ? ComparisonResult.EQUAL : ComparisonResult.DIFFERENT;
            case ELEMENT_NUM_ATTRIBUTES:
            case CHILD_NODELIST_LENGTH:
                return strict ? ComparisonResult.DIFFERENT : ComparisonResult.EQUAL;
            case ATTR_NAME_LOOKUP:
                // The attribute is on the stanza, not on the pattern: an extra attribute.
                return controlValue == null && !strict ? ComparisonResult.EQUAL : ComparisonResult.DIFFERENT;
            case CHILD_LOOKUP:
                // A stanza child no pattern child was paired with: an extra child.
                return c.getControlDetails().getTarget() == null && !strict ? ComparisonResult.EQUAL : ComparisonResult.DIFFERENT;
            case CHILD_NODELIST_SEQUENCE:
            case NAMESPACE_PREFIX:
                return ComparisonResult.EQUAL;
            default:
                return outcome;
        }
    }

    /** Compares one value of the pattern, with {@code {any}} and {@code {capture:…}}, to the stanza's. */
    static boolean valueMatches(String control, String test, boolean text, Map<String, String> captures) {
        String expected = text ? control.strip() : control;
        String actual = text ? test.strip() : test;
        if (text && expected.isEmpty()) {
            return true;
        }
        Matcher m = Placeholders.PLACEHOLDER.matcher(expected);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        boolean wild = false;
        while (m.find()) {
            String name = m.group(1);
            boolean any = name.equals(Placeholders.ANY);
            boolean capture = name.startsWith(Placeholders.CAPTURE_PREFIX);
            if (!any && !capture) {
                continue; // a literal brace text; bound placeholders were resolved before
            }
            wild = true;
            regex.append(Pattern.quote(expected.substring(last, m.start()))).append("(.*?)");
            names.add(capture ? name.substring(Placeholders.CAPTURE_PREFIX.length()) : null);
            last = m.end();
        }
        if (!wild) {
            return expected.equals(actual);
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher v = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!v.matches()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                captures.put(names.get(i), v.group(i + 1));
            }
        }
        return true;
    }

    private static String describe(Diff diff) {
        // Not XMLUnit's DefaultComparisonFormatter: it loads an XSLT engine, slow for a predicate
        // that runs on every queued stanza.
        List<String> out = new ArrayList<>();
        for (Difference d : diff.getDifferences()) {
            if (d.getResult() == ComparisonResult.DIFFERENT) {
                Comparison c = d.getComparison();
                String where = c.getControlDetails().getXPath() != null ? c.getControlDetails().getXPath()
                        : c.getTestDetails().getXPath();
                out.add(c.getType().getDescription() + " at " + where + ": expected " + shown(c.getControlDetails().getValue())
                        + " but was " + shown(c.getTestDetails().getValue()));
                if (out.size() == 3) {
                    break;
                }
            }
        }
        return String.join("; ", out);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Node n) {
            return "<" + n.getNodeName() + ">";
        }
        return "'" + value + "'";
    }

    // ------------------------------------------------------------------ conversions

    /** The pattern with bound placeholders resolved; {@code {any}} and captures stay. */
    private static Element resolveBound(Element pattern, Function<String, String> bindings) {
        return Placeholders.resolve(pattern, name -> {
            if (name.equals(Placeholders.ANY) || name.startsWith(Placeholders.CAPTURE_PREFIX)) {
                return "{" + name + "}";
            }
            return bindings.apply(name);
        });
    }

    private static boolean same(String a, String b) {
        return (a == null ? "" : a).equals(b == null ? "" : b);
    }

    private static Node dom(Element e) {
        try {
            DocumentBuilder b = BUILDER.get();
            b.reset();
            // The document, not its element: XMLUnit turns any other node into a document with a
            // fresh identity Transformer on every comparison.
            return b.parse(new InputSource(new StringReader(e.toXml())));
        } catch (SAXException | java.io.IOException ex) {
            throw new IllegalStateException("cannot read back " + e.toXml(), ex);
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        f.setExpandEntityReferences(false);
        return f;
    }
}
