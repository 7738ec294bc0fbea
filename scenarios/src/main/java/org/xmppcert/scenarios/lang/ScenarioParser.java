package org.xmppcert.scenarios.lang;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.model.Scenario;
import org.xmppcert.scenarios.model.Step;
import org.xmppcert.scenarios.model.Template;
import org.xmppcert.xmpp.xml.Attribute;
import org.xmppcert.xmpp.xml.Element;

/**
 * Reads a scenario file of the language {@code urn:xmppcert:scenario:1}: validates it against
 * {@code scenario/scenario.xsd}, then checks what the schema cannot (README-scenarios.md):
 *
 * <ol>
 *   <li>account names are unique; a session name is neither an account name nor a reserved
 *       placeholder, and is connected before any other step uses it (and not connected twice
 *       without a disconnect between);</li>
 *   <li>every placeholder is known at its place: {@code {any}} and {@code {capture:x}} only in
 *       expectation patterns, a capture only after the step that makes it;</li>
 *   <li>every judged id exists in the catalog, when a catalog is given.</li>
 * </ol>
 *
 * <p>Stanzas become {@link Element} trees; an element of a stanza written without a namespace
 * declaration (so in the scenario namespace, or in none) is read as {@code jabber:client}.
 * Whitespace-only text inside stanzas is dropped (it is indentation).
 *
 * <p>Scenario files are part of xmppcert, but the parser is strict anyway: no DTD, no external
 * entities or schemas, secure processing. Thread-safe: the schema is compiled once.
 */
public final class ScenarioParser {

    /** The namespace of the scenario language. */
    public static final String NAMESPACE = "urn:xmppcert:scenario:1";
    /** The schema, on the classpath. */
    public static final String SCHEMA_RESOURCE = "scenario/scenario.xsd";
    /** The namespace a stanza written without one is in (RFC 6120 §4.8.3). */
    public static final String JABBER_CLIENT = "jabber:client";

    private static final Schema SCHEMA = loadSchema();

    private final Catalog catalog;

    /** A parser that does not check judged ids against a catalog. */
    public ScenarioParser() {
        this(null);
    }

