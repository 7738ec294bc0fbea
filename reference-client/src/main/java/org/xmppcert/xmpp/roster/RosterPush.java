package org.xmppcert.xmpp.roster;

import java.util.Optional;
import java.util.function.Predicate;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * A roster push (RFC 3921 §7.4, RFC 6121 §2.1.6): an IQ set from the server carrying one
 * created, updated or deleted item, and with roster versioning the new version (§2.6.3).
 *
 * @param id the IQ's id, which the acknowledgement carries back
 * @param from the {@code from} attribute, {@code null} when absent
 * @param ver the {@code ver} of the query, {@code null} when absent
 * @param item the pushed item; {@link Subscription#REMOVE} when it was deleted
 * @param iq the IQ as received
 */
public record RosterPush(String id, String from, String ver, RosterItem item, Element iq) {

    /** Whether an element is an IQ set whose payload is a roster query: a push, authorized or not. */
    public static boolean isPush(Element e) {
        if (!Iq.isIq(e) || Iq.type(e).orElse(null) != IqType.SET) {
            return false;
        }
        Element payload = Iq.payload(e);
        return payload != null && payload.is("query", Roster.NAMESPACE);
    }

    /** A predicate for a push about this contact (compared as bare JIDs), for waiting on one. */
    public static Predicate<Element> about(Jid contact) {
        Jid bare = contact.bare();
        return e -> isPush(e) && parse(e).map(p -> p.item().jid().equals(bare)).orElse(false);
    }

    /**
     * Reads a push; empty when the query does not hold exactly one readable {@code <item/>},
     * which a push MUST (RFC 6121 §2.1.6 rule 1).
     */
    public static Optional<RosterPush> parse(Element iq) {
        if (!isPush(iq)) {
            return Optional.empty();
        }
        Element query = Iq.payload(iq);
        if (query.elements().size() != 1) {
            return Optional.empty();
        }
        Element item = query.elements().get(0);
        try {
            return Optional.of(new RosterPush(iq.attribute("id"), iq.attribute("from"), query.attribute("ver"),
                    RosterItem.fromPush(item), iq));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the sender of a push may update the account's roster (RFC 6121 §2.1.6 rule 2):
     * only a push with no {@code from} (implicitly from the account) or from the account's bare
     * JID. RFC 3921 §7.2 also accepted the account's full JID; RFC 6121 dropped that, and this
     * follows RFC 6121, which is also allowed by RFC 3921 (it asks the client to check the sender,
     * and says a client SHOULD ignore other pushes, without requiring it to accept every form).
     *
     * @param account the account's JID (bare or full; only its bare part counts)
     */
    public static boolean isAuthorized(Element iq, Jid account) {
        String from = iq.attribute("from");
        if (from == null) {
            return true;
        }
        return Jid.tryParse(from).map(f -> f.equals(account.bare())).orElse(false);
    }

    /** The version, empty when the push carries none. */
    public Optional<String> version() {
        return Optional.ofNullable(ver);
    }
}
