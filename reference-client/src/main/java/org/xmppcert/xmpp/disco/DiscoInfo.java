package org.xmppcert.xmpp.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.xml.Attribute;
import org.xmppcert.xmpp.xml.Element;

/**
 * What a disco#info result says about an entity or one of its nodes (XEP-0030 §3.1, §3.2): its
 * identities, its features and, per XEP-0128, extended information as data forms.
 *
 * <p>Lists keep document order and duplicates: a duplicate identity or feature is what the
 * XEP-0115 §5.4 rules 3.3–3.5 reject, so the parser must not hide it.
 *
 * <p>Step by step: {@link #request} builds the query, {@link #fromResponse} reads the answer
 * (a typed {@link DiscoException} for an error), {@link #toElement} builds a result payload.
 * {@link ServiceDiscovery#info} does all three.
 *
 * @param node the {@code node} attribute of the query (§3.2), or {@code null}
 * @param identities the identities (category/type required, name and xml:lang optional)
 * @param features the {@code var} of each feature
 * @param forms the XEP-0128 data forms
 */
public record DiscoInfo(String node, List<LocalFeatures.Identity> identities, List<String> features,
        List<DataForm> forms) {

    /** The disco#info namespace (XEP-0030 §3.1). */
    public static final String NAMESPACE = LocalFeatures.DISCO_INFO;

    public DiscoInfo {
        identities = List.copyOf(identities);
        features = List.copyOf(features);
        forms = List.copyOf(forms);
    }

    /** The empty {@code <query xmlns='…disco#info'/>}, with the node when not {@code null} (§3.1, §3.2). */
    public static Element query(String node) {
        Element.Builder b = Element.builder("query", NAMESPACE);
        if (node != null) {
            b.attribute("node", node);
        }
        return b.build();
    }

    /**
     * The request of XEP-0030 §3.1 Example 1 (§3.2 Example 9 with a node): an IQ get without id
     * (the session adds one) or {@code from} (the server stamps it).
     *
     * @param to the entity asked; {@code null} sends it without {@code to}, to our own account
     *     (RFC 6120 §10.3.3), which is not the same as asking the server's domain
     * @param node the node, or {@code null}
     */
    public static Element request(Jid to, String node) {
        return Iq.get(to == null ? null : to.toString(), query(node));
    }

    /** Whether the element is a {@code <query/>} in the disco#info namespace. */
    public static boolean isQuery(Element e) {
        return e.is("query", NAMESPACE);
    }

    /**
     * Reads an IQ response to a disco#info request.
     *
     * @throws DiscoException when it is of type error (§3.1 Examples 3–4, §7), with the condition
     * @throws ProtocolViolationException when a result has no disco#info {@code <query/>}, or the
     *     query breaks a MUST of §3.1
     */
    public static DiscoInfo fromResponse(Element iq) throws DiscoException, ProtocolViolationException {
        if ("error".equals(iq.attribute("type"))) {
            throw new DiscoException("disco#info " + describeTarget(iq), StanzaError.of(iq));
        }
        if (!"result".equals(iq.attribute("type"))) {
            throw new ProtocolViolationException("a disco#info response must be an IQ result or error (XEP-0030 §3.1)",
                    iq);
        }
        Element query = iq.child("query", NAMESPACE);
        if (query == null) {
            throw new ProtocolViolationException(
                    "a disco#info result must contain <query xmlns='" + NAMESPACE + "'/> (XEP-0030 §3.1)", iq);
        }
        return parse(query);
    }

    /**
     * Reads a disco#info {@code <query/>}. Elements in other namespaces than disco#info and
     * jabber:x:data are ignored; so are XEP-0004 forms' parts that XEP-0128 does not use.
     *
     * @throws ProtocolViolationException if it is not a disco#info query, or if an
     *     {@code <identity/>} lacks category or type, or a {@code <feature/>} lacks var
     *     (XEP-0030 §3.1 "MUST possess")
     */
    public static DiscoInfo parse(Element query) throws ProtocolViolationException {
        if (!isQuery(query)) {
            throw new ProtocolViolationException("not a disco#info query: <" + query.qualifiedName() + "/> in "
                    + query.namespace(), query);
        }
        List<LocalFeatures.Identity> identities = new ArrayList<>();
        List<String> features = new ArrayList<>();
        List<DataForm> forms = new ArrayList<>();
        for (Element child : query.elements()) {
            if (child.is("identity", NAMESPACE)) {
                String category = child.attribute("category");
                String type = child.attribute("type");
                if (category == null || type == null) {
                    throw new ProtocolViolationException(
                            "an <identity/> must possess 'category' and 'type' (XEP-0030 §3.1)", child);
                }
                identities.add(new LocalFeatures.Identity(category, type, child.attribute("name"), child.lang()));
            } else if (child.is("feature", NAMESPACE)) {
                String var = child.attribute("var");
                if (var == null) {
                    throw new ProtocolViolationException("a <feature/> must possess a 'var' (XEP-0030 §3.1)", child);
                }
                features.add(var);
            } else if (DataForm.isForm(child)) {
                forms.add(DataForm.parse(child));
            }
        }
        return new DiscoInfo(query.attribute("node"), identities, features, forms);
    }

    /** The result payload: identities, then features, then forms, the order of the XEP's examples. */
    public Element toElement() {
        Element.Builder b = Element.builder("query", NAMESPACE);
        if (node != null) {
            b.attribute("node", node);
        }
        for (LocalFeatures.Identity i : identities) {
            Element.Builder ib = Element.builder("identity", NAMESPACE)
                    .attribute("category", i.category()).attribute("type", i.type());
            if (i.name() != null) {
                ib.attribute("name", i.name());
            }
            if (i.lang() != null) {
                ib.attribute(Attribute.lang(i.lang()));
            }
            b.child(ib.build());
        }
        for (String f : features) {
            b.child(Element.builder("feature", NAMESPACE).attribute("var", f).build());
        }
        for (DataForm form : forms) {
            b.child(form.toElement());
        }
        return b.build();
    }

    /** The same information under another node (or none), e.g. the XEP-0115 caps node. */
    public DiscoInfo withNode(String newNode) {
        return new DiscoInfo(newNode, identities, features, forms);
    }

    /** Whether the feature is listed, literally. */
    public boolean hasFeature(String var) {
        return features.contains(var);
    }

    /**
     * Whether the entity supports the feature: listed, or disco#info itself, whose support
     * §3.1 says a receiver "SHOULD infer" from a valid response that omits it (as Prosody's
     * answers for accounts do). Use {@link #hasFeature} to judge what was listed.
     */
    public boolean supports(String var) {
        return hasFeature(var) || NAMESPACE.equals(var);
    }

    /** Whether an identity of this category and type is listed. */
    public boolean hasIdentity(String category, String type) {
        return identities.stream().anyMatch(i -> i.category().equals(category) && i.type().equals(type));
    }

    /** The first form whose FORM_TYPE has this value. */
    public Optional<DataForm> form(String formType) {
        return forms.stream().filter(f -> f.formType().filter(formType::equals).isPresent()).findFirst();
    }

    static String describeTarget(Element iq) {
        String from = iq.attribute("from");
        Element q = Iq.payload(iq);
        String node = q == null ? null : q.attribute("node");
        return "of " + (from == null ? "(no from)" : from) + (node == null ? "" : " node " + node);
    }
}
