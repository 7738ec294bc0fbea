package org.xmppcert.scenarios.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xmppcert.xmpp.xml.Element;

/**
 * Negative controls of the privacy list (RFC 3921 section 10), XEP-0115, XEP-0138 and XEP-0106
 * scenarios: each rewrites what the CI Prosody sends so that exactly what the scenario checks is
 * broken (a refusal turned into a result, a blocked stanza let through, a caps element altered, an
 * escaped JID unescaped), and the scenario must FAIL with that stanza as evidence.
 */
public final class ImExtControls implements NegativeControlSet {

    static final String PRIVACY = "jabber:iq:privacy";
    static final String CAPS = "http://jabber.org/protocol/caps";
    static final String ROSTER = "jabber:iq:roster";

    @Override
    public Map<String, Tamper> controls() {
        Map<String, Tamper> c = new TreeMap<>();

        // ------------------------------------------------------------ privacy lists
        // The push to the second resource names another list.
        c.put("privacy-list-set-get", Tamper.on(Tamper.iq("set").and(Tamper.hasChild("query", PRIVACY))
                .and(to(t -> t.endsWith("/home")))).with(rewrite("name='public'", "name='other'")));
        // A list that does not exist is "found".
        c.put("privacy-unknown-list", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "get-5")))
                .replaceWith("<iq type='result' id='get-5'><query xmlns='jabber:iq:privacy'><list name='The Empty Set'/></query></iq>"));
        // The names result forgets the active list.
        c.put("privacy-active-default", Tamper.on(Tamper.iq("result").and(Tamper.attribute("id", "names-1")))
                .with(e -> List.of(query(e, q -> q.toBuilder().removeChildren("active", PRIVACY).build()))));
        // The default in use elsewhere is changed anyway.
        c.put("privacy-default-conflict", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "default-2")))
                .replaceWith("<iq type='result' id='default-2'/>"));
        // The list active on 'home' is removed anyway.
        c.put("privacy-remove-list", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "remove-1")))
                .replaceWith("<iq type='result' id='remove-1'/>"));
        // Blocked stanzas delivered after all: a copy of the blocked one follows the allowed one.
        c.put("privacy-block-message-jid", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m2")))
                .inject("<message type='chat' id='m1' from='mallory@localhost/x'><body>from alice, blocked</body></message>"));
        c.put("privacy-block-presence-in", leakFrom("street", Tamper.stanza("presence").and(Tamper.attribute("id", "p2")),
                jid -> "<presence id='p1' from='" + jid + "'><status>alice, blocked</status></presence>"));
        // Bob's presence to carol arrives without its status (what presence-out must leave alone).
        c.put("privacy-block-presence-out", Tamper.on(Tamper.stanza("presence").and(Tamper.attribute("id", "p2")))
                .removeChild("status", "jabber:client"));
        // The blocked IQ is answered as if delivered.
        c.put("privacy-block-iq", Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "q1")))
                .replaceWith(e -> e.toBuilder().attribute("type", "result").removeChildren("error", "jabber:client").build()));
        c.put("privacy-block-group", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m2")))
                .inject("<message type='chat' id='m1' from='mallory@localhost/x'><body>from an enemy</body></message>"));
        c.put("privacy-block-subscription", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m2")))
                .inject("<message type='chat' id='m1' from='mallory@localhost/x'><body>from a stranger</body></message>"));
        c.put("privacy-order-fall-through", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m1")))
                .inject("<message type='chat' id='m2' from='mallory@localhost/x'><body>caught by the fall-through</body></message>"));

        // ------------------------------------------------------------ XEP-0115
        c.put("caps-own-resources", Tamper.on(Tamper.stanza("presence").and(Tamper.hasChild("c", CAPS)))
                .with(rewrite("QgayPKawpkPSDYmwT/WM94uAlu0=", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        c.put("caps-to-contact", Tamper.on(Tamper.stanza("presence").and(Tamper.hasChild("c", CAPS)))
                .removeChild("c", CAPS));
        // The server's caps ver no longer matches its disco#info.
        c.put("caps-server-stream-feature", Tamper.onAnything(e -> e.is("features", "http://etherx.jabber.org/streams")
                && e.hasChild("c", CAPS)).with(e -> List.of(features(e, f -> f.toBuilder().removeChildren("c", CAPS)
                        .child(f.child("c", CAPS).toBuilder().attribute("ver", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").build()).build()))));
        // ------------------------------------------------------------ XEP-0138
        // Prosody made to offer zlib after SASL: what it does with <compress/> is the evidence.
        c.put("compression-server", Tamper.onAnything(e -> e.is("features", "http://etherx.jabber.org/streams")
                && e.hasChild("bind", "urn:ietf:params:xml:ns:xmpp-bind"))
                .addChild("<compression xmlns='http://jabber.org/features/compress'><method>zlib</method></compression>"));

        // ------------------------------------------------------------ XEP-0106
        c.put("escaped-roster-items", Tamper.on(Tamper.iq("set").and(Tamper.hasChild("query", ROSTER)))
                .with(rewrite("d\\27artagnan", "d&apos;artagnan")));
        c.put("escaped-address-routing", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("type", "error")))
                .with(rewrite("d\\27artagnan", "d&apos;artagnan")));
        // The escaped account's message arrives with its sender unescaped.
        c.put("escaped-account-routed", Tamper.on(Tamper.stanza("message").and(Tamper.attribute("id", "m1")))
                .with(rewrite("d\\27artagnan", "d&apos;artagnan")));
        return c;
    }

    // ---------------------------------------------------------------- helpers

    /** The element with a piece of its XML replaced (the same serialisation the transcript shows). */
    static Function<Element, List<Element>> rewrite(String from, String to) {
        return e -> List.of(Tamper.xml(e.toXml().replace(from, to)));
    }

    /** The IQ with its privacy query changed. */
    static Element query(Element iq, java.util.function.UnaryOperator<Element> change) {
        Element q = iq.child("query", PRIVACY);
        return iq.toBuilder().removeChildren("query", PRIVACY).child(change.apply(q)).build();
    }

    /** Stream features are not jabber:client: rebuilt as they are, with one change. */
    static Element features(Element f, java.util.function.UnaryOperator<Element> change) {
        return change.apply(f);
    }

    static Predicate<Element> to(Predicate<String> which) {
        return e -> e.attribute("to") != null && which.test(e.attribute("to"));
    }

    /**
     * A server that leaks: the full JID of the session bound with this resource is learnt from the
     * 'to' of what it receives or its bind result, and right after the
     * trigger stanza a stanza from that JID (built by {@code xml}) is delivered too.
     */
    static Tamper leakFrom(String resource, Predicate<Element> trigger, Function<String, String> xml) {
        AtomicReference<String> jid = new AtomicReference<>();
        return Tamper.on(e -> true).with(e -> {
            String to = e.attribute("to");
            Element bind = e.child("bind", "urn:ietf:params:xml:ns:xmpp-bind");
            String bound = bind == null ? null : bind.childText("jid", "urn:ietf:params:xml:ns:xmpp-bind");
            for (String candidate : new String[] {to, bound}) {
                if (candidate != null && candidate.endsWith("/" + resource)) {
                    jid.compareAndSet(null, candidate);
                }
            }
            if (trigger.test(e) && jid.get() != null) {
                return List.of(e, Tamper.xml(xml.apply(jid.get())));
            }
            return List.of(e);
        });
    }
}
