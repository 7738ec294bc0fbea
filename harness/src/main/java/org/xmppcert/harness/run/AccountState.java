package org.xmppcert.harness.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.ping.Ping;
import org.xmppcert.xmpp.privacy.PrivacyException;
import org.xmppcert.xmpp.privacy.PrivacyList;
import org.xmppcert.xmpp.privacy.PrivacyListNames;
import org.xmppcert.xmpp.privacy.PrivacyLists;
import org.xmppcert.xmpp.roster.Roster;
import org.xmppcert.xmpp.roster.RosterItem;
import org.xmppcert.xmpp.roster.RosterQuery;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.xml.Element;

/**
 * What a scenario may change in a pool account and what is put back after it: the roster items
 * (JID, name, groups; RFC 6121 §2), the privacy lists with the default list (XEP-0016, RFC 3921
 * §10), and no subscription request left pending (declined). Subscription states cannot be set by a client; a roster item the scenario removed comes back
 * without its subscription — the reason {@code --register} is the better choice where the server
 * allows it.
 *
 * @param roster the roster items
 * @param privacy the privacy lists by name, or {@code null} when the server does not offer them
 * @param defaultList the default list's name, or {@code null}
 */
record AccountState(List<RosterItem> roster, Map<String, PrivacyList> privacy, String defaultList) {

    /** Reads the state over a session of the account. */
    static AccountState snapshot(XmppSession session) throws XmppException {
        List<RosterItem> items = Roster.of(session).fetch().map(RosterQuery::items).orElse(List.of());
        PrivacyLists privacy = PrivacyLists.of(session);
        PrivacyListNames names;
        try {
            names = privacy.names();
        } catch (PrivacyException e) {
            return new AccountState(items, null, null); // not offered: nothing to restore
        }
        Map<String, PrivacyList> lists = new HashMap<>();
        for (String name : names.lists()) {
            lists.put(name, privacy.list(name));
        }
        return new AccountState(items, lists, names.defaultList());
    }

    /** Puts the state back over a session of the account (none of its other resources online). */
    void restore(XmppSession session) throws XmppException {
        declinePendingSubscriptions(session);
        Roster roster = Roster.of(session);
        List<RosterItem> now = roster.fetch().map(RosterQuery::items).orElse(List.of());
        Map<Jid, RosterItem> before = new HashMap<>();
        roster().forEach(i -> before.put(i.jid(), i));
        for (RosterItem item : now) {
            RosterItem old = before.remove(item.jid());
            if (old == null) {
                roster.remove(item.jid());
            } else if (!Objects.equals(old.name(), item.name()) || !old.groups().equals(item.groups())) {
                roster.update(RosterItem.of(old.jid(), old.name(), old.groups()));
            }
        }
        for (RosterItem gone : before.values()) {
            roster.update(RosterItem.of(gone.jid(), gone.name(), gone.groups()));
        }
        if (privacy == null) {
            return;
        }
        PrivacyLists lists = PrivacyLists.of(session);
        PrivacyListNames names = lists.names();
        if (names.defaultList() != null && !names.defaultList().equals(defaultList)) {
            lists.declineDefault();
        }
        for (String name : new ArrayList<>(names.lists())) {
            if (!privacy.containsKey(name)) {
                lists.removeList(name);
            }
        }
        for (PrivacyList list : privacy.values()) {
            lists.setList(list);
        }
        if (defaultList != null) {
            lists.setDefault(defaultList);
        }
    }

    /**
     * Subscription requests a scenario left pending for the account would reach the next
     * scenario: available presence makes the server deliver them (RFC 6121 §3.1.3), a ping round
     * trip closes "they have all come", and each is declined ({@code unsubscribed}, §3.2.1).
     */
    private static void declinePendingSubscriptions(XmppSession session) throws XmppException {
        session.send(Element.of("presence", "jabber:client"));
        Ping.barrier(session.options().replyTimeout(), session);
        Predicate<Element> subscribe = e -> e.name().equals("presence") && "subscribe".equals(e.attribute("type"));
        for (Optional<Element> p = session.poll(subscribe); p.isPresent(); p = session.poll(subscribe)) {
            String from = p.get().attribute("from");
            if (from != null) {
                session.send(Element.builder("presence", "jabber:client").attribute("to", from)
                        .attribute("type", "unsubscribed").build());
            }
        }
        session.send(Element.builder("presence", "jabber:client").attribute("type", "unavailable").build());
    }
}
