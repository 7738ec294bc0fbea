package org.xmppcert.xmpp.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.InvalidJidException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.xml.Element;

/**
 * The items associated with an entity or one of its nodes, from a disco#items result
 * (XEP-0030 §4.1, §4.2). An entity without items answers an empty {@code <query/>} (§4.1
 * Example 13, §7 last paragraph), which is an empty list here, never an error.
 *
 * @param node the {@code node} attribute of the query, or {@code null}
 * @param items the items, in document order
 */
public record DiscoItems(String node, List<Item> items) {

    /** The disco#items namespace (XEP-0030 §4.1). */
    public static final String NAMESPACE = "http://jabber.org/protocol/disco#items";

    /**
     * One {@code <item/>} (XEP-0030 §4.1, §4.2).
     *
     * @param jid the item's JID (required)
     * @param node its node, for items that are not addressable as a JID alone, or {@code null}
     * @param name a natural-language name, or {@code null}
     */
    public record Item(Jid jid, String node, String name) {
        public Item {
            Objects.requireNonNull(jid, "jid");
        }

        /** An item addressed by its JID only. */
        public static Item of(Jid jid) {
            return new Item(jid, null, null);
        }

        Element toElement() {
            Element.Builder b = Element.builder("item", NAMESPACE).attribute("jid", jid.toString());
            if (node != null) {
                b.attribute("node", node);
            }
            if (name != null) {
                b.attribute("name", name);
            }
            return b.build();
        }
    }

    public DiscoItems {
        items = List.copyOf(items);
    }

    /** The empty {@code <query xmlns='…disco#items'/>}, with the node when not {@code null}. */
    public static Element query(String node) {
        Element.Builder b = Element.builder("query", NAMESPACE);
        if (node != null) {
            b.attribute("node", node);
        }
        return b.build();
    }

    /**
     * The request of XEP-0030 §4.1 Example 11 (§4.2 Example 18 with a node): an IQ get without
     * id or {@code from}.
     *
     * @param to the entity asked, or {@code null} for none (our own account, RFC 6120 §10.3.3)
     * @param node the node, or {@code null}
     */
    public static Element request(Jid to, String node) {
        return Iq.get(to == null ? null : to.toString(), query(node));
    }

    /** Whether the element is a {@code <query/>} in the disco#items namespace. */
    public static boolean isQuery(Element e) {
        return e.is("query", NAMESPACE);
    }

    /**
     * Reads an IQ response to a disco#items request.
     *
     * @throws DiscoException when it is of type error (§7)
     * @throws ProtocolViolationException when a result has no disco#items {@code <query/>} or an
     *     item breaks a MUST of §4.1
     */
    public static DiscoItems fromResponse(Element iq) throws DiscoException, ProtocolViolationException {
        if ("error".equals(iq.attribute("type"))) {
            throw new DiscoException("disco#items " + DiscoInfo.describeTarget(iq), StanzaError.of(iq));
        }
        if (!"result".equals(iq.attribute("type"))) {
            throw new ProtocolViolationException(
                    "a disco#items response must be an IQ result or error (XEP-0030 §4.1)", iq);
        }
        Element query = iq.child("query", NAMESPACE);
        if (query == null) {
            throw new ProtocolViolationException(
                    "a disco#items result must contain <query xmlns='" + NAMESPACE + "'/> (XEP-0030 §4.1)", iq);
        }
        return parse(query);
    }

    /**
     * Reads a disco#items {@code <query/>}; children other than {@code <item/>} are ignored, and
     * so is any content of an item (§4.1: data in another namespace "MUST be ignored" when not
     * understood).
     *
     * @throws ProtocolViolationException if it is not a disco#items query, or an item has no
     *     valid {@code jid} (§4.1 "MUST possess a 'jid' attribute"), or an empty {@code node}
     *     (§4.2 "MUST NOT be null")
     */
    public static DiscoItems parse(Element query) throws ProtocolViolationException {
        if (!isQuery(query)) {
            throw new ProtocolViolationException("not a disco#items query: <" + query.qualifiedName() + "/> in "
                    + query.namespace(), query);
        }
        List<Item> items = new ArrayList<>();
        for (Element e : query.elements("item", NAMESPACE)) {
            String jid = e.attribute("jid");
            if (jid == null) {
                throw new ProtocolViolationException("an <item/> must possess a 'jid' attribute (XEP-0030 §4.1)", e);
            }
            Jid parsed;
            try {
                parsed = Jid.of(jid);
            } catch (InvalidJidException ex) {
                throw new ProtocolViolationException("an <item/> has an invalid 'jid' (XEP-0030 §4.1): "
                        + ex.getMessage(), e);
            }
            String node = e.attribute("node");
            if (node != null && node.isEmpty()) {
                throw new ProtocolViolationException("an <item/>'s 'node' must not be null (XEP-0030 §4.2)", e);
            }
            items.add(new Item(parsed, node, e.attribute("name")));
        }
        return new DiscoItems(query.attribute("node"), items);
    }

    /** The result payload. */
    public Element toElement() {
        Element.Builder b = Element.builder("query", NAMESPACE);
        if (node != null) {
            b.attribute("node", node);
        }
        for (Item i : items) {
            b.child(i.toElement());
        }
        return b.build();
    }

    /** The first item with this JID and no node. */
    public Optional<Item> item(Jid jid) {
        return items.stream().filter(i -> i.jid().equals(jid) && i.node() == null).findFirst();
    }
}
