package org.xmppcert.xmpp.disco;

import java.time.Duration;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0030 Service Discovery on a session, both ways.
 *
 * <p><b>Responder.</b> {@link #of(XmppSession)} registers a {@link DiscoResponder} for
 * disco#info and disco#items gets on the session's {@link IqRouter} and advertises disco#items
 * (disco#info is in {@link LocalFeatures} from the start): from then on the client answers with
 * what {@link LocalFeatures} holds, the nodes registered with {@link #registerNode} and the items
 * added with {@link #addItem}. Before that the router answers disco queries with
 * {@code <service-unavailable/>}, which §3.1 allows ("MAY return an error") but which a Basic
 * Client 2008 (XEP-0211) should not do: install it right after binding.
 *
 * <p><b>Requester.</b> {@link #info} and {@link #items} send the query, wait (bounded) for the
 * answer and return it typed; an error answer is a {@link DiscoException} with its condition
 * (§7), a malformed one a {@link ProtocolViolationException}.
 *
 * <p>One per session. Thread-safe.
 */
public final class ServiceDiscovery {

    /** The disco#info namespace and feature (XEP-0030 §3.1). */
    public static final String INFO = DiscoInfo.NAMESPACE;
    /** The disco#items namespace and feature (XEP-0030 §4.1). */
    public static final String ITEMS = DiscoItems.NAMESPACE;

    private final XmppSession session;
    private final IqRouter router;
    private final DiscoResponder responder;
    private boolean installed;

    private ServiceDiscovery(XmppSession session, LocalFeatures local, IqRouter router) {
        this.session = session;
        this.router = router;
        this.responder = new DiscoResponder(local);
    }

    /** The session's instance; the first call installs the responder. */
    public static ServiceDiscovery of(XmppSession session) {
        // The session's extension map must not be re-entered while it computes an entry
        // (ConcurrentHashMap forbids recursive updates): what we need is made before, and what
        // may run other code (LocalFeatures listeners) is done after, in install().
        LocalFeatures local = LocalFeatures.of(session);
        IqRouter router = IqRouter.of(session);
        ServiceDiscovery disco = session.extension(ServiceDiscovery.class, s -> new ServiceDiscovery(s, local, router));
        disco.install();
        return disco;
    }

    private synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        router.register(IqType.GET, "query", INFO, responder::answer);
        router.register(IqType.GET, "query", ITEMS, responder::answer);
        // We answer disco#items (empty unless items are added), so we may say so.
        responder.localFeatures().addFeature(ITEMS);
    }

    /** The responder, for what it answers. */
    public DiscoResponder responder() {
        return responder;
    }

    /** What this client advertises. */
    public LocalFeatures localFeatures() {
        return responder.localFeatures();
    }

    /** Answers disco#info and disco#items for this node (§3.2, §4.2); see {@link DiscoResponder#registerNode}. */
    public Registration registerNode(String node, DiscoNode provider) {
        return responder.registerNode(node, provider);
    }

    /** Lists an item in the answer to disco#items without node. */
    public Registration addItem(DiscoItems.Item item) {
        return responder.addItem(item);
    }

    /** Asks an entity for its info (§3.1), with the session's reply timeout. */
    public DiscoInfo info(Jid target) throws XmppException {
        return info(target, null, session.options().replyTimeout());
    }

    /** Asks an entity for the info of one of its nodes (§3.2), with the session's reply timeout. */
    public DiscoInfo info(Jid target, String node) throws XmppException {
        return info(target, node, session.options().replyTimeout());
    }

    /**
     * Asks an entity (or a node of it) for its info.
     *
     * @param target the entity; {@code null} sends the query without {@code to}, which the server
     *     answers on behalf of our own account
     * @param node the node, or {@code null}
     * @throws DiscoException when the answer is an error
     * @throws ProtocolViolationException when the answer is malformed, or does not mirror the
     *     node (§3.2 "MUST mirror")
     */
    public DiscoInfo info(Jid target, String node, Duration timeout) throws XmppException {
        Element response = session.request(DiscoInfo.request(target, node), timeout);
        DiscoInfo info = DiscoInfo.fromResponse(response);
        if (node != null && !node.equals(info.node())) {
            throw new ProtocolViolationException("the disco#info result does not mirror the node '" + node
                    + "' of the request (XEP-0030 §3.2)", response);
        }
        return info;
    }

    /** Asks an entity for its items (§4.1), with the session's reply timeout. */
    public DiscoItems items(Jid target) throws XmppException {
        return items(target, null, session.options().replyTimeout());
    }

    /** Asks an entity for the items of one of its nodes (§4.2), with the session's reply timeout. */
    public DiscoItems items(Jid target, String node) throws XmppException {
        return items(target, node, session.options().replyTimeout());
    }

    /**
     * Asks an entity (or a node of it) for its items.
     *
     * @throws DiscoException when the answer is an error
     * @throws ProtocolViolationException when the answer is malformed
     */
    public DiscoItems items(Jid target, String node, Duration timeout) throws XmppException {
        return DiscoItems.fromResponse(session.request(DiscoItems.request(target, node), timeout));
    }
}
