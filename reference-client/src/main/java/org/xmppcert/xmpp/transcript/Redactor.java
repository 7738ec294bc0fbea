package org.xmppcert.xmpp.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.Node;
import org.xmppcert.xmpp.xml.Text;

/**
 * Removes secrets from elements before they are shown: SASL payloads (RFC 6120 §6.4: the
 * base64 content of {@code <auth/>}, {@code <challenge/>}, {@code <response/>} and
 * {@code <success/>}, which for PLAIN is the password itself), the {@code <password/>} of
 * in-band registration (XEP-0077) and of legacy authentication (XEP-0078), and data form fields
 * whose {@code var} names a password. The element's shape stays, so the evidence still shows
 * what kind of element went by and how long its payload was.
 */
public final class Redactor {
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final String SASL2_PREFIX = "urn:xmpp:sasl:";
    private static final String REGISTER = "jabber:iq:register";
    private static final String LEGACY_AUTH = "jabber:iq:auth";
    private static final String DATA_FORMS = "jabber:x:data";

    private Redactor() {
    }

    /** A copy of the element with every secret replaced by a placeholder; the element itself if none. */
    public static Element redact(Element e) {
        if (isSecretCarrier(e)) {
            return replaceText(e);
        }
        if (e.is("field", DATA_FORMS) && namesPassword(e.attribute("var"))) {
            Element.Builder b = e.toBuilder().removeChildren("value", DATA_FORMS);
            for (Element v : e.elements("value", DATA_FORMS)) {
                b.child(replaceText(v));
            }
            return b.build();
        }
        List<Node> children = new ArrayList<>(e.children().size());
        boolean changed = false;
        for (Node n : e.children()) {
            Node r = n instanceof Element child ? redact(child) : n;
            changed |= r != n;
            children.add(r);
        }
        if (!changed) {
            return e;
        }
        Element.Builder b = shallowCopy(e);
        for (Node n : children) {
            if (n instanceof Element child) {
                b.child(child);
            } else {
                b.text(((Text) n).value());
            }
        }
        return b.build();
    }

    private static Element.Builder shallowCopy(Element e) {
        Element.Builder b = Element.builder(e.name(), e.namespace()).prefix(e.prefix());
        e.attributes().forEach(b::attribute);
        e.namespaceDeclarations().forEach(b::declareNamespace);
        return b;
    }

    private static boolean isSecretCarrier(Element e) {
        String ns = e.namespace();
        if (ns.equals(SASL)) {
            return switch (e.name()) {
                case "auth", "challenge", "response", "success" -> true;
                default -> false;
            };
        }
        if (ns.startsWith(SASL2_PREFIX)) {
            return switch (e.name()) {
                case "initial-response", "challenge", "response", "additional-data" -> true;
                default -> false;
            };
        }
        if (ns.equals(REGISTER) || ns.equals(LEGACY_AUTH)) {
            return e.name().equals("password") || e.name().equals("digest");
        }
        return false;
    }

    private static boolean namesPassword(String var) {
        return var != null && var.toLowerCase(Locale.ROOT).contains("password");
    }

    private static Element replaceText(Element e) {
        String text = e.text();
        if (text.isEmpty() || text.equals("=")) {
            return e;
        }
        return shallowCopy(e).text("[redacted: " + text.length() + " characters]").build();
    }
}
