package org.xmppcert.xmpp.disco;

import java.util.List;
import java.util.Objects;
import org.xmppcert.xmpp.jid.Jid;

/**
 * A node this client answers disco queries for (XEP-0030 §3.2 info nodes, §4.2 items nodes),
 * registered with {@link ServiceDiscovery#registerNode} or {@link DiscoResponder#registerNode}.
 * The XEP-0115 caps node {@code node#ver} is one (XEP-0115 §6.2).
 *
 * <p>Methods run on the I/O thread and must not block. To refuse a requester, throw
 * {@link DiscoException#refusal} with the condition to answer (§7: {@code forbidden},
 * {@code not-allowed}…).
 */
public interface DiscoNode {

    /**
     * The node's identities, features and forms; the responder puts the node name on the answer
     * (§3.2 "MUST mirror").
     *
     * @param requester who asks, or {@code null} when the request had no {@code from}
     */
    DiscoInfo info(Jid requester) throws DiscoException;

    /**
     * The node's items; none by default, answered as an empty {@code <query/>} (§4.1, §7).
     *
     * @param requester who asks, or {@code null}
     */
    default List<DiscoItems.Item> items(Jid requester) throws DiscoException {
        return List.of();
    }

    /** A node that always answers the same info and no items. */
    static DiscoNode of(DiscoInfo info) {
        Objects.requireNonNull(info, "info");
        return requester -> info;
    }

    /** A node that always answers the same info and items. */
    static DiscoNode of(DiscoInfo info, List<DiscoItems.Item> items) {
        Objects.requireNonNull(info, "info");
        List<DiscoItems.Item> copy = List.copyOf(items);
        return new DiscoNode() {
            @Override
            public DiscoInfo info(Jid requester) {
                return info;
            }

            @Override
            public List<DiscoItems.Item> items(Jid requester) {
                return copy;
            }
        };
    }
}
