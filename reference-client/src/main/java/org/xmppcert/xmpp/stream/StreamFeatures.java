package org.xmppcert.xmpp.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code <stream:features/>} a receiving entity announces after each stream header
 * (RFC 6120 §4.3.2), with accessors for the features the Basic Client 2008 negotiation uses.
 * The element itself is kept for evidence and for features not known here.
 */
public record StreamFeatures(Element element) {

    public StreamFeatures {
        Objects.requireNonNull(element, "element");
    }

    /** Whether an element is {@code <stream:features/>}. */
    public static boolean isFeatures(Element e) {
        return e.is("features", XmppNamespaces.STREAMS);
    }

    /** Whether STARTTLS is offered (RFC 6120 §5.3.1). */
    public boolean offersStartTls() {
        return element.hasChild("starttls", XmppNamespaces.TLS);
    }

    /** Whether STARTTLS is offered with {@code <required/>} (RFC 6120 §5.3.1). */
    public boolean requiresStartTls() {
        Element tls = element.child("starttls", XmppNamespaces.TLS);
        return tls != null && tls.hasChild("required", XmppNamespaces.TLS);
    }

    /** The SASL mechanisms offered, in the order offered (RFC 6120 §6.3.3); empty when none. */
    public List<String> saslMechanisms() {
        Element m = element.child("mechanisms", XmppNamespaces.SASL);
        List<String> out = new ArrayList<>();
        if (m != null) {
            for (Element e : m.elements("mechanism", XmppNamespaces.SASL)) {
                out.add(e.text().trim());
            }
        }
        return out;
    }

    /** Whether the SASL feature is present at all. */
    public boolean offersSasl() {
        return element.hasChild("mechanisms", XmppNamespaces.SASL);
    }

    /** The compression methods offered (XEP-0138 §2); empty when compression is not offered. */
    public List<String> compressionMethods() {
        Element c = element.child("compression", XmppNamespaces.COMPRESS_FEATURE);
        List<String> out = new ArrayList<>();
        if (c != null) {
            for (Element e : c.elements("method", XmppNamespaces.COMPRESS_FEATURE)) {
                out.add(e.text().trim());
            }
        }
        return out;
    }

    /** Whether resource binding is offered (RFC 6120 §7.4). */
    public boolean offersBind() {
        return element.hasChild("bind", XmppNamespaces.BIND);
    }

    /** Whether session establishment is offered (RFC 3921 §3). */
    public boolean offersSession() {
        return element.hasChild("session", XmppNamespaces.SESSION);
    }

    /**
     * Whether the session feature is marked {@code <optional/>}, the convention RFC 6121 era
     * servers use to say it need not be negotiated (draft-cridland-xmpp-session).
     */
    public boolean sessionIsOptional() {
        Element s = element.child("session", XmppNamespaces.SESSION);
        return s != null && s.hasChild("optional", XmppNamespaces.SESSION);
    }

    /** Whether a feature with this name and namespace is present. */
    public boolean has(String localName, String namespace) {
        return element.hasChild(localName, namespace);
    }

    /** Whether there are no features at all (the end of negotiation, RFC 6120 §4.3.5). */
    public boolean isEmpty() {
        return element.elements().isEmpty();
    }

    /** A short line per feature for a console or report, e.g. {@code starttls (required)}. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (Element f : element.elements()) {
            out.add(describe(f));
        }
        return out;
    }

    private String describe(Element f) {
        if (f.is("starttls", XmppNamespaces.TLS)) {
            return requiresStartTls() ? "starttls (required)" : "starttls";
        }
        if (f.is("mechanisms", XmppNamespaces.SASL)) {
            return "sasl: " + String.join(" ", saslMechanisms());
        }
        if (f.is("compression", XmppNamespaces.COMPRESS_FEATURE)) {
            return "compression: " + String.join(" ", compressionMethods());
        }
        if (f.is("bind", XmppNamespaces.BIND)) {
            return "bind";
        }
        if (f.is("session", XmppNamespaces.SESSION)) {
            return sessionIsOptional() ? "session (optional)" : "session";
        }
        return f.name() + " {" + f.namespace() + "}";
    }
}
