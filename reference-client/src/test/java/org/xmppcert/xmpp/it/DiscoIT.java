package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.disco.DiscoException;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.DiscoItems;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.ServiceDiscovery;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0030 against the CI Prosody and ejabberd: the server's own info and items, an unknown
 * node, bare JIDs answered by the server for the account (§3.1, §4.1, §8; RFC 6120 §10.5.3.2 and
 * RFC 6121 §8.5.2.1.3: an IQ to a bare JID is the server's to answer), and a full JID delivered to
 * our own responder (RFC 6120 §10.5.4, RFC 6121 §8.5.3.1), whose advertised features must match
 * what it handles.
 *
 * <p>Where a server departs from the XEP, the test asserts what it does and says which rule it
 * departs from, so that a change in either direction is noticed.
 */
class DiscoIT {
    private static final String PING = "urn:xmpp:ping";
    private static XmppClient client;

    @BeforeAll
    static void start() {
        client = new XmppClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    static Stream<CiServer> servers() {
        return Stream.of(CiServer.prosody(), CiServer.ejabberd());
    }

    /** An IQ get to the server that exercises a feature, for the features we know how to probe. */
    private static Element probe(String feature, Jid to) {
        return switch (feature) {
            case PING -> Iq.get(to.toString(), Element.of("ping", PING));
            case "jabber:iq:version" -> Iq.get(to.toString(), Element.of("query", "jabber:iq:version"));
            case ServiceDiscovery.ITEMS -> DiscoItems.request(to, null);
            case ServiceDiscovery.INFO -> DiscoInfo.request(to, null);
            case "urn:xmpp:time" -> Iq.get(to.toString(), Element.of("time", "urn:xmpp:time"));
            case "jabber:iq:last" -> Iq.get(to.toString(), Element.of("query", "jabber:iq:last"));
            case "http://jabber.org/protocol/commands" -> DiscoItems.request(to, feature);
            default -> null;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theServerIsAnImServer_andWhatItAdvertisesItDoes(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession s = accounts.login(accounts.create(), null, new Transcript());
            Jid domain = Jid.of(server.domain());
            DiscoInfo info = ServiceDiscovery.of(s).info(domain);

            assertThat(info.hasIdentity("server", "im")).as("server/im identity in %s", info).isTrue();
            assertThat(info.features()).contains(ServiceDiscovery.INFO, ServiceDiscovery.ITEMS);
            assertThat(info.features()).doesNotHaveDuplicates();

            // Advertised features we can exercise are answered with a result ...
            List<String> advertised = info.features().stream().filter(f -> probe(f, domain) != null).toList();
            assertThat(advertised).contains(PING, "jabber:iq:version", ServiceDiscovery.ITEMS);
            for (String f : advertised) {
                Element answer = s.request(probe(f, domain), Negotiation.TIMEOUT);
                assertThat(answer.attribute("type")).as("answer to the %s probe: %s", f, answer).isEqualTo("result");
            }
            // ... and ones it does not advertise are refused: the list is not decoration.
            for (String f : List.of("urn:xmpp:time", "jabber:iq:last")) {
                assertThat(info.features()).doesNotContain(f);
                Element answer = s.request(probe(f, domain), Negotiation.TIMEOUT);
                assertThat(answer.attribute("type")).as("answer to the %s probe: %s", f, answer).isEqualTo("error");
                assertThat(StanzaError.of(answer).condition()).isIn(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                        StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED);
            }
            // XEP-0106 §6: neither server says it performs JID escaping; servers only store escaped localparts.
            assertThat(info.features()).doesNotContain("jid\\20escaping");

            switch (server.name()) {
                case "prosody" -> {
                    assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("server", "im", "Prosody",
                            null));
                    assertThat(info.forms()).isEmpty();
                }
                case "ejabberd" -> {
                    // A XEP-0128 form with nothing but its FORM_TYPE (XEP-0157 serverinfo).
                    assertThat(info.form("http://jabber.org/network/serverinfo")).hasValueSatisfying(f -> {
                        assertThat(f.hasHiddenFormType()).isTrue();
                        assertThat(f.fields()).hasSize(1);
                    });
                }
                default -> throw new IllegalStateException(server.name());
            }
            s.close(Negotiation.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theServersItemsAreEntitiesThatAnswerDiscoThemselves(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession s = accounts.login(accounts.create(), null, new Transcript());
            ServiceDiscovery disco = ServiceDiscovery.of(s);
            DiscoItems items = disco.items(Jid.of(server.domain()));
            assertThat(items.node()).isNull();
            switch (server.name()) {
                // Prosody lists its other virtual host; ejabberd, with no components, lists nothing.
                case "prosody" -> assertThat(items.items()).containsExactly(DiscoItems.Item.of(Jid.of(server.anonDomain())));
                case "ejabberd" -> assertThat(items.items()).isEmpty();
                default -> throw new IllegalStateException(server.name());
            }
            // §2: information about a child item is asked of the item itself.
            for (DiscoItems.Item item : items.items()) {
                DiscoInfo info = disco.info(item.jid(), item.node());
                assertThat(info.identities()).as("identities of %s", item).isNotEmpty();
            }
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * §7 table: a JID+node that does not exist is {@code item-not-found}. Both servers do so;
     * ejabberd echoes the query (like Example 3), Prosody does not (RFC 6120 §8.3.1 allows both).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anUnknownNodeIsItemNotFound(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession s = accounts.login(accounts.create(), null, new Transcript());
            ServiceDiscovery disco = ServiceDiscovery.of(s);
            Jid domain = Jid.of(server.domain());
            assertThatThrownBy(() -> disco.info(domain, "xmppcert-no-such-node"))
                    .isInstanceOfSatisfying(DiscoException.class, e -> {
                        assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
                        assertThat(e.error().type()).isEqualTo("cancel");
                    });
            assertThatThrownBy(() -> disco.items(domain, "xmppcert-no-such-node"))
                    .isInstanceOfSatisfying(DiscoException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));
            Element raw = s.request(DiscoInfo.request(domain, "xmppcert-no-such-node"), Negotiation.TIMEOUT);
            assertThat(raw.hasChild("query", DiscoInfo.NAMESPACE)).isEqualTo(server.name().equals("ejabberd"));
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * §3.1 (Examples 5–6) and §4.1 (Examples 14–15): the server answers for a bare JID it hosts,
     * from that bare JID. For our own account: Prosody answers {@code account/registered} with
     * no feature at all, against §3.1 "one or more &lt;feature/&gt; elements" (Example 6 lists
     * disco#info); ejabberd lists features and our connected resource.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void ourOwnBareJidIsAnsweredByTheServerOnTheAccountsBehalf(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            TestAccounts.Account a = accounts.create();
            XmppSession s = accounts.login(a, "one", new Transcript());
            ServiceDiscovery disco = ServiceDiscovery.of(s);

            Element raw = s.request(DiscoInfo.request(a.jid(), null), Negotiation.TIMEOUT);
            assertThat(raw.attribute("from")).isEqualTo(a.jid().toString());
            DiscoInfo info = DiscoInfo.fromResponse(raw);
            assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("account", "registered", null, null));
            // A query without 'to' is handled by the server for the account too (RFC 6120 §10.3.3): the same answer.
            assertThat(disco.info(null)).isEqualTo(info);

            DiscoItems items = disco.items(a.jid());
            switch (server.name()) {
                case "prosody" -> {
                    assertThat(info.features()).as("Prosody: no feature, not even disco#info (XEP-0030 §3.1)").isEmpty();
                    // Our resource has sent no presence, so it is not "available" (§4.1): nothing listed.
                    assertThat(items.items()).isEmpty();
                }
                case "ejabberd" -> {
                    assertThat(info.features()).contains(ServiceDiscovery.INFO, ServiceDiscovery.ITEMS);
                    assertThat(items.items()).extracting(DiscoItems.Item::jid).containsExactly(s.localJid());
                }
                default -> throw new IllegalStateException(server.name());
            }
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * §8 rules for bare JIDs of others: without a presence subscription, disco#info MUST be
     * {@code service-unavailable} (rule 1.2), for an account that does not exist too (rule 1.1,
     * and RFC 6120 §10.5.3.1 for any IQ); disco#items MUST be an empty result (rules 2.1, 2.2).
     * Prosody follows the info rules but refuses items with {@code service-unavailable}; ejabberd
     * answers {@code subscription-required} (auth) to all four.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anotherAccountsBareJidWithoutSubscription(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            TestAccounts.Account a = accounts.create();
            TestAccounts.Account b = accounts.create();
            XmppSession s = accounts.login(a, null, new Transcript());
            Jid nobody = Jid.of("xc-nobody-" + Long.toHexString(System.nanoTime()), server.domain(), null);

            StanzaErrorCondition expected = server.name().equals("prosody") ? StanzaErrorCondition.SERVICE_UNAVAILABLE
                    : StanzaErrorCondition.SUBSCRIPTION_REQUIRED;
            for (Jid target : List.of(b.jid(), nobody)) {
                Element info = s.request(DiscoInfo.request(target, null), Negotiation.TIMEOUT);
                assertThat(info.attribute("from")).isEqualTo(target.toString());
                assertThat(StanzaError.of(info).condition()).as("disco#info of %s: %s", target, info).isEqualTo(expected);
                Element items = s.request(DiscoItems.request(target, null), Negotiation.TIMEOUT);
                // Not the empty result §8 rule 2 requires: both servers refuse.
                assertThat(items.attribute("type")).as("disco#items of %s: %s", target, items).isEqualTo("error");
                assertThat(StanzaError.of(items).condition()).isEqualTo(expected);
            }
            s.close(Negotiation.TIMEOUT);
        }
    }

    /**
     * A query to a full JID is delivered to that resource (RFC 6120 §10.5.4, RFC 6121 §8.5.3.1),
     * which answers itself: our responder on a fresh session of another account. It advertises
     * what it handles and nothing else: ping only while a ping handler is installed, and then ping
     * is answered. A full JID with no such resource is {@code service-unavailable} from the server
     * (RFC 6121 §8.5.3.2.3).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aFullJidIsAnsweredByOurResponder_whichAdvertisesExactlyWhatItHandles(CiServer server) throws Exception {
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession answering = accounts.login(accounts.create(), "responder", new Transcript());
            XmppSession asking = accounts.login(accounts.create(), "asker", new Transcript());
            ServiceDiscovery.of(answering);
            Jid target = answering.localJid();
            ServiceDiscovery disco = ServiceDiscovery.of(asking);

            DiscoInfo info = disco.info(target);
            assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("client", "pc", "xmppcert", null));
            assertThat(info.features()).containsExactly(ServiceDiscovery.INFO, ServiceDiscovery.ITEMS);
            assertThat(disco.items(target).items()).isEmpty();
            assertThatThrownBy(() -> disco.info(target, "xmppcert-no-such-node"))
                    .isInstanceOfSatisfying(DiscoException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));
            assertPingAnswered(asking, target, false);
            Jid gone = target.withResource("gone");
            Element noResource = asking.request(DiscoInfo.request(gone, null), Negotiation.TIMEOUT);
            assertThat(noResource.attribute("from")).isEqualTo(gone.toString());
            assertThat(StanzaError.of(noResource).condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);

            // What a ping manager does when installed: handle the namespace, then say so.
            Registration handler = IqRouter.of(answering).register(IqType.GET, "ping", PING, request -> Iq.result(request, null));
            Registration feature = LocalFeatures.of(answering).addFeature(PING);
            assertThat(disco.info(target).features()).contains(PING);
            assertPingAnswered(asking, target, true);

            feature.close();
            handler.close();
            assertThat(disco.info(target).features()).doesNotContain(PING);
            assertPingAnswered(asking, target, false);

            asking.close(Negotiation.TIMEOUT);
            answering.close(Negotiation.TIMEOUT);
        }
    }

    private static void assertPingAnswered(XmppSession asking, Jid target, boolean answered) throws Exception {
        Element answer = asking.request(probe(PING, target), Negotiation.TIMEOUT);
        assertThat(answer.attribute("from")).isEqualTo(target.toString());
        if (answered) {
            assertThat(answer.attribute("type")).as("ping answer %s", answer).isEqualTo("result");
        } else {
            assertThat(StanzaError.of(answer).condition()).as("ping answer %s", answer)
                    .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
    }

    /** Before {@link ServiceDiscovery#of} the router answers disco with service-unavailable, as for any namespace. */
    @Test
    void withoutTheResponderDiscoIsServiceUnavailable() throws Exception {
        CiServer server = CiServer.prosody();
        try (TestAccounts accounts = new TestAccounts(server, client)) {
            XmppSession silent = accounts.login(accounts.create(), "silent", new Transcript());
            XmppSession asking = accounts.login(accounts.create(), "asker", new Transcript());
            Element answer = asking.request(DiscoInfo.request(silent.localJid(), null), Negotiation.TIMEOUT);
            assertThat(StanzaError.of(answer).condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            asking.close(Negotiation.TIMEOUT);
            silent.close(Negotiation.TIMEOUT);
        }
    }
}
