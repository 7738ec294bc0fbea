package org.xmppcert.xmpp.disco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.disco.SpecExamples.without;
import static org.xmppcert.xmpp.disco.SpecExamples.withoutIndentation;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * Every numbered example of XEP-0030 (in {@code xep-0030-examples.txt}, verbatim from the
 * spec), read with our stream parser into the typed values; every request built with our
 * builders and compared with the example; every answer a client could give produced by our
 * {@link DiscoResponder} and compared with the example. Comparison ignores the indentation, and
 * the {@code from} a server stamps (and the {@code id} the session adds to a request).
 */
class DiscoExamplesTest {

    private static final Map<String, String> EXAMPLES =
            SpecExamples.load(DiscoExamplesTest.class, "xep-0030-examples.txt");

    private static final String MUC = "http://jabber.org/protocol/muc";

    private static Element example(int n) {
        return SpecExamples.parse(text(n));
    }

    private static List<Element> examples(int n) {
        return SpecExamples.parseAll(text(n));
    }

    private static String text(int n) {
        String t = EXAMPLES.get(String.valueOf(n));
        if (t == null) {
            throw new AssertionError("no example " + n);
        }
        return t;
    }

    /** Our request, with the example's id and from, equals the example. */
    private static void assertSameRequest(Element built, Element example) {
        Element completed = built.toBuilder().attribute("id", example.attribute("id"))
                .attribute("from", example.attribute("from")).build();
        assertThat(completed).isEqualTo(withoutIndentation(example));
    }

    /** Our answer equals the example but for the {@code from} the server stamps. */
    private static void assertSameAnswer(Element answer, Element example) {
        assertThat(answer).isEqualTo(without(withoutIndentation(example), "from"));
    }

    @Test
    void theResourceHoldsAllTwentyEightExamples() {
        assertThat(EXAMPLES).hasSize(28);
        for (int n = 1; n <= 28; n++) {
            assertThat(EXAMPLES).containsKey(String.valueOf(n));
        }
    }

    @Test
    void example1_queryingForInformation() {
        Element ex = example(1);
        assertSameRequest(DiscoInfo.request(Jid.of("plays.shakespeare.lit"), null), ex);
        assertThat(DiscoInfo.isQuery(Iq.payload(ex))).isTrue();
    }

    @Test
    void example2_resultSetForInformationRequest() throws Exception {
        Element ex = example(2);
        DiscoInfo info = DiscoInfo.fromResponse(ex);
        assertThat(info.node()).isNull();
        assertThat(info.identities()).containsExactly(
                new LocalFeatures.Identity("conference", "text", "Play-Specific Chatrooms", null),
                new LocalFeatures.Identity("directory", "chatroom", "Play-Specific Chatrooms", null));
        assertThat(info.features()).containsExactly(
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", MUC,
                "jabber:iq:register", "jabber:iq:search", "jabber:iq:time", "jabber:iq:version");
        assertThat(info.forms()).isEmpty();
        assertThat(info.hasIdentity("directory", "chatroom")).isTrue();
        // Built back from the typed value, it is the example's payload.
        assertThat(info.toElement()).isEqualTo(withoutIndentation(Iq.payload(ex)));
    }

