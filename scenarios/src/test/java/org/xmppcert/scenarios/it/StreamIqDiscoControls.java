package org.xmppcert.scenarios.it;

import static org.xmppcert.scenarios.it.Tamper.attribute;
import static org.xmppcert.scenarios.it.Tamper.hasChild;
import static org.xmppcert.scenarios.it.Tamper.iq;
import static org.xmppcert.scenarios.it.Tamper.stanza;
import static org.xmppcert.scenarios.it.Tamper.xml;

import java.util.Map;
import java.util.function.Function;
import org.xmppcert.xmpp.xml.Element;

/**
 * Negative controls of the stream, iq and disco scenarios: each turns the CI Prosody into a
 * server that breaks exactly what its scenario checks (a wrong error condition, a lost id, an
 * extra reply, a leaked item...), so that {@link NegativeControlsIT} can show the scenario FAIL
 * with the offending stanza.
 */
public final class StreamIqDiscoControls implements NegativeControlSet {

    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    private static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";

    @Override
    public Map<String, Tamper> controls() {
        return Map.ofEntries(
                // ---- iq
                // An RFC 3920-era answer: feature-not-implemented where RFC 6120 requires service-unavailable.
                Map.entry("iq-get-unknown-namespace-to-server",
                        Tamper.on(iq("error")).replaceWith(withCondition("cancel", "feature-not-implemented"))),
                // The error loses the request's id.
                Map.entry("iq-set-unknown-namespace-to-server", Tamper.on(iq("error")).removeAttribute("id")),
                // The server answers twice.
                Map.entry("iq-unknown-namespace-without-to",
                        Tamper.on(iq("error").and(attribute("id", "n1"))).with(e -> java.util.List.of(e, e))),
                // A result that carries an <error/>.
                Map.entry("iq-known-namespace-without-to", Tamper.on(iq("result").and(attribute("id", "k1")))
                        .addChild("<error type='cancel'><undefined-condition xmlns='" + STANZAS + "'/></error>")),
                // The server answers the unsolicited result and error (the answers ride in after the
                // bind result, the only stanza the server sends before them).
                Map.entry("iq-result-not-answered", Tamper.on(iq("result").and(hasChild("bind", BIND)))
                        .inject("<iq type='error' id='r1'><error type='cancel'><service-unavailable xmlns='"
                                + STANZAS + "'/></error></iq>")),
                Map.entry("iq-error-not-answered", Tamper.on(iq("result").and(hasChild("bind", BIND)))
                        .inject("<iq type='error' id='e1'><error type='modify'><bad-request xmlns='"
                                + STANZAS + "'/></error></iq>")),
                // The answer to a malformed request comes with another id.
                Map.entry("iq-get-two-children", Tamper.on(iq("error")).setAttribute("id", "not-the-request")),
                // A malformed request "succeeds".
                Map.entry("iq-get-no-child", Tamper.on(iq("error")).setAttribute("type", "result")),
                // An error without its <error/> child.
                Map.entry("iq-to-own-bare-jid", Tamper.on(iq("error")).removeChild("error", "jabber:client")),
                // The error for an unreachable account comes from the domain instead of that address.
                Map.entry("iq-to-nonexistent-account",
                        Tamper.on(iq("error")).replaceWith(e -> e.toBuilder().attribute("from", domainOf(e)).build())),
                // item-not-found instead of service-unavailable for a missing resource.
                Map.entry("iq-to-unavailable-full-jid",
                        Tamper.on(iq("error")).replaceWith(withCondition("cancel", "item-not-found"))),
                // The routed request is stamped with the sender's bare JID, not its full JID.
                Map.entry("iq-routed-to-own-full-jid", Tamper.on(iq("get").and(hasChild("query", "urn:xmppcert:routed")))
                        .replaceWith(e -> e.toBuilder().attribute("from", bare(e.attribute("from"))).build())),

                // An invalid type answered as if the namespace were unknown.
                Map.entry("iq-invalid-type", Tamper.on(iq("error").and(attribute("id", "t1")))
                        .replaceWith(withCondition("cancel", "service-unavailable"))),

                // ---- stream / stanza attributes
                // The stream's language is not applied: another one is.
                Map.entry("message-xml-lang-default", Tamper.on(stanza("message").and(attribute("id", "dl1")))
                        .replaceWith(e -> e.toBuilder().lang("de").build())),
                Map.entry("message-from-stamped", Tamper.on(stanza("message")).removeAttribute("from")),
                // The forged 'from' is passed through.
                Map.entry("message-spoofed-from-not-delivered", Tamper.on(stanza("message").and(attribute("id", "sp1")))
                        .replaceWith(e -> e.toBuilder()
                                .attribute("from", "mallory-" + node(e.attribute("from")) + "@" + domainOf(e) + "/forged")
                                .build())),
                Map.entry("message-xml-lang-kept", Tamper.on(stanza("message").and(attribute("id", "lang1")))
                        .replaceWith(e -> e.toBuilder().lang("en").build())),
                // The body is re-encoded badly (non-ASCII replaced).
                Map.entry("message-utf8-unchanged", Tamper.on(stanza("message").and(attribute("id", "u8")))
                        .replaceWith(e -> e.toBuilder().removeChildren("body", "jabber:client")
                                .child(xml("<body>Gr??e, ????, ?? &amp; ?</body>")).build())),
                // A stream error with another (defined) condition than not-well-formed.
                Map.entry("stream-error-not-well-formed", Tamper.onAnything(e -> e.is("error", "http://etherx.jabber.org/streams"))
                        .replaceWith("<error xmlns='http://etherx.jabber.org/streams'>"
                                + "<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></error>")),

                // The request reaches a session bound to another resource than the one asked for.
                Map.entry("resource-requested-accepted", Tamper.on(iq("get").and(attribute("id", "rr1")))
                        .replaceWith(e -> e.toBuilder().attribute("to", bare(e.attribute("to")) + "/overridden").build())),
                // The request arrives stamped with a resource that is not the sender's generated one.
                Map.entry("resource-generated-unique", Tamper.on(iq("get").and(attribute("id", "g1")))
                        .replaceWith(e -> e.toBuilder().attribute("from", bare(e.attribute("from")) + "/same").build())),
                // What reaches the resource is not the message sent to the bare JID.
                Map.entry("message-to-bare-jid-delivered", Tamper.on(stanza("message").and(attribute("id", "bj1")))
                        .replaceWith(e -> e.toBuilder().removeChildren("body", "jabber:client")
                                .child(xml("<body>something else</body>")).build())),

                // ---- disco
                // The second requester is shown another identity.
                Map.entry("disco-info-server-consistent", Tamper.on(iq("result").and(attribute("id", "ci2")))
                        .replaceWith(e -> e.toBuilder().removeChildren("query", DISCO_INFO)
                                .child(xml("<query xmlns='" + DISCO_INFO + "'><identity category='client' type='pc'/>"
                                        + "<feature var='" + DISCO_INFO + "'/></query>")).build())),
                // A disco#info result that does not list the disco#info feature.
                Map.entry("disco-info-server", Tamper.on(iq("result").and(hasChild("query", DISCO_INFO)))
                        .replaceWith(e -> e.toBuilder().removeChildren("query", DISCO_INFO)
                                .child(xml("<query xmlns='" + DISCO_INFO + "'><identity category='server' type='im'/>"
                                        + "<feature var='jabber:iq:version'/></query>")).build())),
                Map.entry("disco-info-server-result-clean", Tamper.on(iq("result").and(hasChild("query", DISCO_INFO)))
                        .addChild("<error type='cancel'><undefined-condition xmlns='" + STANZAS + "'/></error>")),
                Map.entry("disco-items-server", Tamper.on(iq("result").and(hasChild("query", DISCO_ITEMS)))
                        .replaceWith(withCondition("cancel", "feature-not-implemented", "error"))),
                // bad-request for a node that does not exist.
                Map.entry("disco-unknown-node", Tamper.on(iq("error"))
                        .replaceWith(withCondition("modify", "bad-request"))),
                Map.entry("disco-info-own-bare-jid", Tamper.on(iq("result").and(hasChild("query", DISCO_INFO)))
                        .replaceWith(e -> e.toBuilder().removeChildren("query", DISCO_INFO)
                                .child(xml("<query xmlns='" + DISCO_INFO + "'><identity category='client' type='pc'/>"
                                        + "<feature var='" + DISCO_INFO + "'/></query>")).build())),
                Map.entry("disco-items-own-bare-jid", Tamper.on(iq("result").and(hasChild("query", DISCO_ITEMS)))
                        .setAttribute("id", "not-the-request")),
                // XEP-0030 3.1's item-not-found, which reveals that the account does not exist.
                Map.entry("disco-info-nonexistent-account", Tamper.on(iq("error"))
                        .replaceWith(withCondition("cancel", "item-not-found"))),
                // The server answers a stranger on the account's behalf: a presence leak.
                Map.entry("disco-info-stranger-bare-jid", Tamper.on(iq("error"))
                        .replaceWith(e -> e.toBuilder().attribute("type", "result").removeChildren("error", "jabber:client")
                                .child(xml("<query xmlns='" + DISCO_INFO + "'><identity category='account' type='registered'/>"
                                        + "<feature var='" + DISCO_INFO + "'/></query>")).build())),
                // A result that lists the available resource to a stranger (Prosody itself answers
                // with an error, a known deviation: the control shows the leak check can FAIL too).
                Map.entry("disco-items-stranger-bare-jid", Tamper.on(iq("error"))
                        .replaceWith(e -> e.toBuilder().attribute("type", "result").removeChildren("error", "jabber:client")
                                .removeChildren("query", DISCO_ITEMS)
                                .child(xml("<query xmlns='" + DISCO_ITEMS + "'><item jid='" + e.attribute("from")
                                        + "/secret'/></query>")).build())));
    }

