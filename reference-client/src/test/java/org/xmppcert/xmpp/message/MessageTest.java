package org.xmppcert.xmpp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** Parsing and building messages, with the examples of RFC 3921 §4 and RFC 6121 §5.2 as test vectors. */
class MessageTest {

    /** RFC 3921 §4.4 "A message with a subject" (the cz alternatives as character references). */
    private static final String RFC3921_4_4 = """
            <message
                to='romeo@example.net'
                from='juliet@example.com/balcony'
                type='chat'
                xml:lang='en'>
              <subject>I implore you!</subject>
              <subject
                  xml:lang='cz'>&#x00DA;p&#x011B;nliv&#x011B; prosim!</subject>
              <body>Wherefore art thou, Romeo?</body>
              <body xml:lang='cz'>Pro&#x010D;e&#x017D; jsi ty, Romeo?</body>
            </message>""";

    /** RFC 6121 §5.2.5, the last example: thread with a parent, texts with surrounding whitespace. */
    private static final String RFC6121_5_2_5 = """
            <message
                from='juliet@example.com/balcony'
                to='romeo@example.net'
                type='chat'
                xml:lang='en'>
              <subject>I implore you!</subject>
              <subject xml:lang='cs'>
                &#x00DA;p&#x011B;nliv&#x011B; pros&#x00ED;m!
              </subject>
              <body>Wherefore art thou, Romeo?</body>
              <body xml:lang='cs'>
                 Pro&#x010D;e&#x017E; jsi ty, Romeo?
              </body>
              <thread parent='e0ffe42b28561960c6b12b944a092794b9683a38'>
                0e3141cd80894871a68e6fe6b1ec56fa
              </thread>
            </message>""";

