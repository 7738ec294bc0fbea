package org.xmppcert.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlWriterTest {

    private static final NamespaceScope STREAM =
            NamespaceScope.ofStream("jabber:client", "stream", "http://etherx.jabber.org/streams");

    @Test
    void escapesTextAndAttributes() {
        Element e = Element.builder("message", "jabber:client")
                .attribute("to", "a'b\"c<d>&e\tf\ng\rh")
                .childWithText("body", "jabber:client", "<b>&amp; ]]> \r\n'\"")
                .build();
        assertThat(XmlWriter.toXml(e, STREAM)).isEqualTo(
                "<message to='a&apos;b&quot;c&lt;d&gt;&amp;e&#x9;f&#xA;g&#xD;h'>"
                        + "<body>&lt;b&gt;&amp;amp; ]]&gt; &#xD;\n'\"</body></message>");
    }

    @Test
    void everythingSurvivesARoundTrip() {
        Element e = Element.builder("message", "jabber:client")
                .attribute("to", "x\ty\nz\r'\"<>&")
                .lang("de")
                .childWithText("body", "jabber:client", "\u00e9\uD83D\uDE00 <&> ]]> \r\n\t 'q\"")
                .child(Element.builder("data", "urn:example").prefix("ex")
                        .attribute(new Attribute("urn:example", "attr", "ex", "v"))
                        .child(Element.of("inner", "urn:other"))
                        .text("mixed")
                        .build())
                .build();
        String stream = XmlStreamParserTest.HEADER + XmlWriter.toXml(e, STREAM);
        RecordingListener l = RecordingListener.parse(stream);
        assertThat(l.error).isNull();
        assertThat(l.elements).containsExactly(e);
    }

    @Test
    void declaresOnlyWhatIsNotInScope() {
        Element iq = Element.builder("iq", "jabber:client").attribute("type", "get")
                .child(Element.of("ping", "urn:xmpp:ping")).build();
        assertThat(XmlWriter.toXml(iq, STREAM)).isEqualTo("<iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(iq.toXml()).isEqualTo("<iq xmlns='jabber:client' type='get'><ping xmlns='urn:xmpp:ping'/></iq>");

        Element error = Element.builder("error", "http://etherx.jabber.org/streams").prefix("stream")
                .child(Element.of("not-well-formed", "urn:ietf:params:xml:ns:xmpp-streams")).build();
        assertThat(XmlWriter.toXml(error, STREAM)).isEqualTo(
                "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
    }

    @Test
    void writesALoneStartTag() {
        Element header = Element.builder("stream", "http://etherx.jabber.org/streams").prefix("stream")
                .declareNamespace("", "jabber:client")
                .attribute("to", "example.com").attribute("version", "1.0").lang("en").build();
        assertThat(XmlWriter.startTag(header, NamespaceScope.EMPTY)).isEqualTo(
                "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                        + " to='example.com' version='1.0' xml:lang='en'>");
        assertThat(XmlWriter.endTag(header)).isEqualTo("</stream:stream>");
    }

    @Test
    void elementsCannotCarryCharactersOutsideXml() {
        assertThatThrownBy(() -> Element.builder("body", "jabber:client").text("bell\u0007"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> Element.builder("body", "jabber:client").attribute("id", "\uD800"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
