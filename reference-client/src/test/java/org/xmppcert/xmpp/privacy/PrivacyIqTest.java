package org.xmppcert.xmpp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.ALLOW;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.DENY;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.privacy.PrivacyItem.StanzaKind;
import org.xmppcert.xmpp.privacy.PrivacyItem.Subscription;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/**
 * The requests and results of RFC 3921 §10.3–§10.8, with the RFC's examples as test vectors:
 * each request we build equals the example's payload (the examples' {@code from} and {@code id}
 * are the server's view and the sender's choice, so only type and query are compared), and each
 * result the RFC shows parses to what its prose says.
 */
class PrivacyIqTest {

    /** The IQ's type and query: what a request built here must share with the RFC's example. */
    private static Element essence(Element iq) {
        return Element.builder("iq", iq.namespace()).attribute("type", iq.attribute("type"))
                .children(iq.elements()).build();
    }

    private static Element example(String xml) {
        return essence(XmlSnippets.parse(xml));
    }

    @Test
    void namesRequestIsGetlist1() {
        assertThat(essence(PrivacyIq.getNames())).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='get' id='getlist1'>
                  <query xmlns='jabber:iq:privacy'/>
                </iq>"""));
    }

    @Test
    void namesResultOfGetlist1() {
        PrivacyListNames names = PrivacyIq.parseNames(XmlSnippets.parse("""
                <iq type='result' id='getlist1' to='romeo@example.net/orchard'>
                  <query xmlns='jabber:iq:privacy'>
                    <active name='private'/>
                    <default name='public'/>
                    <list name='public'/>
                    <list name='private'/>
                    <list name='special'/>
                  </query>
                </iq>"""));

        assertThat(names.active()).isEqualTo("private");
        assertThat(names.defaultList()).isEqualTo("public");
        assertThat(names.lists()).containsExactly("public", "private", "special");
    }

    @Test
    void namesWithoutActiveOrDefault() {
        PrivacyListNames names = PrivacyIq.parseNames(XmlSnippets.parse(
                "<iq type='result' id='x'><query xmlns='jabber:iq:privacy'/></iq>"));

        assertThat(names.activeList()).isEmpty();
        assertThat(names.defaultListName()).isEmpty();
        assertThat(names.lists()).isEmpty();
    }

    @Test
    void listRequestIsGetlist2() {
        assertThat(essence(PrivacyIq.getList("public"))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='get' id='getlist2'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='public'/>
                  </query>
                </iq>"""));
    }

    @Test
    void severalListsInOneRequestIsGetlist6() {
        assertThat(essence(PrivacyIq.getList("public", "private", "special"))).isEqualTo(essence(
                XmlSnippets.parse("""
                        <iq type='get'>
                          <query xmlns='jabber:iq:privacy'>
                            <list name='public'/>
                            <list name='private'/>
                            <list name='special'/>
                          </query>
                        </iq>""")));
    }

    @Test
    void listResultsOfGetlist2To4() {
        PrivacyList pub = PrivacyIq.parseList(XmlSnippets.parse("""
                <iq type='result' id='getlist2' to='romeo@example.net/orchard'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='public'>
                      <item type='jid'
                            value='tybalt@example.com'
                            action='deny'
                            order='1'/>
                      <item action='allow' order='2'/>
                    </list>
                  </query>
                </iq>"""));
        assertThat(pub).isEqualTo(PrivacyList.of("public", PrivacyItem.jid("tybalt@example.com", DENY, 1),
                PrivacyItem.fallThrough(ALLOW, 2)));

        PrivacyList priv = PrivacyIq.parseList(XmlSnippets.parse("""
                <iq type='result' id='getlist3' to='romeo@example.net/orchard'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='private'>
                      <item type='subscription'
                            value='both'
                            action='allow'
                            order='10'/>
                      <item action='deny' order='15'/>
                    </list>
                  </query>
                </iq>"""));
        assertThat(priv).isEqualTo(PrivacyList.of("private", PrivacyItem.subscription(Subscription.BOTH, ALLOW, 10),
                PrivacyItem.fallThrough(DENY, 15)));
        assertThat(priv.items().get(0).subscription()).isEqualTo(Subscription.BOTH);

        PrivacyList special = PrivacyIq.parseList(XmlSnippets.parse("""
                <iq type='result' id='getlist4' to='romeo@example.net/orchard'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='special'>
                      <item type='jid'
                            value='juliet@example.com'
                            action='allow'
                            order='6'/>
                      <item type='jid'
                            value='benvolio@example.org'
                            action='allow'
                            order='7'/>
                      <item type='jid'
                            value='mercutio@example.org'
                            action='allow'
                            order='42'/>
                      <item action='deny' order='666'/>
                    </list>
                  </query>
                </iq>"""));
        assertThat(special.items()).extracting(PrivacyItem::value)
                .containsExactly("juliet@example.com", "benvolio@example.org", "mercutio@example.org", null);
        assertThat(special.items().get(3).type()).isEqualTo(PrivacyItem.Type.FALL_THROUGH);
        assertThat(special.problems()).isEmpty();
    }

    @Test
    void errorExamplesGetlist5AndGetlist6() {
        StanzaError notFound = StanzaError.of(XmlSnippets.parse("""
                <iq to='romeo@example.net/orchard' type='error' id='getlist5'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='The Empty Set'/>
                  </query>
                  <error type='cancel'>
                    <item-not-found
                        xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
                  </error>
                </iq>"""));
        assertThat(notFound.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(notFound.type()).isEqualTo("cancel");

        StanzaError badRequest = StanzaError.of(XmlSnippets.parse("""
                <iq to='romeo@example.net/orchard' type='error' id='getlist6'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='public'/>
                    <list name='private'/>
                    <list name='special'/>
                  </query>
                  <error type='modify'>
                    <bad-request
                        xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
                  </error>
                </iq>"""));
        assertThat(badRequest.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void aResultWithoutExactlyOneListIsRefused() {
        assertThatThrownBy(() -> PrivacyIq.parseList(XmlSnippets.parse(
                "<iq type='result'><query xmlns='jabber:iq:privacy'/></iq>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one <list/>");
        assertThatThrownBy(() -> PrivacyIq.parseList(XmlSnippets.parse("<iq type='result'/>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no <query");
        assertThatThrownBy(() -> PrivacyIq.parseNames(XmlSnippets.parse(
                "<iq type='result'><query xmlns='jabber:iq:privacy'><list/></query></iq>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a name");
    }

    @Test
    void activeRequestsAreActive1AndActive3() {
        assertThat(essence(PrivacyIq.setActive("special"))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='active1'>
                  <query xmlns='jabber:iq:privacy'>
                    <active name='special'/>
                  </query>
                </iq>"""));
        assertThat(essence(PrivacyIq.setActive(null))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='active3'>
                  <query xmlns='jabber:iq:privacy'>
                    <active/>
                  </query>
                </iq>"""));
    }

    @Test
    void defaultRequestsAreDefault1AndDefault2() {
        assertThat(essence(PrivacyIq.setDefault("special"))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='default1'>
                  <query xmlns='jabber:iq:privacy'>
                    <default name='special'/>
                  </query>
                </iq>"""));
        assertThat(essence(PrivacyIq.setDefault(null))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='default2'>
                  <query xmlns='jabber:iq:privacy'>
                    <default/>
                  </query>
                </iq>"""));
    }

    @Test
    void editRequestIsEdit1() {
        PrivacyList pub = PrivacyList.of("public", PrivacyItem.jid("tybalt@example.com", DENY, 3),
                PrivacyItem.jid("paris@example.org", DENY, 5), PrivacyItem.fallThrough(ALLOW, 68));

        assertThat(essence(PrivacyIq.setList(pub))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='edit1'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='public'>
                      <item type='jid'
                            value='tybalt@example.com'
                            action='deny'
                            order='3'/>
                      <item type='jid'
                            value='paris@example.org'
                            action='deny'
                            order='5'/>
                      <item action='allow' order='68'/>
                    </list>
                  </query>
                </iq>"""));
    }

    @Test
    void removeRequestIsRemove1() {
        assertThat(essence(PrivacyIq.removeList("private"))).isEqualTo(example("""
                <iq from='romeo@example.net/orchard' type='set' id='remove1'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='private'/>
                  </query>
                </iq>"""));
    }

    @Test
    void requestsCarryNoToAndNoId() {
        for (Element r : new Element[] {PrivacyIq.getNames(), PrivacyIq.getList("a"), PrivacyIq.removeList("a"),
            PrivacyIq.setActive("a"), PrivacyIq.setDefault(null)}) {
            assertThat(r.attribute("to")).isNull();
            assertThat(r.attribute("id")).isNull();
        }
    }

    @Test
    void pushesOfSection10_6() {
        Element push1 = XmlSnippets.parse("""
                <iq to='romeo@example.net/orchard' type='set' id='push1'>
                  <query xmlns='jabber:iq:privacy'>
                    <list name='public'/>
                  </query>
                </iq>""");

        assertThat(PrivacyIq.isPush(push1)).isTrue();
        assertThat(PrivacyIq.pushedList(push1)).contains("public");
    }

    @Test
    void malformedPushesNameNoList() {
        Element two = XmlSnippets.parse("<iq type='set' id='p'><query xmlns='jabber:iq:privacy'>"
                + "<list name='a'/><list name='b'/></query></iq>");
        Element withItems = PrivacyIq.setList(PrivacyList.of("a", PrivacyItem.fallThrough(ALLOW, 1)));
        Element unnamed = XmlSnippets.parse("<iq type='set' id='p'><query xmlns='jabber:iq:privacy'><list/></query></iq>");

        assertThat(PrivacyIq.isPush(two)).isTrue();
        assertThat(PrivacyIq.pushedList(two)).isEmpty();
        assertThat(PrivacyIq.pushedList(withItems)).isEmpty();
        assertThat(PrivacyIq.pushedList(unnamed)).isEmpty();
        assertThat(PrivacyIq.isPush(PrivacyIq.setActive("a"))).isFalse();
        assertThat(PrivacyIq.isPush(PrivacyIq.getList("a"))).isFalse();
    }

    /** The "set" requests of §10.9–§10.13 and §10.15, each as the RFC writes it and as built here. */
    static Stream<Arguments> blockingExamples() {
        return Stream.of(
                Arguments.of("msg1", PrivacyList.of("message-jid-example",
                        PrivacyItem.jid("tybalt@example.com", DENY, 3, StanzaKind.MESSAGE)), """
                        <list name='message-jid-example'>
                          <item type='jid' value='tybalt@example.com' action='deny' order='3'>
                            <message/>
                          </item>
                        </list>"""),
                Arguments.of("msg2", PrivacyList.of("message-group-example",
                        PrivacyItem.group("Enemies", DENY, 4, StanzaKind.MESSAGE)), """
                        <list name='message-group-example'>
                          <item type='group' value='Enemies' action='deny' order='4'>
                            <message/>
                          </item>
                        </list>"""),
                Arguments.of("msg3", PrivacyList.of("message-sub-example",
                        PrivacyItem.subscription(Subscription.NONE, DENY, 5, StanzaKind.MESSAGE)), """
                        <list name='message-sub-example'>
                          <item type='subscription' value='none' action='deny' order='5'>
                            <message/>
                          </item>
                        </list>"""),
                Arguments.of("msg4", PrivacyList.of("message-global-example",
                        PrivacyItem.fallThrough(DENY, 6, StanzaKind.MESSAGE)), """
                        <list name='message-global-example'>
                          <item action='deny' order='6'>
                            <message/>
                          </item>
                        </list>"""),
                Arguments.of("presin1", PrivacyList.of("presin-jid-example",
                        PrivacyItem.jid("tybalt@example.com", DENY, 7, StanzaKind.PRESENCE_IN)), """
                        <list name='presin-jid-example'>
                          <item type='jid' value='tybalt@example.com' action='deny' order='7'>
                            <presence-in/>
                          </item>
                        </list>"""),
                Arguments.of("presin3", PrivacyList.of("presin-sub-example",
                        PrivacyItem.subscription(Subscription.TO, DENY, 9, StanzaKind.PRESENCE_IN)), """
                        <list name='presin-sub-example'>
                          <item type='subscription' value='to' action='deny' order='9'>
                            <presence-in/>
                          </item>
                        </list>"""),
                Arguments.of("presout2", PrivacyList.of("presout-group-example",
                        PrivacyItem.group("Enemies", DENY, 15, StanzaKind.PRESENCE_OUT)), """
                        <list name='presout-group-example'>
                          <item type='group' value='Enemies' action='deny' order='15'>
                            <presence-out/>
                          </item>
                        </list>"""),
                Arguments.of("presout3", PrivacyList.of("presout-sub-example",
                        PrivacyItem.subscription(Subscription.FROM, DENY, 17, StanzaKind.PRESENCE_OUT)), """
                        <list name='presout-sub-example'>
                          <item type='subscription' value='from' action='deny' order='17'>
                            <presence-out/>
                          </item>
                        </list>"""),
                Arguments.of("iq1", PrivacyList.of("iq-jid-example",
                        PrivacyItem.jid("tybalt@example.com", DENY, 29, StanzaKind.IQ)), """
                        <list name='iq-jid-example'>
                          <item type='jid' value='tybalt@example.com' action='deny' order='29'>
                            <iq/>
                          </item>
                        </list>"""),
                Arguments.of("iq4", PrivacyList.of("iq-global-example",
                        PrivacyItem.fallThrough(DENY, 1, StanzaKind.IQ)), """
                        <list name='iq-global-example'>
                          <item action='deny' order='1'>
                            <iq/>
                          </item>
                        </list>"""),
                Arguments.of("all1", PrivacyList.of("all-jid-example",
                        PrivacyItem.jid("tybalt@example.com", DENY, 23)), """
                        <list name='all-jid-example'>
                          <item type='jid' value='tybalt@example.com' action='deny' order='23'/>
                        </list>"""),
                Arguments.of("all2", PrivacyList.of("all-group-example",
                        PrivacyItem.group("Enemies", DENY, 13)), """
                        <list name='all-group-example'>
                          <item type='group' value='Enemies' action='deny' order='13'/>
                        </list>"""),
                Arguments.of("all3", PrivacyList.of("all-sub-example",
                        PrivacyItem.subscription(Subscription.NONE, DENY, 11)), """
                        <list name='all-sub-example'>
                          <item type='subscription' value='none' action='deny' order='11'/>
                        </list>"""),
                Arguments.of("all4", PrivacyList.of("all-global-example",
                        PrivacyItem.fallThrough(DENY, 7)), """
                        <list name='all-global-example'>
                          <item action='deny' order='7'/>
                        </list>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingExamples")
    void blockingExamplesOfSections10_9To10_13(String id, PrivacyList built, String listXml) {
        Element rfc = example("<iq type='set' id='" + id + "'><query xmlns='jabber:iq:privacy'>" + listXml
                + "</query></iq>");

        assertThat(essence(PrivacyIq.setList(built))).isEqualTo(rfc);
        assertThat(PrivacyList.parse(rfc.elements().get(0).elements().get(0))).isEqualTo(built);
    }

    @Test
    void aRawQueryCarriesWhatItIsGiven() {
        Element odd = PrivacyIq.query(Element.builder("active", PrivacyIq.NAMESPACE).attribute("name", "a").build(),
                Element.of("default", PrivacyIq.NAMESPACE));

        assertThat(odd.elements()).extracting(Element::name).containsExactly("active", "default");
    }
}
