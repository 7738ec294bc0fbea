package org.xmppcert.xmpp.disco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/** The answering side of XEP-0030: defaults, nodes, and the error cases of §3.2 and §7. */
class DiscoResponderTest {

    private static final String ASKER = "juliet@capulet.lit/balcony";

    private final LocalFeatures local = LocalFeatures.detached();
    private final DiscoResponder responder = new DiscoResponder(local);

    private static Element get(Element query) {
        return Iq.get("romeo@montague.lit/orchard", query).toBuilder().attribute("id", "q1")
                .attribute("from", ASKER).build();
    }

    @Test
    void infoWithoutNodeIsWhatLocalFeaturesHolds_clientPcAndDiscoInfo() throws Exception {
        Element answer = responder.answer(get(DiscoInfo.query(null)));
        assertThat(answer.attribute("type")).isEqualTo("result");
        assertThat(answer.attribute("id")).isEqualTo("q1");
        assertThat(answer.attribute("to")).isEqualTo(ASKER);
        DiscoInfo info = DiscoInfo.fromResponse(answer);
        assertThat(info.node()).isNull();
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("client", "pc", "xmppcert", null));
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO);
    }

    @Test
    void aFeatureIsAnsweredWhileItsRegistrationIsOpen() throws Exception {
        Registration ping = local.addFeature("urn:xmpp:ping");
        assertThat(DiscoInfo.fromResponse(responder.answer(get(DiscoInfo.query(null)))).features())
                .contains("urn:xmpp:ping");
        ping.close();
        assertThat(DiscoInfo.fromResponse(responder.answer(get(DiscoInfo.query(null)))).features())
                .doesNotContain("urn:xmpp:ping");
    }

    @Test
    void extendedInformationFormsAreAnsweredAfterFeatures() throws Exception {
        DataForm form = DataForm.result("urn:xmpp:dataforms:softwareinfo").field("software", "xmppcert").build();
        local.addForm(form);
        Element query = Iq.payload(responder.answer(get(DiscoInfo.query(null))));
        assertThat(query.elements()).extracting(Element::name).containsExactly("identity", "feature", "x");
        assertThat(DiscoInfo.parse(query).form("urn:xmpp:dataforms:softwareinfo")).contains(form);
    }

    @Test
    void anUnknownInfoNodeIsItemNotFound_withTheQueryEchoed() {
        Element answer = responder.answer(get(DiscoInfo.query("no-such-node")));
        assertThat(answer.attribute("type")).isEqualTo("error");
        assertThat(StanzaError.of(answer).condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(StanzaError.of(answer).type()).isEqualTo("cancel");
        assertThat(Iq.payload(answer)).isEqualTo(DiscoInfo.query("no-such-node"));
    }

    @Test
    void anUnknownItemsNodeIsItemNotFoundToo() {
        Element answer = responder.answer(get(DiscoItems.query("no-such-node")));
        assertThat(StanzaError.of(answer).condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(Iq.payload(answer)).isEqualTo(DiscoItems.query("no-such-node"));
    }

    @Test
    void itemsWithoutNodeAreAnEmptyQueryRatherThanAnError() throws Exception {
        Element answer = responder.answer(get(DiscoItems.query(null)));
        assertThat(answer.attribute("type")).isEqualTo("result");
        assertThat(Iq.payload(answer)).isEqualTo(DiscoItems.query(null));
        assertThat(DiscoItems.fromResponse(answer).items()).isEmpty();
    }

    @Test
    void aRegisteredNodeAnswersInfoAndItemsWithTheNodeMirrored_untilClosed() throws Exception {
        DiscoInfo nodeInfo = new DiscoInfo("ignored", List.of(new LocalFeatures.Identity("hierarchy", "leaf", null,
                null)), List.of(LocalFeatures.DISCO_INFO), List.of());
        AtomicReference<Jid> askedBy = new AtomicReference<>();
        Registration reg = responder.registerNode("n1", new DiscoNode() {
            @Override
            public DiscoInfo info(Jid requester) {
                askedBy.set(requester);
                return nodeInfo;
            }

            @Override
            public List<DiscoItems.Item> items(Jid requester) {
                return List.of(new DiscoItems.Item(Jid.of("romeo@montague.lit"), "n1/a", null));
            }
        });
        DiscoInfo info = DiscoInfo.fromResponse(responder.answer(get(DiscoInfo.query("n1"))));
        assertThat(info.node()).isEqualTo("n1");
        assertThat(info.identities()).isEqualTo(nodeInfo.identities());
        assertThat(askedBy.get()).isEqualTo(Jid.of(ASKER));
        DiscoItems items = DiscoItems.fromResponse(responder.answer(get(DiscoItems.query("n1"))));
        assertThat(items.node()).isEqualTo("n1");
        assertThat(items.items()).extracting(DiscoItems.Item::node).containsExactly("n1/a");

        reg.close();
        assertThat(responder.hasNode("n1")).isFalse();
        assertThat(StanzaError.of(responder.answer(get(DiscoInfo.query("n1")))).condition())
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @Test
    void aRegisteredNodeIsNotListedAsAnItem() throws Exception {
        responder.registerNode("caps#ver", DiscoNode.of(local.info()));
        assertThat(DiscoItems.fromResponse(responder.answer(get(DiscoItems.query(null)))).items()).isEmpty();
    }

    @Test
    void aNodeMayRefuseWithAnyCondition() {
        responder.registerNode("secret", requester -> {
            throw DiscoException.refusal(StanzaErrorCondition.FORBIDDEN);
        });
        Element answer = responder.answer(get(DiscoInfo.query("secret")));
        assertThat(StanzaError.of(answer).condition()).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(StanzaError.of(answer).type()).isEqualTo("auth");
    }

    @Test
    void aRequestWithoutFromReachesTheNodeWithoutRequester() throws Exception {
        AtomicReference<Jid> askedBy = new AtomicReference<>(Jid.of("placeholder.example"));
        responder.registerNode("n", requester -> {
            askedBy.set(requester);
            return local.info();
        });
        Element request = Iq.get(null, DiscoInfo.query("n")).toBuilder().attribute("id", "x").build();
        assertThat(responder.answer(request).attribute("to")).isNull();
        assertThat(askedBy.get()).isNull();
    }

    @Test
    void everyIdentityIsAnsweredWhateverTheRequestsLanguage() throws Exception {
        // XEP-0115 §6.2: identities in several xml:lang are all returned, even to a request in one language.
        List<LocalFeatures.Identity> both = List.of(new LocalFeatures.Identity("client", "pc", "Psi 0.11", "en"),
                new LocalFeatures.Identity("client", "pc", "Ψ 0.11", "el"));
        local.setIdentities(both);
        Element request = get(DiscoInfo.query(null)).toBuilder().lang("en").build();
        assertThat(DiscoInfo.fromResponse(responder.answer(request)).identities()).isEqualTo(both);
    }

    @Test
    void discoInfoSupportIsInferredWhenNotListed_butHasFeatureSaysWhatWasListed() throws Exception {
        // XEP-0030 §3.1 note; Prosody's answer for an account is like this.
        DiscoInfo account = DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'><query"
                + " xmlns='http://jabber.org/protocol/disco#info'><identity category='account' type='registered'/>"
                + "</query></iq>"));
        assertThat(account.hasFeature(LocalFeatures.DISCO_INFO)).isFalse();
        assertThat(account.supports(LocalFeatures.DISCO_INFO)).isTrue();
        assertThat(account.supports(DiscoItems.NAMESPACE)).isFalse();
    }

    @Test
    void onlyDiscoGetsAreAnswered() {
        assertThatThrownBy(() -> responder.answer(Iq.set(null, DiscoInfo.query(null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> responder.answer(Iq.get(null, Element.of("ping", "urn:xmpp:ping"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
