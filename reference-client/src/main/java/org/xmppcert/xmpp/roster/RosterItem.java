package org.xmppcert.xmpp.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.jid.InvalidJidException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * One roster item, {@code <item/>} in the {@code jabber:iq:roster} namespace (RFC 3921 §7.1,
 * RFC 6121 §2.1.2). Immutable.
 *
 * @param jid the contact, the item's key (§2.1.2.3; REQUIRED)
 * @param name the handle the user gave the contact, {@code null} when the item has none; an empty
 *        name is kept as received, though RFC 6121 §2.4.1 makes it equivalent to none
 * @param subscription the subscription state (§2.1.2.5); {@link Subscription#REMOVE} only in a
 *        push or in a set that deletes the item
 * @param ask {@link Ask#SUBSCRIBE} when a subscription request of the user is pending
 *        (§2.1.2.2), else {@code null}
 * @param approved whether the server notes a subscription pre-approval (§2.1.2.1, §3.4)
 * @param groups the groups, in document order (§2.1.2.6)
 */
public record RosterItem(Jid jid, String name, Subscription subscription, Ask ask, boolean approved,
        List<String> groups) {

    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
        groups = List.copyOf(groups);
    }

    /** A new item as a client adds it: a JID, optionally a name and groups (RFC 6121 §2.3.1). */
    public static RosterItem of(Jid jid, String name, Collection<String> groups) {
        return new RosterItem(jid, name, Subscription.NONE, null, false, List.copyOf(groups));
    }

    /** A new item with just a JID. */
    public static RosterItem of(Jid jid) {
        return of(jid, null, List.of());
    }

    /** The name, empty when absent. */
    public Optional<String> nameIfAny() {
        return Optional.ofNullable(name);
    }

    /** Whether a subscription request of the user is pending (the "Pending Out" sub-state). */
    public boolean pendingOut() {
        return ask == Ask.SUBSCRIBE;
    }

    /** The same item with another name ({@code null} for none). */
    public RosterItem withName(String newName) {
        return new RosterItem(jid, newName, subscription, ask, approved, groups);
    }

    /** The same item in other groups. */
    public RosterItem withGroups(Collection<String> newGroups) {
        return new RosterItem(jid, name, subscription, ask, approved, List.copyOf(newGroups));
    }

    /**
     * The item as a client sends it in a roster set (RFC 6121 §2.1.5, §2.3.1): {@code jid},
     * {@code name} and the groups. The {@code ask} and {@code approved} attributes are left out
     * because a client MUST NOT include them (§2.1.2.1, §2.1.2.2), and {@code subscription}
     * because the server ignores every value but {@code remove}, which
     * {@link RosterRequests#remove} sends.
     */
    public Element toSetElement() {
        Element.Builder b = Element.builder("item", Roster.NAMESPACE).attribute("jid", jid.toString());
        if (name != null) {
            b.attribute("name", name);
        }
        for (String g : groups) {
            b.childWithText("group", Roster.NAMESPACE, g);
        }
        return b.build();
    }

    /**
     * The item as a server sends it in a roster result or push (RFC 6121 §2.1.4, §2.1.6), with
     * {@code subscription}, {@code ask} and {@code approved}: what a mock server pushes.
     */
    public Element toElement() {
        Element.Builder b = Element.builder("item", Roster.NAMESPACE).attribute("jid", jid.toString());
        if (name != null) {
            b.attribute("name", name);
        }
        b.attribute("subscription", subscription.value());
        if (ask != null) {
            b.attribute("ask", ask.value());
        }
        if (approved) {
            b.attribute("approved", "true");
        }
        for (String g : groups) {
            b.childWithText("group", Roster.NAMESPACE, g);
        }
        return b.build();
    }

    /**
     * Reads an {@code <item/>} of a roster result (RFC 6121 §2.1.4): a {@code subscription}
     * other than the four states is ignored (§2.1.2.5).
     *
     * @throws IllegalArgumentException when the item has no {@code jid} or an invalid one
     */
    public static RosterItem fromResult(Element item) {
        return parse(item, Subscription.inResult(item.attribute("subscription")));
    }

    /**
     * Reads the {@code <item/>} of a roster push (RFC 6121 §2.1.6): {@code remove} is allowed
     * besides the four states; any other value is ignored (§2.1.2.5).
     *
     * @throws IllegalArgumentException when the item has no {@code jid} or an invalid one
     */
    public static RosterItem fromPush(Element item) {
        return parse(item, Subscription.inPush(item.attribute("subscription")));
    }

    private static RosterItem parse(Element item, Subscription subscription) {
        if (!item.is("item", Roster.NAMESPACE)) {
            throw new IllegalArgumentException("not a roster item: " + item.qualifiedName() + " {" + item.namespace()
                    + "}");
        }
        String jidValue = item.attribute("jid");
        if (jidValue == null) {
            throw new IllegalArgumentException("a roster item without 'jid', which is REQUIRED (RFC 6121 §2.1.2.3)");
        }
        Jid jid;
        try {
            jid = Jid.of(jidValue);
        } catch (InvalidJidException e) {
            throw new IllegalArgumentException("a roster item with an invalid 'jid' '" + jidValue + "': "
                    + e.getMessage(), e);
        }
        List<String> groups = new ArrayList<>();
        for (Element g : item.elements("group", Roster.NAMESPACE)) {
            groups.add(g.text());
        }
        // xs:boolean: "true" or "1" (RFC 6121 §2.1.2.1 refers to XML Schema datatypes).
        String approved = item.attribute("approved");
        return new RosterItem(jid, item.attribute("name"), subscription, Ask.of(item.attribute("ask")).orElse(null),
                "true".equals(approved) || "1".equals(approved), groups);
    }
}