    @Test
    void example3_targetEntityDoesNotExist() {
        assertThatThrownBy(() -> DiscoInfo.fromResponse(example(3)))
                .isInstanceOfSatisfying(DiscoException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
                    assertThat(e.error().type()).isEqualTo("cancel");
                });
    }

    @Test
    void example4_serviceUnavailable() {
        assertThatThrownBy(() -> DiscoInfo.fromResponse(example(4)))
                .isInstanceOfSatisfying(DiscoException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
                    assertThat(e.error().type()).isEqualTo("cancel");
                });
    }

    @Test
    void example5_requestingInfoFromABareJid() {
        assertSameRequest(DiscoInfo.request(Jid.of("juliet@capulet.com"), null), example(5));
    }

    @Test
    void example6_serverRepliesOnBehalfOfBareJid() throws Exception {
        DiscoInfo info = DiscoInfo.fromResponse(example(6));
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("account", "registered", null, null));
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO);
        assertThat(info.toElement()).isEqualTo(withoutIndentation(Iq.payload(example(6))));
    }

    @Test
    void example7_queryingASpecificConferenceRoom() throws Exception {
        List<Element> ex = examples(7);
        assertThat(ex).hasSize(2);
        assertSameRequest(DiscoInfo.request(Jid.of("balconyscene@plays.shakespeare.lit"), null), ex.get(0));
        DiscoInfo info = DiscoInfo.fromResponse(ex.get(1));
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("conference", "text", "A Dark Cave",
                null));
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO, MUC, "muc_passwordprotected",
                "muc_hidden", "muc_temporary", "muc_open", "muc_unmoderated", "muc_nonanonymous");
        // Attribute order differs in the example (category, name, type): it does not matter.
        assertThat(info.toElement()).isEqualTo(withoutIndentation(Iq.payload(ex.get(1))));
    }

    @Test
    void example8_queryingAConnectedResource_answeredByOurResponder() throws Exception {
        List<Element> ex = examples(8);
        assertSameRequest(DiscoInfo.request(Jid.of("romeo@montague.net/orchard"), null), ex.get(0));
        DiscoInfo info = DiscoInfo.fromResponse(ex.get(1));
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("client", "pc", "Gabber", null));
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO, "jabber:iq:time", "jabber:iq:version");

        // A client that is Gabber and handles time and version answers exactly this.
        LocalFeatures gabber = LocalFeatures.detached();
        gabber.setIdentities(List.of(new LocalFeatures.Identity("client", "pc", "Gabber", null)));
        gabber.addFeature("jabber:iq:time");
        gabber.addFeature("jabber:iq:version");
        assertSameAnswer(new DiscoResponder(gabber).answer(ex.get(0)), ex.get(1));
    }

    @Test
    void example9_queryingASpecificJidAndNode() {
        Element ex = example(9);
        assertSameRequest(DiscoInfo.request(Jid.of("mim.shakespeare.lit"), "http://jabber.org/protocol/commands"), ex);
        assertThat(Iq.payload(ex).attribute("node")).isEqualTo("http://jabber.org/protocol/commands");
    }

    @Test
    void example10_jidNodeResult_withTheNodeMirrored() throws Exception {
        Element ex = example(10);
        DiscoInfo info = DiscoInfo.fromResponse(ex);
        assertThat(info.node()).isEqualTo("http://jabber.org/protocol/commands");
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("automation", "command-list", null,
                null));
        assertThat(info.features()).containsExactly(LocalFeatures.DISCO_INFO);

        // Our responder with that node registered answers Example 9 with Example 10.
        DiscoResponder mim = new DiscoResponder(LocalFeatures.detached());
        mim.registerNode("http://jabber.org/protocol/commands", DiscoNode.of(new DiscoInfo(null,
                List.of(new LocalFeatures.Identity("automation", "command-list", null, null)),
                List.of(LocalFeatures.DISCO_INFO), List.of())));
        assertSameAnswer(mim.answer(example(9)), ex);
    }

    @Test
    void example11_requestingAllItems() {
        assertSameRequest(DiscoItems.request(Jid.of("shakespeare.lit"), null), example(11));
    }

    @Test
    void example12_resultSetForAllItems() throws Exception {
        Element ex = example(12);
        DiscoItems items = DiscoItems.fromResponse(ex);
        assertThat(items.node()).isNull();
        assertThat(items.items()).hasSize(8);
        assertThat(items.items().get(0)).isEqualTo(
                new DiscoItems.Item(Jid.of("people.shakespeare.lit"), null, "Directory of Characters"));
        assertThat(items.items().get(7)).isEqualTo(
                new DiscoItems.Item(Jid.of("en2fr.shakespeare.lit"), null, "French Translation Service"));
        assertThat(items.items()).extracting(i -> i.jid().toString()).containsExactly("people.shakespeare.lit",
                "plays.shakespeare.lit", "mim.shakespeare.lit", "words.shakespeare.lit", "globe.shakespeare.lit",
                "headlines.shakespeare.lit", "catalog.shakespeare.lit", "en2fr.shakespeare.lit");
        assertThat(items.item(Jid.of("catalog.shakespeare.lit")).orElseThrow().name())
                .isEqualTo("Buy Shakespeare Stuff!");
        assertThat(items.toElement()).isEqualTo(withoutIndentation(Iq.payload(ex)));
    }

    @Test
    void example13_emptyResultSet_isWhatOurResponderAnswersByDefault() throws Exception {
        Element ex = example(13);
        assertThat(DiscoItems.fromResponse(ex).items()).isEmpty();
        assertSameAnswer(new DiscoResponder(LocalFeatures.detached()).answer(example(11)), ex);
    }

    @Test
    void example14_requestingItemsFromABareJid() {
        assertSameRequest(DiscoItems.request(Jid.of("juliet@capulet.com"), null), example(14));
    }

    @Test
    void example15_serverRepliesOnBehalfOfBareJid() throws Exception {
        DiscoItems items = DiscoItems.fromResponse(example(15));
        assertThat(items.items()).containsExactly(DiscoItems.Item.of(Jid.of("juliet@capulet.com/balcony")),
                DiscoItems.Item.of(Jid.of("juliet@capulet.com/chamber")));
    }

    @Test
    void example16_requestingNodes() {
        assertSameRequest(DiscoItems.request(Jid.of("catalog.shakespeare.lit"), null), example(16));
    }

    @Test
    void example17_serviceReturnsNodes_asOurResponderDoesWithItemsAdded() throws Exception {
        Element ex = example(17);
        DiscoItems items = DiscoItems.fromResponse(ex);
        Jid catalog = Jid.of("catalog.shakespeare.lit");
        assertThat(items.items()).containsExactly(
                new DiscoItems.Item(catalog, "books", "Books by and about Shakespeare"),
                new DiscoItems.Item(catalog, "clothing", "Wear your literary taste with pride"),
                new DiscoItems.Item(catalog, "music", "Music from the time of Shakespeare"));

        DiscoResponder responder = new DiscoResponder(LocalFeatures.detached());
        items.items().forEach(responder::addItem);
        assertSameAnswer(responder.answer(example(16)), ex);
    }

    @Test
    void example18_requestingFurtherNodes() {
        assertSameRequest(DiscoItems.request(Jid.of("catalog.shakespeare.lit"), "music"), example(18));
    }

    @Test
    void example19_serviceReturnsFurtherNodes_theEllipsisIsIgnored() throws Exception {
        DiscoItems items = DiscoItems.fromResponse(example(19));
        assertThat(items.node()).isEqualTo("music");
        assertThat(items.items()).extracting(DiscoItems.Item::node)
                .containsExactly("music/A", "music/B", "music/C", "music/D");
        assertThat(items.items()).allSatisfy(i -> {
            assertThat(i.jid()).isEqualTo(Jid.of("catalog.shakespeare.lit"));
            assertThat(i.name()).isNull();
        });

        // Our responder answers Example 18 with the same items under the mirrored node.
        DiscoResponder responder = new DiscoResponder(LocalFeatures.detached());
        responder.registerNode("music", DiscoNode.of(new DiscoInfo(null,
                List.of(new LocalFeatures.Identity("hierarchy", "branch", null, null)),
                List.of(LocalFeatures.DISCO_INFO), List.of()), items.items()));
        assertThat(DiscoItems.fromResponse(responder.answer(example(18)))).isEqualTo(items);
    }

    @Test
    void example20_requestingEvenMoreNodes() {
        assertSameRequest(DiscoItems.request(Jid.of("catalog.shakespeare.lit"), "music/D"), example(20));
    }

    @Test
    void example21_serviceReturnsEvenMoreNodes() throws Exception {
        Element ex = example(21);
        DiscoItems items = DiscoItems.fromResponse(ex);
        assertThat(items.node()).isEqualTo("music/D");
        Jid catalog = Jid.of("catalog.shakespeare.lit");
        assertThat(items.items()).containsExactly(
                new DiscoItems.Item(catalog, "music/D/dowland-firstbooke",
                        "John Dowland - First Booke of Songes or Ayres"),
                new DiscoItems.Item(catalog, "music/D/dowland-solace", "John Dowland - A Pilgrimes Solace"));

        DiscoResponder responder = new DiscoResponder(LocalFeatures.detached());
        responder.registerNode("music/D", DiscoNode.of(new DiscoInfo(null,
                List.of(new LocalFeatures.Identity("hierarchy", "branch", null, null)),
                List.of(LocalFeatures.DISCO_INFO), List.of()), items.items()));
        assertSameAnswer(responder.answer(example(20)), ex);
    }

    @Test
    void example22_userQueriesEntityRegardingTunes() {
        assertSameRequest(DiscoItems.request(Jid.of("romeo@montague.net"), "http://jabber.org/protocol/tune"),
                example(22));
    }

    @Test
    void example23_entityReturnsMultipleItems_withAnEscapedApostrophe() throws Exception {
        DiscoItems items = DiscoItems.fromResponse(example(23));
        assertThat(items.node()).isEqualTo("http://jabber.org/protocol/tune");
        assertThat(items.items()).containsExactly(
                new DiscoItems.Item(Jid.of("pubsub.shakespeare.lit"), "s623nms9s3bfh8js", "Romeo's CD player"),
                new DiscoItems.Item(Jid.of("pubsub.montague.net"), "music/R/Romeo/iPod", null),
                new DiscoItems.Item(Jid.of("tunes.characters.lit"), "g8k4kds9sd89djf3", null));
        assertThat(items.toElement()).isEqualTo(withoutIndentation(Iq.payload(example(23))));
    }

    @Test
    void example24_jidNodeError_asOurResponderAnswersARefusal() {
        Element ex = example(24);
        assertThatThrownBy(() -> DiscoInfo.fromResponse(ex)).isInstanceOfSatisfying(DiscoException.class, e -> {
            assertThat(e.condition()).isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
            assertThat(e.error().type()).isEqualTo("cancel");
        });
        // The query, with its node, is echoed before the error.
        assertThat(Iq.payload(ex).attribute("node")).isEqualTo("http://jabber.org/protocol/commands");

        DiscoResponder mim = new DiscoResponder(LocalFeatures.detached());
        mim.registerNode("http://jabber.org/protocol/commands", requester -> {
            throw DiscoException.refusal(StanzaErrorCondition.NOT_ALLOWED);
        });
        assertSameAnswer(mim.answer(example(9)), ex);
    }

    @Test
    void examples25and26_infoUriAndItsStanza() {
        assertThat(text(25)).isEqualTo("xmpp:romeo@montague.net?disco;type=get;request=info");
        assertThat(DiscoUri.request(text(25))).isEqualTo(withoutIndentation(example(26)));
        assertThat(DiscoInfo.request(Jid.of("romeo@montague.net"), null)).isEqualTo(withoutIndentation(example(26)));
    }

    @Test
    void examples27and28_itemsUriAndItsStanza() {
        assertThat(text(27)).isEqualTo("xmpp:romeo@montague.net?disco;type=get;request=items");
        assertThat(DiscoUri.request(text(27))).isEqualTo(withoutIndentation(example(28)));
        assertThat(DiscoItems.request(Jid.of("romeo@montague.net"), null)).isEqualTo(withoutIndentation(example(28)));
    }
}
