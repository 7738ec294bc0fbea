package org.xmppcert.xmpp.disco;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * The answering side of XEP-0030, as a pure function from request to response so that it can
 * be tested without a connection; {@link ServiceDiscovery} registers it on the session's
 * {@link org.xmppcert.xmpp.iq.IqRouter}.
 *
 * <ul>
 * <li>disco#info without node: the {@link LocalFeatures} snapshot (§3.1).</li>
 * <li>disco#info or disco#items with a registered node: that node's answer, with the node
 *     mirrored (§3.2 "MUST mirror").</li>
 * <li>a node that is not registered: {@code <item-not-found/>} (§7 table: "the JID+NodeID …
 *     does not exist").</li>
 * <li>disco#items without node: the entity's own items, an empty {@code <query/>} when there are
 *     none (§4.1 Example 13, §7 "MUST return an empty &lt;query/&gt; … rather than an error").
 *     The XEP-0115 caps node is never listed (XEP-0115 §6.2 note).</li>
 * </ul>
 *
 * <p>Errors echo the request's {@code <query/>} before the {@code <error/>}, as §3.1 Example 3
 * and §7 Example 24 show (RFC 6120 §8.3.1 allows it).
 */
public final class DiscoResponder {

    private final LocalFeatures local;
    private final Map<String, DiscoNode> nodes = new ConcurrentHashMap<>();
    private final List<DiscoItems.Item> items = new CopyOnWriteArrayList<>();

    public DiscoResponder(LocalFeatures local) {
        this.local = Objects.requireNonNull(local, "local");
    }

    /** What the entity itself advertises. */
    public LocalFeatures localFeatures() {
        return local;
    }

    /**
     * Answers queries to this node from now on; closing the registration makes the node unknown
     * again ({@code item-not-found}). Replaces an earlier provider for the same node.
     */
    public Registration registerNode(String node, DiscoNode provider) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(provider, "provider");
        nodes.put(node, provider);
        return () -> nodes.remove(node, provider);
    }

    /** Whether a provider answers this node. */
    public boolean hasNode(String node) {
        return nodes.containsKey(node);
    }

    /** Lists an item in the answer to disco#items without node; closing the registration removes it. */
    public Registration addItem(DiscoItems.Item item) {
        Objects.requireNonNull(item, "item");
        items.add(item);
        return () -> items.remove(item);
    }

    /** The entity's own items (disco#items without node). */
    public List<DiscoItems.Item> items() {
        return List.copyOf(items);
    }

    /**
     * The response to a disco#info or disco#items get.
     *
     * @param request an IQ get whose payload is a disco#info or disco#items {@code <query/>}
     * @throws IllegalArgumentException for anything else: the router only hands those
     */
    public Element answer(Element request) {
        Element query = Iq.payload(request);
        if (!Iq.isIq(request) || Iq.type(request).orElse(null) != IqType.GET || query == null
                || !(DiscoInfo.isQuery(query) || DiscoItems.isQuery(query))) {
            throw new IllegalArgumentException("not a disco#info or disco#items get: " + request);
        }
        String node = query.attribute("node");
        Jid requester = Jid.tryParse(request.attribute("from") == null ? "" : request.attribute("from"))
                .orElse(null);
        try {
            if (DiscoInfo.isQuery(query)) {
                if (node == null) {
                    return Iq.result(request, local.info().toElement());
                }
                return Iq.result(request, provider(node).info(requester).withNode(node).toElement());
            }
            if (node == null) {
                return Iq.result(request, new DiscoItems(null, items).toElement());
            }
            return Iq.result(request, new DiscoItems(node, provider(node).items(requester)).toElement());
        } catch (DiscoException refusal) {
            return error(request, DiscoInfo.isQuery(query) ? DiscoInfo.query(node) : DiscoItems.query(node),
                    refusal.condition());
        }
    }

    private DiscoNode provider(String node) throws DiscoException {
        DiscoNode p = nodes.get(node);
        if (p == null) {
            throw DiscoException.refusal(StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        return p;
    }

    /** An error response echoing the query (§3.1 Example 3, §7 Example 24). */
    static Element error(Element request, Element echoedQuery, StanzaErrorCondition condition) {
        Element.Builder b = Iq.result(request, echoedQuery).toBuilder().attribute("type", IqType.ERROR.value());
        String type = condition.usualType() == null ? "cancel" : condition.usualType();
        return b.child(StanzaError.build(type, condition, null)).build();
    }
}
