package org.xmppcert.xmpp.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.disco.DataForm;
import org.xmppcert.xmpp.disco.DiscoInfo;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.disco.ServiceDiscovery;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.testing.ScriptedServer;
import org.xmppcert.xmpp.xml.Element;

/**
 * Our own caps on a session: the ver is LocalFeatures' (§5.1), it follows every change (§6.1),
 * and the caps node answers on the wire with what was hashed (§6.2).
 */
class EntityCapabilitiesTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String DOMAIN = "example.test";
    private static final String SERVER_OPENING = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.test' version='1.0'>"
            + "<stream:features/>";

    private final XmppClient client = new XmppClient();

    @AfterEach
    void closeClient() {
        client.close();
    }

    private XmppSession open(ScriptedServer server) throws Exception {
        XmppSession session = client.connect(DOMAIN, server.address(), SessionOptions.defaults());
        session.openStream(StreamHeader.initial(DOMAIN, null, "en"));
        session.awaitFeatures(BOUND);
        return session;
    }

    /** The ver a fresh session has once caps is installed: client/pc/xmppcert, disco#info, disco#items, caps. */
    private static String defaultVer() {
        LocalFeatures expected = LocalFeatures.detached();
        expected.addFeature(ServiceDiscovery.ITEMS);
        expected.addFeature(Caps.NAMESPACE);
        return VerificationString.compute(expected.info(), "sha-1");
    }

    @Test
    void theVerFollowsLocalFeatures_andOnlyTheCurrentCapsNodeIsAnswered() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect(Pattern.compile("<stream:stream [^>]*>")).send(SERVER_OPENING).awaitClose())) {
            XmppSession session = open(server);
            EntityCapabilities caps = EntityCapabilities.of(session);
            LocalFeatures local = LocalFeatures.of(session);
            ServiceDiscovery disco = ServiceDiscovery.of(session);

            assertThat(local.features()).contains(LocalFeatures.DISCO_INFO, ServiceDiscovery.ITEMS, Caps.NAMESPACE);
            assertThat(caps.ver()).isEqualTo(defaultVer()).isEqualTo(VerificationString.compute(local.info(), "sha-1"));
            assertThat(caps.element()).isEqualTo(Element.builder("c", Caps.NAMESPACE).attribute("hash", "sha-1")
                    .attribute("node", EntityCapabilities.DEFAULT_NODE).attribute("ver", caps.ver()).build());
            assertThat(caps.presenceExtension().get()).isEqualTo(caps.element());
            String firstNode = caps.caps().discoNode();
            assertThat(disco.responder().hasNode(firstNode)).isTrue();

            List<Caps> announced = new CopyOnWriteArrayList<>();
            caps.onChange(announced::add);
            Registration ping = local.addFeature("urn:xmpp:ping");
            assertThat(caps.ver()).isNotEqualTo(defaultVer())
                    .isEqualTo(VerificationString.compute(local.info(), "sha-1"));
            assertThat(announced).containsExactly(caps.caps());
            assertThat(disco.responder().hasNode(firstNode)).isFalse();
            assertThat(disco.responder().hasNode(caps.caps().discoNode())).isTrue();

            // The caps node answers the info that was hashed, with the node mirrored, and it verifies.
            Element answer = disco.responder().answer(Iq.get(null, DiscoInfo.query(caps.caps().discoNode())));
            DiscoInfo served = DiscoInfo.fromResponse(answer);
            assertThat(served.node()).isEqualTo(caps.caps().discoNode());
            assertThat(CapsVerifier.check(null, caps.caps(), served).status())
                    .isEqualTo(CapsVerification.Status.VERIFIED);
            // The old node is unknown now.
            assertThat(StanzaError.of(disco.responder().answer(Iq.get(null, DiscoInfo.query(firstNode)))).condition())
                    .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);

            ping.close();
            assertThat(caps.ver()).isEqualTo(defaultVer());
            local.addForm(DataForm.result("urn:xmpp:dataforms:softwareinfo").field("software", "xmppcert").build());
            assertThat(caps.ver()).isEqualTo(VerificationString.compute(local.info(), "sha-1")).isNotEqualTo(defaultVer());
            assertThat(announced).hasSize(3);

            caps.setNode("https://example.org/app");
            assertThat(caps.caps().node()).isEqualTo("https://example.org/app");
            assertThat(disco.responder().hasNode("https://example.org/app#" + caps.ver())).isTrue();
            assertThat(disco.responder().hasNode(EntityCapabilities.DEFAULT_NODE + "#" + caps.ver())).isFalse();
            session.abort();
        }
    }

    @Test
    void aDiscoQueryForTheCapsNodeIsAnsweredOnTheWire() throws Exception {
        String node = EntityCapabilities.DEFAULT_NODE + "#" + defaultVer();
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.script()
                .expect(Pattern.compile("<stream:stream [^>]*>")).send(SERVER_OPENING)
                .expect("<presence")
                .send("<iq type='get' id='caps1' from='juliet@example.test/balcony' to='romeo@example.test/orchard'>"
                        + "<query xmlns='http://jabber.org/protocol/disco#info' node='" + node + "'/></iq>")
                .expect(Pattern.compile("<iq [^>]*id=.caps1.[^>]*>.*?</iq>", Pattern.DOTALL))
                .expect("</stream:stream>").send("</stream:stream>")
                .awaitClose())) {
            XmppSession session = open(server);
            EntityCapabilities caps = EntityCapabilities.of(session);
            assertThat(caps.caps().discoNode()).isEqualTo(node);
            // The trigger for the script; presence itself is the presence package's business.
            session.send(Element.builder("presence", XmppNamespaces.CLIENT).child(caps.element()).build());
            // The router answers as the request arrives and leaves it queued: once it is seen, the answer is out.
            session.waitFor(e -> "caps1".equals(e.attribute("id")), BOUND, "the caps query");
            session.close(BOUND);
            server.assertScriptCompleted(BOUND);

            String sent = server.receivedText();
            Element answer = org.xmppcert.xmpp.disco.SpecExamples.parse(sent.substring(sent.indexOf("<iq "),
                    sent.indexOf("</iq>") + "</iq>".length()));
            assertThat(answer.attribute("type")).isEqualTo("result");
            assertThat(answer.attribute("to")).isEqualTo("juliet@example.test/balcony");
            DiscoInfo served = DiscoInfo.fromResponse(answer);
            assertThat(served.node()).isEqualTo(node);
            assertThat(CapsVerifier.check(null, caps.caps(), served).status())
                    .isEqualTo(CapsVerification.Status.VERIFIED);
        }
    }
}
