package org.xmppcert.scenarios.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmppcert.xmpp.xml.Attribute;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.Node;
import org.xmppcert.xmpp.xml.Text;

/**
 * The placeholders of the scenario language, {@code {...}} in attribute values and text:
 * {@code {domain}}, {@code {alice}} (an account's bare JID), {@code {a}} (a session's full JID),
 * {@code {alice.node}} (an account's localpart), {@code {name}} (a value captured earlier), and in
 * expectation patterns only {@code {any}} and {@code {capture:name}}.
 *
 * <p>A literal brace that is not a placeholder is written as it is: only {@code {name}} where
 * name is made of letters, digits, {@code . _ - :} is a placeholder.
 */
public final class Placeholders {

    /** The target's domain. */
    public static final String DOMAIN = "domain";
    /** In patterns: any value (an attribute with it must be present). */
    public static final String ANY = "any";
    /** In patterns: any value, remembered under the name after the colon. */
    public static final String CAPTURE_PREFIX = "capture:";
    /** The suffix giving an account's localpart: {@code {alice.node}}. */
    public static final String NODE_SUFFIX = ".node";

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9._\\-]*(?::[A-Za-z][A-Za-z0-9_\\-]*)?)\\}");

    private Placeholders() {
    }

    /** The placeholder names used in a string, in order. */
    public static List<String> namesIn(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Whether the whole string is exactly one placeholder. */
    static String wholePlaceholder(String s) {
        Matcher m = PLACEHOLDER.matcher(s);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Replaces every placeholder using the lookup.
     *
     * @throws UnresolvedPlaceholderException when the lookup returns {@code null}
     */
    public static String resolve(String s, Function<String, String> lookup) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = lookup.apply(m.group(1));
            if (value == null) {
                throw new UnresolvedPlaceholderException(m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The element with every placeholder of its attribute values and text resolved (outgoing stanzas). */
    public static Element resolve(Element e, Bindings bindings) {
        return resolve(e, bindings::value);
    }

    /** The element with every placeholder resolved by the lookup. */
    public static Element resolve(Element e, Function<String, String> bindings) {
        Element.Builder b = Element.builder(e.name(), e.namespace()).prefix(e.prefix());
        e.namespaceDeclarations().forEach(b::declareNamespace);
        for (Attribute a : e.attributes()) {
            b.attribute(new Attribute(a.namespace(), a.localName(), a.prefix(), resolve(a.value(), bindings)));
        }
        for (Node n : e.children()) {
            if (n instanceof Element c) {
                b.child(resolve(c, bindings));
            } else if (n instanceof Text t) {
                b.text(resolve(t.value(), bindings));
            }
        }
        return b.build();
    }

    /** A placeholder with no value: unknown, or a capture not (yet) made. */
    public static final class UnresolvedPlaceholderException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String name;

        public UnresolvedPlaceholderException(String name) {
            super("the placeholder {" + name + "} has no value (unknown, or a capture that was not made)");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
