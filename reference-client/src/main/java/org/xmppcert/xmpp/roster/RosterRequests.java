package org.xmppcert.xmpp.roster;

import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * The roster requests a client sends, built step by step so that a scenario can send them as they
 * are, or change them into the odd variants a server must refuse. The IQs have no {@code to}
 * (the account's server handles them) and no {@code id} ({@link
 * org.xmppcert.xmpp.session.XmppSession#request} adds one).
 */
public final class RosterRequests {
    private RosterRequests() {
    }

    /** A roster get (RFC 3921 §7.3, RFC 6121 §2.1.3): a query with no item and no {@code ver}. */
    public static Element get() {
        return Iq.get(null, Element.of("query", Roster.NAMESPACE));
    }

    /**
     * A roster get with the version of the client's cached roster (RFC 6121 §2.6.2), or the empty
     * string to bootstrap versioning. Only for a server that advertised
     * {@code urn:xmpp:features:rosterver}: otherwise the client MUST NOT include {@code ver}.
     */
    public static Element get(String ver) {
        return Iq.get(null, Element.builder("query", Roster.NAMESPACE).attribute("ver", ver).build());
    }

    /** A roster set adding or updating an item (RFC 3921 §7.4–7.5, RFC 6121 §2.3.1, §2.4.1). */
    public static Element set(RosterItem item) {
        return set(item.toSetElement());
    }

    /** A roster set with any {@code <item/>}: a scenario's own, possibly malformed, variant. */
    public static Element set(Element item) {
        return Iq.set(null, Element.builder("query", Roster.NAMESPACE).child(item).build());
    }

    /** A roster set deleting an item (RFC 3921 §7.6, RFC 6121 §2.5.1): {@code subscription='remove'}. */
    public static Element remove(Jid contact) {
        return set(Element.builder("item", Roster.NAMESPACE).attribute("jid", contact.toString())
                .attribute("subscription", Subscription.REMOVE.value()).build());
    }
}
