package org.xmppcert.scenarios.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.xmppcert.xmpp.xml.Element;

/**
 * Negative controls of the roster, presence and message scenarios (RFC 3921 / RFC 6121): each
 * rewrites what the CI Prosody sends so that exactly the behaviour the scenario checks is broken
 * (a push with the wrong subscription, a stripped extension, a stray stanza injected where nothing
 * may arrive), and the scenario must FAIL with that stanza as evidence.
 */
public final class RosterPresenceMessageControls implements NegativeControlSet {

    static final String CLIENT = "jabber:client";
    static final String ROSTER = "jabber:iq:roster";

    @Override
    public Map<String, Tamper> controls() {
        Map<String, Tamper> c = new TreeMap<>();

        // ------------------------------------------------------------ roster
        c.put("roster-get-result", Tamper.on(Tamper.iq("result").and(Tamper.hasChild("query", ROSTER)))
                .setAttribute("type", "error"));
        c.put("roster-set-push", Tamper.on(rosterPush()).with(item(i -> i.toBuilder().attribute("name", "Not the nurse").build())));
        c.put("roster-set-stored", Tamper.on(Tamper.iq("result").and(e -> rosterItem(e) != null))
                .with(item(i -> i.toBuilder().removeChildren("group", ROSTER).build())));
        c.put("roster-update-push", Tamper.on(rosterPush()).with(item(i -> i.toBuilder().removeChildren("group", ROSTER).build())));
        c.put("roster-remove-push", Tamper.on(rosterPush().and(subscription("remove")))
                .with(item(i -> i.toBuilder().attribute("subscription", "none").build())));
        c.put("roster-set-two-items", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "two-1")))
                .replaceWith("<iq type='result' id='two-1'/>"));
        c.put("roster-set-ignores-subscription", Tamper.on(rosterPush())
                .with(item(i -> i.toBuilder().attribute("subscription", "both").build())));
        c.put("roster-remove-unknown-item", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "rm-1")))
                .replaceWith("<iq type='result' id='rm-1'/>"));
        c.put("roster-no-push-uninterested", Tamper.on(Tamper.stanza("presence").and(to(t -> t.endsWith("/uninterested")))).once()
                .inject("<iq type='set' id='stray-push'><query xmlns='jabber:iq:roster'><item jid='stray@localhost' subscription='none'/></query></iq>"));
        c.put("roster-set-to-other-user", foreignRosterChange());
        c.put("roster-remove-cancels-subscription", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "unsubscribe")))
                .setAttribute("type", "unsubscribed"));

        // ------------------------------------------------------------ presence
        c.put("initial-presence-own-resources", Tamper.on(Tamper.stanza("presence").and(Tamper.hasChild("status", CLIENT)))
                .removeChild("status", CLIENT));
        c.put("presence-update-broadcast", Tamper.on(Tamper.stanza("presence"))
                .removeChild("note", "urn:xmppcert:test:extension"));
        c.put("unavailable-broadcast", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "unavailable")))
                .removeChild("status", CLIENT));
        c.put("unavailable-on-close-own-resources", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "unavailable")))
                .with(one(e -> e.toBuilder().attribute("from", bare(e.attribute("from"))).build())));
        c.put("directed-presence", Tamper.on(Tamper.stanza("presence").and(status("just for you"))).once()
                .with(e -> List.of(e, withStatus(e, "broadcast only"))));
        c.put("presence-to-bare-jid", Tamper.on(Tamper.stanza("presence").and(status("to the bare JID")))
                .with(one(e -> e.toBuilder().attribute("to", e.attribute("to") + "/orchard").build())));
        c.put("subscribe-request", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "subscribe")))
                .with(one(e -> e.toBuilder().attribute("from", e.attribute("from") + "/home").build())));
        c.put("subscription-approved", Tamper.on(rosterPush().and(subscription("to")))
                .with(item(i -> i.toBuilder().attribute("ask", "subscribe").build())));
        c.put("subscription-refused", Tamper.on(rosterPush().and(subscription("none")).and(e -> rosterItem(e).attribute("ask") == null))
                .with(item(i -> i.toBuilder().attribute("ask", "subscribe").build())));
        c.put("subscription-mutual", Tamper.on(rosterPush().and(subscription("both")))
                .with(item(i -> i.toBuilder().attribute("subscription", "from").build())));
        c.put("unsubscribe", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "unsubscribe")))
                .with(one(e -> e.toBuilder().attribute("from", e.attribute("from") + "/leaked").build())));
        c.put("subscription-cancelled", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "unavailable")))
                .removeAttribute("type"));
        c.put("presence-to-subscribers", Tamper.on(Tamper.stanza("presence").and(status("garden online")))
                .with(one(e -> e.toBuilder().attribute("from", bare(e.attribute("from"))).build())));
        c.put("contacts-presence-on-login", Tamper.on(Tamper.stanza("presence").and(status("in the orchard")))
                .removeChild("status", CLIENT));
        c.put("probe-without-subscription", presenceLeak());
        c.put("subscribe-to-available-resources", Tamper.on(Tamper.iq("result").and(Tamper.attribute("id", "r3")))
                .inject("<presence type='subscribe' from='mallory@localhost'/>"));
        c.put("subscribe-stored-offline", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "subscribe")))
                .setAttribute("from", "mallory@localhost"));
        c.put("subscribe-pending-not-redelivered", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "subscribe")))
                .once().with(e -> List.of(e, e)));
        c.put("resubscribe-not-delivered", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("type", "subscribe")))
                .once().with(e -> List.of(e, e)));
        c.put("session-establishment", Tamper.on(Tamper.iq("result").and(Tamper.attribute("id", "sess-1")))
                .replaceWith("<iq type='error' id='sess-1'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>"));
        c.put("unsolicited-subscribed-ignored", Tamper.on(Tamper.iq("result").and(Tamper.attribute("id", "ra")))
                .inject("<presence type='subscribed' from='mallory@localhost'/>"));

        // ------------------------------------------------------------ messages and delivery
        c.put("chat-to-full-jid", Tamper.on(Tamper.stanza("message")).removeChild("flower", "urn:xmppcert:test:extension"));
        c.put("bare-jid-highest-priority", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m1")))
                .with(one(e -> e.toBuilder().attribute("to", e.attribute("to") + "/high").build())));
        c.put("bare-jid-negative-priority", Tamper.on(Tamper.stanza("presence").and(to(t -> t.endsWith("/negative")))).once()
                .inject("<message type='normal' id='m1' from='mallory@localhost/x'><body>who gets this?</body></message>"));
        c.put("chat-to-unknown-resource", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m1")))
                .removeChild("body", CLIENT));
        c.put("unknown-resource-iq-presence", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "q1")))
                .replaceWith(e -> e.toBuilder().attribute("type", "result").removeChildren("error", CLIENT).build()));
        c.put("bare-jid-iq-answered-by-server", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "q1")))
                .replaceWith(e -> e.toBuilder().attribute("type", "result").removeChildren("error", CLIENT).build()));
        c.put("no-such-user", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("type", "error")))
                .setAttribute("type", "chat"));
        return c;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A server that leaks bob's presence to alice: bob's full JID is learnt from his own presence
     * (resource "orchard"), and a copy of his presence follows the first presence alice receives.
     */
    static Tamper presenceLeak() {
        java.util.concurrent.atomic.AtomicReference<Element> bob = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean leaked = new java.util.concurrent.atomic.AtomicBoolean();
        return Tamper.on(Tamper.stanza("presence")).with(e -> {
            String from = String.valueOf(e.attribute("from"));
            if (from.endsWith("/orchard")) {
                bob.compareAndSet(null, e);
                return List.of(e);
            }
            if (bob.get() != null && leaked.compareAndSet(false, true)) {
                return List.of(e, bob.get().toBuilder().attribute("to", bare(from)).build());
            }
            return List.of(e);
        });
    }

    /**
     * A server that applied alice's roster set to bob's roster: bob's next roster result holds the
     * item. The item's JID is built from alice's localpart, learnt from the 'to' of the answer to
     * her roster set (which arrives before bob asks again).
     */
    static Tamper foreignRosterChange() {
        java.util.concurrent.atomic.AtomicReference<String> alice = new java.util.concurrent.atomic.AtomicReference<>();
        return Tamper.on(Tamper.stanza("iq").and(e -> "foreign-1".equals(e.attribute("id")) || "rb-2".equals(e.attribute("id"))))
                .with(e -> {
                    if ("foreign-1".equals(e.attribute("id"))) {
                        String to = e.attribute("to");
                        alice.set(to.substring(0, to.indexOf('@')));
                        return List.of(e);
                    }
                    Element item = Element.builder("item", ROSTER).attribute("jid", "mallory-" + alice.get() + "@localhost")
                            .attribute("subscription", "none").build();
                    Element q = e.child("query", ROSTER);
                    return List.of(e.toBuilder().removeChildren("query", ROSTER).child(q.toBuilder().child(item).build()).build());
                });
    }

    /** A roster push: an IQ set carrying a jabber:iq:roster query. */
    static Predicate<Element> rosterPush() {
        return Tamper.iq("set").and(Tamper.hasChild("query", ROSTER));
    }

    /** A roster push or result whose (first) item has this subscription. */
    static Predicate<Element> subscription(String value) {
        return e -> rosterItem(e) != null && value.equals(rosterItem(e).attribute("subscription"));
    }

    static Element rosterItem(Element iq) {
        Element q = iq.child("query", ROSTER);
        return q == null ? null : q.child("item", ROSTER);
    }

    static Predicate<Element> to(Predicate<String> which) {
        return e -> e.attribute("to") != null && which.test(e.attribute("to"));
    }

    static Predicate<Element> status(String text) {
        return e -> text.equals(e.childText("status", CLIENT));
    }

    /** Rewrites every item of the query (one in a push), leaving the rest of the IQ as sent. */
    static java.util.function.Function<Element, List<Element>> item(UnaryOperator<Element> change) {
        return iq -> {
            Element q = iq.child("query", ROSTER);
            List<Element> items = new ArrayList<>();
            for (Element i : q.elements("item", ROSTER)) {
                items.add(change.apply(i));
            }
            Element query = q.toBuilder().removeChildren("item", ROSTER).children(items).build();
            return List.of(iq.toBuilder().removeChildren("query", ROSTER).child(query).build());
        };
    }

    static java.util.function.Function<Element, List<Element>> one(UnaryOperator<Element> change) {
        return e -> List.of(change.apply(e));
    }

    static Element withStatus(Element presence, String text) {
        return presence.toBuilder().removeChildren("status", CLIENT).childWithText("status", CLIENT, text).build();
    }

    static String bare(String jid) {
        int slash = jid == null ? -1 : jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
