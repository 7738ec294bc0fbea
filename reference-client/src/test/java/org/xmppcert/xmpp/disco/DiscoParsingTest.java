package org.xmppcert.xmpp.disco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;

/** What the parsers refuse (the MUSTs of XEP-0030 §3.1, §4.1, §4.2) and what they keep as it came. */
class DiscoParsingTest {

    @Test
    void anIdentityWithoutCategoryOrTypeIsRefused() {
        assertThatThrownBy(() -> DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity type='pc'/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("§3.1");
        assertThatThrownBy(() -> DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client'/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void aFeatureWithoutVarIsRefused() {
        assertThatThrownBy(() -> DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'><feature/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void aResultWithoutQueryIsRefused() {
        assertThatThrownBy(() -> DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'/>")))
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> DiscoItems.fromResponse(SpecExamples.parse("<iq type='result' id='1'/>")))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void duplicatesAndOrderAreKeptForTheCapsRules() throws Exception {
        DiscoInfo info = DiscoInfo.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<feature var='b'/><identity category='client' type='pc' xml:lang='en' name='X'/>"
                + "<feature var='a'/><feature var='b'/></query></iq>"));
        assertThat(info.features()).containsExactly("b", "a", "b");
        assertThat(info.identities()).containsExactly(new LocalFeatures.Identity("client", "pc", "X", "en"));
    }

    @Test
    void anItemWithoutJidOrWithAnEmptyNodeIsRefused() {
        assertThatThrownBy(() -> DiscoItems.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'><item name='x'/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("§4.1");
        assertThatThrownBy(() -> DiscoItems.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'><item jid='a.example' node=''/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class).hasMessageContaining("§4.2");
        assertThatThrownBy(() -> DiscoItems.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'><item jid='a@b@c'/></query></iq>")))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void itemContentInAnotherNamespaceIsIgnored() throws Exception {
        DiscoItems items = DiscoItems.fromResponse(SpecExamples.parse("<iq type='result' id='1'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'><item jid='a.example'>"
                + "<x xmlns='urn:example'/></item></query></iq>"));
        assertThat(items.items()).containsExactly(DiscoItems.Item.of(Jid.of("a.example")));
    }

    @Test
    void aDataFormKeepsFieldsValuesAndTypes() throws Exception {
        DataForm form = DataForm.parse(SpecExamples.parse("<message><x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:example</value></field>"
                + "<field var='ip' type='text-multi' label='IP'><value>v4</value><value>v6</value></field>"
                + "</x></message>").child("x", DataForm.NAMESPACE));
        assertThat(form.type()).isEqualTo("result");
        assertThat(form.formType()).contains("urn:example");
        assertThat(form.hasHiddenFormType()).isTrue();
        assertThat(form.field("ip").orElseThrow()).isEqualTo(new DataForm.Field("ip", "text-multi", "IP",
                java.util.List.of("v4", "v6")));
        assertThat(DataForm.parse(form.toElement())).isEqualTo(form);
    }

    @Test
    void discoUrisWithANodeAndPercentEncoding() {
        assertThat(DiscoUri.request("xmpp:pubsub.example?disco;request=items;node=music%2FD"))
                .isEqualTo(DiscoItems.request(Jid.of("pubsub.example"), "music/D"));
        assertThatThrownBy(() -> DiscoUri.request("xmpp:a.example?disco;type=set;request=info"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DiscoUri.request("xmpp:a.example?message;body=hi"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