    /**
     * For each control, the requirement it is meant to break: {@link StreamIqDiscoTranscriptsIT}
     * checks that this very id FAILs (with evidence) under the control, not merely some id.
     */
    static Map<String, String> intendedFailures() {
        return Map.ofEntries(
                Map.entry("iq-get-unknown-namespace-to-server", "RFC3920-10.4-unknown-namespace"),
                Map.entry("iq-set-unknown-namespace-to-server", "RFC3920-9.2.3-id-preserved"),
                Map.entry("iq-unknown-namespace-without-to", "RFC3920-9.2.3-one-reply"),
                Map.entry("iq-known-namespace-without-to", "RFC3920-9.3-no-error-child-otherwise"),
                Map.entry("iq-result-not-answered", "RFC3920-9.2.3-no-reply-to-response"),
                Map.entry("iq-error-not-answered", "RFC3920-9.3-no-error-to-error"),
                Map.entry("iq-get-two-children", "RFC3920-9.2.3-id-preserved"),
                Map.entry("iq-get-no-child", "RFC3920-9.2.3-malformed-request-answered"),
                Map.entry("iq-to-own-bare-jid", "RFC3920-9.3-error-child"),
                Map.entry("iq-to-nonexistent-account", "RFC3920-9.1.1-error-from"),
                Map.entry("iq-to-unavailable-full-jid", "RFC3920-10.5-no-resource-service-unavailable"),
                Map.entry("iq-routed-to-own-full-jid", "RFC3920-9.1.2-from-full-jid"),
                Map.entry("message-from-stamped", "RFC3920-9.1.2-from-stamped"),
                Map.entry("message-spoofed-from-not-delivered", "RFC3920-9.1.2-no-spoofed-from"),
                Map.entry("message-xml-lang-kept", "RFC3920-4.4-xml-lang-unmodified"),
                Map.entry("message-xml-lang-default", "RFC3920-4.4-xml-lang-default"),
                Map.entry("iq-invalid-type", "RFC3920-9.2.3-invalid-type"),
                Map.entry("resource-requested-accepted", "RFC3920-7-requested-resource"),
                Map.entry("resource-generated-unique", "RFC3920-7-generated-resource"),
                Map.entry("message-to-bare-jid-delivered", "RFC3920-10.5-bare-jid-delivered"),
                Map.entry("disco-info-server-consistent", "XEP0030-6.3-same-identity"),
                Map.entry("message-utf8-unchanged", "RFC3920-11.5-utf8"),
                Map.entry("stream-error-not-well-formed", "RFC3920-4.7-not-well-formed"),
                Map.entry("disco-info-server", "XEP0030-3.1-info-feature"),
                Map.entry("disco-info-server-result-clean", "RFC3920-9.3-no-error-child-otherwise"),
                Map.entry("disco-items-server", "XEP0030-4.1-items-answered"),
                Map.entry("disco-unknown-node", "XEP0030-7-unknown-node"),
                Map.entry("disco-info-own-bare-jid", "XEP0030-3.1-account-identity"),
                Map.entry("disco-items-own-bare-jid", "XEP0030-4.1-bare-jid-items"),
                Map.entry("disco-info-nonexistent-account", "XEP0030-8-info-no-such-account"),
                Map.entry("disco-info-stranger-bare-jid", "XEP0030-8-info-not-authorized"),
                Map.entry("disco-items-stranger-bare-jid", "XEP0030-8-items-not-authorized"));
    }

    /** An IQ error with only this condition (the original condition removed). */
    private static Function<Element, Element> withCondition(String type, String condition) {
        return withCondition(type, condition, null);
    }

    private static Function<Element, Element> withCondition(String type, String condition, String newType) {
        return e -> {
            Element.Builder b = e.toBuilder().removeChildren("error", "jabber:client")
                    .child(xml("<error type='" + type + "'><" + condition + " xmlns='" + STANZAS + "'/></error>"));
            if (newType != null) {
                b.attribute("type", newType);
            }
            return b.build();
        };
    }

    private static String bare(String jid) {
        int slash = jid == null ? -1 : jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    private static String node(String jid) {
        int at = jid == null ? -1 : jid.indexOf('@');
        return at < 0 ? "nobody" : jid.substring(0, at);
    }

    /** The domain of the stanza's addressee, i.e. the server's. */
    private static String domainOf(Element e) {
        String to = bare(e.attribute("to"));
        int at = to == null ? -1 : to.indexOf('@');
        return at < 0 ? to : to.substring(at + 1);
    }
}