    @Test
    void rfc3921Section4_4SubjectAndBodyWithCzechAlternatives() {
        Message m = Message.parse(XmlSnippets.parse(RFC3921_4_4));

        assertThat(m.type()).isEqualTo(MessageType.CHAT);
        assertThat(m.to()).isEqualTo("romeo@example.net");
        assertThat(m.fromJid()).contains(Jid.of("juliet@example.com/balcony"));
        assertThat(m.lang()).isEqualTo("en");
        assertThat(m.body()).contains("Wherefore art thou, Romeo?");
        assertThat(m.body("en")).contains("Wherefore art thou, Romeo?");
        assertThat(m.body("cz")).contains("Pro\u010De\u017D jsi ty, Romeo?");
        assertThat(m.subject()).contains("I implore you!");
        assertThat(m.subject("cz")).contains("\u00DAp\u011Bnliv\u011B prosim!");
        assertThat(m.bodies()).extracting(LocalizedText::ownLang, LocalizedText::lang)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "en"),
                        org.assertj.core.groups.Tuple.tuple("cz", "cz"));
        assertThat(m.thread()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void theBuilderWritesTheRfc3921Section4_4ExampleExactly() {
        Message built = Message.builder().to("romeo@example.net").from("juliet@example.com/balcony")
                .type(MessageType.CHAT).lang("en")
                .subject("I implore you!").subject("cz", "\u00DAp\u011Bnliv\u011B prosim!")
                .body("Wherefore art thou, Romeo?").body("cz", "Pro\u010De\u017D jsi ty, Romeo?")
                .build();

        assertThat(built.toElement()).isEqualTo(XmlSnippets.parse(RFC3921_4_4));
    }

    @Test
    void rfc6121Section5_2_5ThreadWithParentIsKeptExactly() {
        Message m = Message.parse(XmlSnippets.parseExactly(RFC6121_5_2_5));

        MessageThread t = m.thread().orElseThrow();
        assertThat(t.parent()).isEqualTo("e0ffe42b28561960c6b12b944a092794b9683a38");
        // Opaque, compared only exactly (§5.2.5): the whitespace of the example is part of it.
        assertThat(t.id()).isEqualTo("\n    0e3141cd80894871a68e6fe6b1ec56fa\n  ");
        assertThat(m.body("cs")).contains("\n     Pro\u010De\u017E jsi ty, Romeo?\n  ");
        assertThat(m.subject("cs")).hasValueSatisfying(s -> assertThat(s.strip()).isEqualTo(
                "\u00DAp\u011Bnliv\u011B pros\u00EDm!"));
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void theBuilderWritesAThreadWithItsParent() {
        Element e = Message.builder().thread("child-1", "parent-0").build().toElement();

        assertThat(e.child("thread", "jabber:client").attribute("parent")).isEqualTo("parent-0");
        assertThat(e.childText("thread", "jabber:client")).isEqualTo("child-1");
        assertThat(Message.builder().thread("only").build().thread()).contains(MessageThread.of("only"));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyTypeRoundTrips(MessageType type) {
        Message m = Message.builder().to("romeo@example.net").type(type).body("x").build();

        assertThat(m.typeAttribute()).isEqualTo(type.value());
        assertThat(Message.parse(m.toElement()).type()).isEqualTo(type);
    }

    @Test
    void aMessageWithoutTypeIsNormal() {
        Message m = Message.parse(XmlSnippets.parse("<message to='romeo@example.net'><body>hi</body></message>"));

        assertThat(m.typeAttribute()).isNull();
        assertThat(m.type()).isEqualTo(MessageType.NORMAL);
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void anUndefinedTypeIsReadAsNormalAndReported() {
        Message m = Message.parse(XmlSnippets.parse("<message type='urgent'><body>hi</body></message>"));

        assertThat(m.type()).isEqualTo(MessageType.NORMAL);
        assertThat(m.typeAttribute()).isEqualTo("urgent");
        assertThat(m.problems()).singleElement().asString().contains("§5.2.2").contains("urgent");
    }

    @Test
    void typeParsingIsExact() {
        assertThat(MessageType.parse("chat")).contains(MessageType.CHAT);
        assertThat(MessageType.parse("CHAT")).isEmpty();
        assertThat(MessageType.parse(null)).isEmpty();
        assertThat(MessageType.of("Chat")).isEqualTo(MessageType.NORMAL);
    }

    @Test
    void aBodyWithoutLanguageIsInTheStreamsLanguageWhenTheMessageHasNone() {
        Element e = XmlSnippets.parse("<message><body>Hello</body><body xml:lang='cs'>Ahoj</body></message>");

        Message fromEnglishStream = Message.parse(e, "en");
        assertThat(fromEnglishStream.defaultLang()).isEqualTo("en");
        assertThat(fromEnglishStream.body("en")).contains("Hello");
        assertThat(fromEnglishStream.body()).contains("Hello");
        assertThat(fromEnglishStream.body("cs")).contains("Ahoj");

        Message noStreamLanguage = Message.parse(e);
        assertThat(noStreamLanguage.defaultLang()).isNull();
        assertThat(noStreamLanguage.body("en")).isEmpty();
        assertThat(noStreamLanguage.body()).contains("Hello");
    }

    @Test
    void theMessagesOwnLanguageWinsOverTheStreams() {
        Element e = XmlSnippets.parse("<message xml:lang='de'><body>Hallo</body><body xml:lang='en'>Hello</body></message>");

        Message m = Message.parse(e, "en");
        assertThat(m.defaultLang()).isEqualTo("de");
        assertThat(m.body()).contains("Hallo");
        assertThat(m.body("de")).contains("Hallo");
        assertThat(m.body("en")).contains("Hello");
    }

    @Test
    void theDefaultBodyIsTheOneInTheDefaultLanguageWhereverItStands() {
        Element e = XmlSnippets.parse("<message xml:lang='en'><body xml:lang='cs'>Ahoj</body>"
                + "<body xml:lang='EN'>Hello</body></message>");

        assertThat(Message.parse(e).body()).contains("Hello");
    }

    @Test
    void languageLookupFollowsRfc4647() {
        Element e = XmlSnippets.parse("<message><body xml:lang='de'>Hallo</body><body xml:lang='zh-Hant'>x</body>"
                + "<body xml:lang='en-GB'>Hello</body></message>");
        Message m = Message.parse(e);

        assertThat(m.body("de-CH")).contains("Hallo");
        assertThat(m.body("DE")).contains("Hallo");
        // RFC 4647 §3.4's example: the private-use singleton is dropped with its subtag.
        assertThat(m.body("zh-Hant-CN-x-private1-private2")).contains("x");
        // Lookup never widens a range: "en" does not find "en-GB".
        assertThat(m.body("en")).isEmpty();
        assertThat(m.body("fr")).isEmpty();
    }

    @Test
    void noBodyIsEmpty() {
        Message m = Message.builder().subject("only a subject").build();

        assertThat(m.body()).isEmpty();
        assertThat(m.body("en")).isEmpty();
        assertThat(m.bodies()).isEmpty();
        assertThat(m.subject()).contains("only a subject");
    }

    @Test
    void twoBodiesInTheSameLanguageAreReported() {
        assertThat(Message.parse(XmlSnippets.parse("<message><body xml:lang='en'>a</body><body xml:lang='en'>b</body>"
                + "</message>")).problems()).singleElement().asString().contains("§5.2.3").contains("'en'");
        assertThat(Message.parse(XmlSnippets.parse("<message><body>a</body><body>b</body></message>")).problems())
                .singleElement().asString().contains("§5.2.3").contains("none given");
        // The same language by inheritance (§5.2.3: "either explicitly or by inheritance").
        assertThat(Message.parse(XmlSnippets.parse("<message xml:lang='en'><body>a</body><body xml:lang='en'>b</body>"
                + "</message>")).problems()).singleElement().asString().contains("§5.2.3");
        assertThat(Message.parse(XmlSnippets.parse("<message><body>a</body><body xml:lang='en'>b</body></message>"), "en")
                .problems()).singleElement().asString().contains("§5.2.3");
        assertThat(Message.parse(XmlSnippets.parse("<message><subject>a</subject><subject>b</subject></message>"))
                .problems()).singleElement().asString().contains("§5.2.4");
    }

    @Test
    void threadRulesAreReported() {
        List<String> two = Message.parse(XmlSnippets.parse("<message><thread>a</thread><thread>b</thread></message>"))
                .problems();
        assertThat(two).singleElement().asString().contains("more than one <thread/>");

        List<String> selfParent = Message.parse(XmlSnippets.parse("<message><thread parent='a'>a</thread></message>"))
                .problems();
        assertThat(selfParent).singleElement().asString().contains("parent must differ");
    }

    @Test
    void mixedContentIsReported() {
        Message m = Message.parse(XmlSnippets.parse("<message><body>a<b xmlns='urn:x'>bold</b></body></message>"));

        assertThat(m.problems()).singleElement().asString().contains("mixed content");
    }

    @Test
    void anErrorMessageCarriesItsError() {
        Message bounced = Message.builder().type(MessageType.ERROR).id("m1").body("hi")
                .error(StanzaError.build("cancel", StanzaErrorCondition.SERVICE_UNAVAILABLE, null)).build();

        assertThat(bounced.error()).hasValueSatisfying(e ->
                assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertThat(bounced.problems()).isEmpty();

        Message withoutError = Message.builder().type(MessageType.ERROR).build();
        assertThat(withoutError.problems()).singleElement().asString().contains("no <error/>");
        assertThat(Message.builder().type(MessageType.CHAT).build().error()).isEmpty();
    }

    @Test
    void extensionsAreTheChildrenInOtherNamespaces() {
        Element html = XmlSnippets.parse("<html xmlns='http://jabber.org/protocol/xhtml-im'><p>x</p></html>");
        Message m = Message.builder().body("x").extension(html).build();

        assertThat(m.extensions()).containsExactly(html);
        assertThat(m.extension("html", "http://jabber.org/protocol/xhtml-im")).isEqualTo(html);
    }

    @Test
    void onlyJabberClientMessagesAreMessages() {
        Element iq = XmlSnippets.parse("<iq type='get' id='1'/>");

        assertThat(Message.isMessage(iq)).isFalse();
        assertThatThrownBy(() -> Message.parse(iq)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Message.isMessage(Element.of("message", "jabber:server"))).isFalse();
    }

    @Test
    void anUnparsableFromIsKeptRawAndHasNoJid() {
        Message m = Message.parse(XmlSnippets.parse("<message from='@@bad@@'/>"));

        assertThat(m.from()).isEqualTo("@@bad@@");
        assertThat(m.fromJid()).isEmpty();
        assertThat(m.toJid()).isEmpty();
    }
}
