package org.xmppcert.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlStreamParserTest {

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s1'"
            + " version='1.0' xml:lang='en'>";

    static final String STREAM = HEADER
            + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
            + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism>"
            + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>\n  "
            + "<message to='juliet@example.com/balcony' type='chat' xml:lang='fr'>"
            + "<body>Ça va ? &lt;3 &amp; &#x1F600; &#65; \uD83D\uDE00 &apos;&quot;</body>"
            + "<body xml:lang='en'><![CDATA[<not markup>]]></body>"
            + "<x:data xmlns:x='urn:example:x' x:attr='v'><x:item>1</x:item>text<empty/></x:data>"
            + "</message> "
            + "<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>"
            + "</stream:stream>";

    @Test
    void readsHeaderElementsAndClose() {
        RecordingListener l = RecordingListener.parse(STREAM);

        assertThat(l.error).isNull();
        assertThat(l.root.name()).isEqualTo("stream");
        assertThat(l.root.prefix()).isEqualTo("stream");
        assertThat(l.root.namespace()).isEqualTo("http://etherx.jabber.org/streams");
        assertThat(l.root.attribute("from")).isEqualTo("example.com");
        assertThat(l.root.lang()).isEqualTo("en");
        assertThat(l.root.namespaceDeclarations()).containsEntry("", "jabber:client")
                .containsEntry("stream", "http://etherx.jabber.org/streams");
        assertThat(l.elements).hasSize(3);
        assertThat(l.events.get(l.events.size() - 1)).isEqualTo("close");

        Element features = l.elements.get(0);
        assertThat(features.is("features", "http://etherx.jabber.org/streams")).isTrue();
        assertThat(features.child("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl").elements())
                .extracting(Element::text).containsExactly("SCRAM-SHA-1", "PLAIN");

        Element message = l.elements.get(1);
        assertThat(message.namespace()).isEqualTo("jabber:client");
        assertThat(message.lang()).isEqualTo("fr");
        List<Element> bodies = message.elements("body", "jabber:client");
        assertThat(bodies.get(0).text()).isEqualTo("Ça va ? <3 & \uD83D\uDE00 A \uD83D\uDE00 '\"");
        assertThat(bodies.get(1).text()).isEqualTo("<not markup>");
        assertThat(bodies.get(1).lang()).isEqualTo("en");
        Element data = message.child("data", "urn:example:x");
        assertThat(data.prefix()).isEqualTo("x");
        assertThat(data.attribute("urn:example:x", "attr")).isEqualTo("v");
        assertThat(data.text()).isEqualTo("text");
        assertThat(data.child("empty", "jabber:client")).as("unprefixed child inherits the default namespace")
                .isNotNull();
    }

    @Test
    void sameEventsWhateverTheSplitPoint() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<String> whole = RecordingListener.parse(bytes, XmlLimits.DEFAULT).events;

        for (int split = 0; split <= bytes.length; split++) {
            RecordingListener l = new RecordingListener();
            XmlStreamParser p = new XmlStreamParser(XmlLimits.DEFAULT, l);
            p.feed(bytes, 0, split);
            p.feed(bytes, split, bytes.length - split);
            assertThat(l.events).as("split at byte %d", split).isEqualTo(whole);
        }
    }

    @Test
    void sameEventsFedOneByteAtATime() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        RecordingListener l = new RecordingListener();
        XmlStreamParser p = new XmlStreamParser(XmlLimits.DEFAULT, l);
        for (int i = 0; i < bytes.length; i++) {
            p.feed(bytes, i, 1);
        }
        assertThat(l.events).isEqualTo(RecordingListener.parse(bytes, XmlLimits.DEFAULT).events);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!-- a comment --><message/>",
        "<?php echo 1; ?><message/>",
        "<message><!-- inside --></message>",
        "<message>&custom;</message>",
        "<message to='&custom;'/>"})
    void refusesRestrictedXmlInsideTheStream(String body) {
        RecordingListener l = RecordingListener.parse(HEADER + body);
        assertThat(l.error).isNotNull();
        assertThat(l.error.violation()).isEqualTo(XmlViolation.RESTRICTED_XML);
        assertThat(l.elements).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version='1.0'?><!DOCTYPE stream SYSTEM 'http://127.0.0.1:1/evil.dtd'>",
        "<!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                + "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>]>",
        "<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"})
    void refusesEveryDtdBeforeReadingAnything(String prolog) {
        RecordingListener l = RecordingListener.parse(prolog + HEADER.substring(HEADER.indexOf("<stream:"))
                + "<message><body>&lol2;&xxe;</body></message>");
        assertThat(l.error.violation()).isEqualTo(XmlViolation.RESTRICTED_XML);
        assertThat(l.root).as("the stream header is never reached").isNull();
        assertThat(l.elements).isEmpty();
    }

    @Test
    void acceptsThePredefinedEntitiesAndCharacterReferences() {
        RecordingListener l = RecordingListener.parse(HEADER + "<message><body>&lt;&gt;&amp;&apos;&quot;&#x41;&#66;</body></message>");
        assertThat(l.error).isNull();
        assertThat(l.elements.get(0).childText("body", "jabber:client")).isEqualTo("<>&'\"AB");
    }

    @Test
    void refusesAnotherEncoding() {
        RecordingListener l = RecordingListener.parse(
                "<?xml version='1.0' encoding='ISO-8859-1'?>" + HEADER.substring(HEADER.indexOf("<stream:")));
        assertThat(l.error.violation()).isEqualTo(XmlViolation.UNSUPPORTED_ENCODING);
        assertThat(l.error.message()).contains("ISO-8859-1");
    }

    @Test
    void refusesMalformedInput() {
        assertThat(RecordingListener.parse(HEADER + "<x:message/>").error.violation())
                .as("undeclared prefix").isEqualTo(XmlViolation.NOT_WELL_FORMED);
        assertThat(RecordingListener.parse(HEADER + "<message></body>").error.violation())
                .as("mismatched end tag").isEqualTo(XmlViolation.NOT_WELL_FORMED);
        assertThat(RecordingListener.parse(HEADER + "<message>\u0001</message>").error.violation())
                .as("character outside XML 1.0").isEqualTo(XmlViolation.NOT_WELL_FORMED);
        assertThat(RecordingListener.parse(HEADER + "<message a='1' a='2'/>").error.violation())
                .as("repeated attribute").isEqualTo(XmlViolation.NOT_WELL_FORMED);

        byte[] latin1 = (HEADER + "<message><body>é</body></message>").getBytes(StandardCharsets.ISO_8859_1);
        RecordingListener l = RecordingListener.parse(latin1, XmlLimits.DEFAULT);
        assertThat(l.error.violation()).as("invalid UTF-8").isEqualTo(XmlViolation.NOT_WELL_FORMED);
        assertThat(l.error.recentInput()).contains("<body>").contains("\uFFFD");
    }

    @Test
    void refusesTextBetweenStanzasButAcceptsWhitespace() {
        assertThat(RecordingListener.parse(HEADER + " \n\t<message/>\r\n ").error).isNull();
        assertThat(RecordingListener.parse(HEADER + "<message/>hello").error.violation())
                .isEqualTo(XmlViolation.BAD_FORMAT);
    }

    @Test
    void ignoresInputAfterTheFirstError() {
        RecordingListener l = new RecordingListener();
        XmlStreamParser p = new XmlStreamParser(XmlLimits.DEFAULT, l);
        byte[] bad = (HEADER + "<!-- no -->").getBytes(StandardCharsets.UTF_8);
        p.feed(bad, 0, bad.length);
        byte[] more = "<message/><message/>".getBytes(StandardCharsets.UTF_8);
        assertThat(p.feed(more, 0, more.length)).isEqualTo(more.length);
        assertThat(l.events).containsExactly(l.events.get(0), "error RESTRICTED_XML");
        assertThat(p.isFinished()).isTrue();
    }

    @Test
    void stopsAtTheStreamEnd() {
        RecordingListener l = RecordingListener.parse(HEADER + "<message/></stream:stream><message/>");
        assertThat(l.events).hasSize(3).endsWith("close");
        assertThat(l.error).isNull();
    }

    @Test
    void stanzaAtTheLimitIsAcceptedAndBeyondItRefused() {
        XmlLimits limits = new XmlLimits(20_000, 10);
        String open = "<message><body>";
        String close = "</body></message>";
        String atLimit = open + "x".repeat(20_000 - open.length() - close.length()) + close;
        assertThat(atLimit.length()).isEqualTo(20_000);
        RecordingListener ok = RecordingListener.parse((HEADER + atLimit).getBytes(StandardCharsets.UTF_8), limits);
        assertThat(ok.error).isNull();
        assertThat(ok.elements).hasSize(1);

        String beyond = open + "x".repeat(20_000 + 2 * XmlStreamParser.FEED_CHUNK) + close;
        RecordingListener refused = RecordingListener.parse((HEADER + beyond).getBytes(StandardCharsets.UTF_8), limits);
        assertThat(refused.error.violation()).isEqualTo(XmlViolation.LIMIT_EXCEEDED);
        assertThat(refused.elements).isEmpty();
    }

    @Test
    void aHugeStanzaIsRefusedWithoutBufferingIt() {
        XmlLimits limits = new XmlLimits(100_000, 10);
        RecordingListener l = new RecordingListener();
        XmlStreamParser p = new XmlStreamParser(limits, l);
        byte[] head = (HEADER + "<message><body>").getBytes(StandardCharsets.UTF_8);
        p.feed(head, 0, head.length);
        byte[] block = "y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        long fed = 0;
        // 200 MiB would be offered; the parser must give up after about 100 KB.
        while (fed < 200L * 1024 * 1024 && !p.isFinished()) {
            p.feed(block, 0, block.length);
            fed += block.length;
        }
        assertThat(l.error.violation()).isEqualTo(XmlViolation.LIMIT_EXCEEDED);
        assertThat(p.bytesRead()).isLessThan(100_000 + head.length + 64 * 1024 + 1);
    }

    @Test
    void aHugeStartTagIsRefusedToo() {
        XmlLimits limits = new XmlLimits(10_000, 10);
        String big = HEADER + "<message to='" + "z".repeat(30_000) + "'/>";
        assertThat(RecordingListener.parse(big.getBytes(StandardCharsets.UTF_8), limits).error.violation())
                .isEqualTo(XmlViolation.LIMIT_EXCEEDED);
        String bigHeader = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' id='" + "h".repeat(30_000) + "'>";
        assertThat(RecordingListener.parse(bigHeader.getBytes(StandardCharsets.UTF_8), limits).error.violation())
                .isEqualTo(XmlViolation.LIMIT_EXCEEDED);
    }

    @Test
    void depthIsLimited() {
        XmlLimits limits = new XmlLimits(10_000_000, 5);
        // stream=1, message=2, a=3, b=4, c=5 is fine; a sixth level is not.
        assertThat(RecordingListener.parse(HEADER + "<message><a><b><c/></b></a></message>").error).isNull();
        assertThat(RecordingListener.parse((HEADER + "<message><a><b><c><d/></c></b></a></message>")
                .getBytes(StandardCharsets.UTF_8), limits).error.violation()).isEqualTo(XmlViolation.LIMIT_EXCEEDED);

        String deep = HEADER + "<message>" + "<e>".repeat(100_000);
        RecordingListener l = RecordingListener.parse(deep.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
        assertThat(l.error.violation()).isEqualTo(XmlViolation.LIMIT_EXCEEDED);
        assertThat(l.error.message()).contains("deeper than 100");
    }

    @Test
    void stopLeavesTheRestOfTheInputToTheCaller() {
        RecordingListener l = new RecordingListener();
        XmlStreamParser[] parser = new XmlStreamParser[1];
        XmlStreamListener stopping = new XmlStreamListener() {
            public void onStreamOpen(Element root) { l.onStreamOpen(root); }
            public void onElement(Element e) { l.onElement(e); parser[0].stop(); }
            public void onStreamClose() { l.onStreamClose(); }
            public void onError(XmlStreamError error) { l.onError(error); }
        };
        parser[0] = new XmlStreamParser(XmlLimits.DEFAULT, stopping);
        String padding = " ".repeat(XmlStreamParser.FEED_CHUNK);
        byte[] bytes = (HEADER + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" + padding + "ABC")
                .getBytes(StandardCharsets.UTF_8);
        int left = parser[0].feed(bytes, 0, bytes.length);
        assertThat(l.elements).hasSize(1);
        assertThat(new String(bytes, bytes.length - left, left, StandardCharsets.UTF_8))
                .as("exactly what follows the element that stopped the parser").isEqualTo(padding + "ABC");
    }
}