    /** @param catalog the catalog judged ids must exist in, or {@code null} to skip that check */
    public ScenarioParser(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Parses a file. */
    public Scenario parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new ScenarioParseException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a classpath resource, e.g. {@code scenarios/iq/unknown.xml}. */
    public Scenario parseResource(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new ScenarioParseException(resource, 0, "no such resource on the classpath");
        }
        try (InputStream in = url.openStream()) {
            return parse(resource, in);
        } catch (IOException e) {
            throw new ScenarioParseException(resource, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a string, e.g. in tests. */
    public Scenario parse(String source, String xml) {
        return parse(source, new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Parses a stream.
     *
     * @param source the file name or resource, for messages and {@link Scenario#source()}
     * @throws ScenarioParseException with the source and line of the first problem
     */
    public Scenario parse(String source, InputStream in) {
        XNode root = read(source, in);
        return new Builder(source, catalog).build(root);
    }

    // ------------------------------------------------------------------ reading and validation

    /** A minimal element tree with line numbers, built while validating. */
    static final class XNode {
        final String namespace;
        final String localName;
        final String prefix;
        final List<Attribute> attributes = new ArrayList<>();
        final List<Object> children = new ArrayList<>(); // XNode or StringBuilder (text)
        final int line;

        XNode(String namespace, String localName, String prefix, int line) {
            this.namespace = namespace;
            this.localName = localName;
            this.prefix = prefix;
            this.line = line;
        }

        String attr(String name) {
            for (Attribute a : attributes) {
                if (a.namespace().isEmpty() && a.localName().equals(name)) {
                    return a.value();
                }
            }
            return null;
        }

        List<XNode> elements() {
            List<XNode> out = new ArrayList<>();
            for (Object o : children) {
                if (o instanceof XNode x) {
                    out.add(x);
                }
            }
            return out;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Object o : children) {
                if (o instanceof StringBuilder t) {
                    sb.append(t);
                }
            }
            return sb.toString();
        }
    }

    private static XNode read(String source, InputStream in) {
        TreeBuilder tree = new TreeBuilder();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            ValidatorHandler validator = SCHEMA.newValidatorHandler();
            validator.setErrorHandler(tree);
            validator.setContentHandler(tree);
            reader.setContentHandler(validator);
            reader.setErrorHandler(tree);
            InputSource is = new InputSource(in);
            is.setSystemId(source);
            reader.parse(is);
        } catch (SAXParseException e) {
            throw new ScenarioParseException(source, e.getLineNumber(), e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new ScenarioParseException(source, tree.line(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioParseException(source, 0, "cannot read: " + e.getMessage(), e);
        }
        return tree.root;
    }

    private static Schema loadSchema() {
        URL xsd = ScenarioParser.class.getClassLoader().getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
        }
        try {
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return sf.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("the scenario schema does not compile: " + e.getMessage(), e);
        }
    }

    /** Builds {@link XNode}s from the validated SAX events and turns validation errors into exceptions. */
    private static final class TreeBuilder extends DefaultHandler implements ErrorHandler {
        private Locator locator;
        private XNode root;
        private final ArrayList<XNode> open = new ArrayList<>();

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            int colon = qName.indexOf(':');
            XNode n = new XNode(uri == null ? "" : uri, localName, colon > 0 ? qName.substring(0, colon) : "", line());
            for (int i = 0; i < atts.getLength(); i++) {
                String q = atts.getQName(i);
                if (q.equals("xmlns") || q.startsWith("xmlns:")) {
                    continue;
                }
                int c = q.indexOf(':');
                String ns = atts.getURI(i) == null ? "" : atts.getURI(i);
                n.attributes.add(new Attribute(ns, atts.getLocalName(i), c > 0 ? q.substring(0, c) : "", atts.getValue(i)));
            }
            if (open.isEmpty()) {
                root = n;
            } else {
                open.get(open.size() - 1).children.add(n);
            }
            open.add(n);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.remove(open.size() - 1);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (open.isEmpty()) {
                return;
            }
            List<Object> children = open.get(open.size() - 1).children;
            if (!children.isEmpty() && children.get(children.size() - 1) instanceof StringBuilder sb) {
                sb.append(ch, start, length);
            } else {
                children.add(new StringBuilder().append(ch, start, length));
            }
        }

        @Override
        public void warning(SAXParseException e) {
            // Warnings (e.g. lax content without a declaration) do not make a file invalid.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    // ------------------------------------------------------------------ from tree to model

    /** Turns a validated tree into a {@link Scenario}, checking names and placeholders in document order. */
    private static final class Builder {
        private final String source;
        private final Catalog catalog;
        private final Set<String> accounts = new LinkedHashSet<>();
        private final Set<String> sessionsEver = new HashSet<>();
        private final Set<String> connected = new HashSet<>();
        private final Set<String> captures = new HashSet<>();

        Builder(String source, Catalog catalog) {
            this.source = source;
            this.catalog = catalog;
        }

        Scenario build(XNode root) {
            String title = null;
            List<Step> steps = new ArrayList<>();
            for (XNode n : root.elements()) {
                switch (n.localName) {
                    case "title" -> title = n.text().strip().replaceAll("\\s+", " ");
                    case "account" -> account(n);
                    default -> steps.add(step(n));
                }
            }
            Subject subject = Subject.valueOf(root.attr("subject").toUpperCase(Locale.ROOT));
            return new Scenario(root.attr("id"), title, root.attr("spec"), subject, List.copyOf(accounts), steps, source);
        }

        private void account(XNode n) {
            String name = n.attr("name");
            reserved(n, name, "account");
            if (!accounts.add(name)) {
                throw error(n, "the account '" + name + "' is declared twice");
            }
        }

        private void reserved(XNode n, String name, String what) {
            if (name.equals(Placeholders.DOMAIN) || name.equals(Placeholders.ANY) || name.equals("capture")) {
                throw error(n, "'" + name + "' cannot name a " + what + ": {" + name + "} is a reserved placeholder");
            }
        }

        private Step step(XNode n) {
            String session = n.attr("session");
            return switch (n.localName) {
                case "connect" -> connect(n, session);
                case "send" -> {
                    use(n, session);
                    Template t = template(n, single(n), false);
                    yield new Step.Send(session, t);
                }
                case "send-raw" -> {
                    use(n, session);
                    String text = n.text().strip();
                    placeholders(n, text, false);
                    yield new Step.SendRaw(session, text);
                }
                case "expect" -> expect(n, session);
                case "expect-nothing" -> {
                    use(n, session);
                    List<String> judges = judges(n);
                    List<XNode> children = n.elements();
                    Template pattern = children.isEmpty() ? null : template(n, children.get(0), true);
                    yield new Step.ExpectNothing(session, pattern, judges);
                }
                case "disconnect" -> {
                    use(n, session);
                    connected.remove(session);
                    yield new Step.Disconnect(session);
                }
                case "require-feature" -> {
                    use(n, session);
                    String stage = switch (n.attr("stage")) {
                        case "after-tls" -> "after TLS";
                        case "after-sasl" -> "after SASL";
                        default -> "initial";
                    };
                    yield new Step.RequireFeature(session, stage, n.attr("name"), n.attr("namespace"), judges(n));
                }
                default -> throw error(n, "unknown step <" + n.localName + ">");
            };
        }

        private Step connect(XNode n, String session) {
            String account = n.attr("account");
            if (!accounts.contains(account)) {
                throw error(n, "<connect> names the account '" + account + "', which is not declared with <account name=\""
                        + account + "\"/> (declared: " + accounts + ")");
            }
            reserved(n, session, "session");
            if (accounts.contains(session)) {
                throw error(n, "the session '" + session + "' has the name of an account: {" + session
                        + "} would be ambiguous; name sessions differently (e.g. a, b)");
            }
            if (!connected.add(session)) {
                throw error(n, "the session '" + session + "' is already connected");
            }
            if (captures.contains(session)) {
                throw error(n, "the session '" + session + "' has the name of a capture");
            }
            sessionsEver.add(session);
            String resource = n.attr("resource");
            if (resource != null) {
                placeholders(n, resource, false);
            }
            return new Step.Connect(session, account, resource, bool(n, "presence", false));
        }

        private Step expect(XNode n, String session) {
            use(n, session);
            List<String> judges = judges(n);
            List<Template> patterns = new ArrayList<>();
            Set<String> made = new HashSet<>();
            for (XNode c : n.elements()) {
                patterns.add(template(n, c, true, made));
            }
            captures.addAll(made);
            Duration within = null;
            String w = n.attr("within");
            if (w != null) {
                try {
                    within = Duration.parse(w);
                } catch (DateTimeParseException e) {
                    throw error(n, "within=\"" + w + "\" must be a duration in days, hours, minutes and seconds, e.g. PT5S");
                }
                if (within.isNegative() || within.isZero()) {
                    throw error(n, "within=\"" + w + "\" must be positive");
                }
            }
            boolean barrier = bool(n, "barrier", true);
            boolean strict = bool(n, "strict", false);
            Step.OnTimeout onTimeout = "fail".equals(n.attr("on-timeout")) ? Step.OnTimeout.FAIL : Step.OnTimeout.ERROR;
            return new Step.Expect(session, patterns, judges, within, barrier, strict, onTimeout);
        }

        /** An xs:boolean attribute: true, false, 1 or 0 (the schema has checked the form). */
        private static boolean bool(XNode n, String name, boolean absent) {
            String v = n.attr(name);
            return v == null ? absent : v.strip().equals("true") || v.strip().equals("1");
        }

        private void use(XNode n, String session) {
            if (!connected.contains(session)) {
                throw error(n, "<" + n.localName + "> uses the session '" + session + "', which is not connected here"
                        + (sessionsEver.contains(session) ? " (it was disconnected)" : "; add <connect session=\""
                        + session + "\" account=\"…\"/> before"));
            }
        }

        private List<String> judges(XNode n) {
            List<String> ids = new ArrayList<>();
            for (String id : n.attr("judges").trim().split("\\s+")) {
                if (catalog != null && catalog.requirement(id).isEmpty()) {
                    throw error(n, "judges the id '" + id + "', which is not in the requirement catalog");
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        private XNode single(XNode n) {
            List<XNode> children = n.elements();
            if (children.size() != 1) {
                throw error(n, "<" + n.localName + "> must contain exactly one stanza");
            }
            return children.get(0);
        }

        private Template template(XNode step, XNode stanza, boolean pattern) {
            return template(step, stanza, pattern, new HashSet<>());
        }

        private Template template(XNode step, XNode stanza, boolean pattern, Set<String> made) {
            return new Template(element(stanza, pattern, made));
        }

        private Element element(XNode x, boolean pattern, Set<String> made) {
            String ns = x.namespace.isEmpty() || x.namespace.equals(NAMESPACE) ? JABBER_CLIENT : x.namespace;
            Element.Builder b = Element.builder(x.localName, ns);
            for (Attribute a : x.attributes) {
                placeholders(x, a.value(), pattern, made);
                b.attribute(a);
            }
            for (Object o : x.children) {
                if (o instanceof XNode c) {
                    b.child(element(c, pattern, made));
                } else {
                    String text = o.toString();
                    if (!text.isBlank()) {
                        placeholders(x, text, pattern, made);
                        b.text(text);
                    }
                }
            }
            return b.build();
        }

        private void placeholders(XNode n, String s, boolean pattern) {
            placeholders(n, s, pattern, new HashSet<>());
        }

        private void placeholders(XNode n, String s, boolean pattern, Set<String> made) {
            for (String name : Placeholders.namesIn(s)) {
                if (name.startsWith(Placeholders.CAPTURE_PREFIX)) {
                    if (!pattern) {
                        throw error(n, "{" + name + "} captures are only allowed in expectation patterns");
                    }
                    String c = name.substring(Placeholders.CAPTURE_PREFIX.length());
                    if (accounts.contains(c) || sessionsEver.contains(c) || c.equals(Placeholders.DOMAIN)
                            || c.equals(Placeholders.ANY)) {
                        throw error(n, "{" + name + "}: '" + c + "' already names an account, a session or a placeholder");
                    }
                    made.add(c);
                } else if (name.equals(Placeholders.ANY)) {
                    if (!pattern) {
                        throw error(n, "{any} is only allowed in expectation patterns");
                    }
                } else if (!known(name)) {
                    throw error(n, "unknown placeholder {" + name + "}: not {domain}, an account (" + accounts
                            + "), an account's .node, a session connected so far (" + sessionsEver
                            + ") or a capture of an earlier step (" + captures + ")");
                }
            }
        }

        private boolean known(String name) {
            if (name.equals(Placeholders.DOMAIN) || accounts.contains(name) || sessionsEver.contains(name)
                    || captures.contains(name)) {
                return true;
            }
            return name.endsWith(Placeholders.NODE_SUFFIX)
                    && accounts.contains(name.substring(0, name.length() - Placeholders.NODE_SUFFIX.length()));
        }

        private ScenarioParseException error(XNode n, String problem) {
            return new ScenarioParseException(source, n.line, problem);
        }
    }
}
