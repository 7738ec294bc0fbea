package org.xmppcert.xmpp.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** Reading and writing roster items, queries and pushes, against the examples of RFC 6121 §2. */
class RosterStanzasTest {

    private static final Jid JULIET = Jid.of("juliet@example.com/balcony");

    @Test
    void aRosterResultOfRfc6121Section22IsReadWithVersionNamesSubscriptionsAndGroups() {
        Element result = XmlSnippets.parse("""
                <iq id='hu2bac18' to='juliet@example.com/balcony' type='result'>
                  <query xmlns='jabber:iq:roster' ver='ver11'>
                    <item jid='romeo@example.net' name='Romeo' subscription='both'>
                      <group>Friends</group>
                    </item>
                    <item jid='mercutio@example.com' name='Mercutio' subscription='from'/>
                    <item jid='benvolio@example.net' name='Benvolio' subscription='both'/>
                  </query>
                </iq>""");

        RosterQuery q = RosterQuery.parse(result.child("query", Roster.NAMESPACE));

        assertThat(q.ver()).isEqualTo("ver11");
        assertThat(q.problems()).isEmpty();
        assertThat(q.items()).containsExactly(
                new RosterItem(Jid.of("romeo@example.net"), "Romeo", Subscription.BOTH, null, false, List.of("Friends")),
                new RosterItem(Jid.of("mercutio@example.com"), "Mercutio", Subscription.FROM, null, false, List.of()),
                new RosterItem(Jid.of("benvolio@example.net"), "Benvolio", Subscription.BOTH, null, false, List.of()));
    }

    @Test
    void askAndApprovedAreRead() {
        Element item = XmlSnippets.parse("<item xmlns='jabber:iq:roster' ask='subscribe' jid='juliet@example.com'"
                + " subscription='none' approved='true'/>");

        RosterItem i = RosterItem.fromPush(item);

        assertThat(i.ask()).isEqualTo(Ask.SUBSCRIBE);
        assertThat(i.pendingOut()).isTrue();
        assertThat(i.approved()).isTrue();
        assertThat(i.name()).isNull();
        assertThat(i.subscription()).isEqualTo(Subscription.NONE);
    }

    @Test
    void undefinedSubscriptionValuesAreIgnoredAndRemoveCountsOnlyInAPush() {
        Element remove = XmlSnippets.parse("<item xmlns='jabber:iq:roster' jid='a@b' subscription='remove'/>");
        Element odd = XmlSnippets.parse("<item xmlns='jabber:iq:roster' jid='a@b' subscription='maybe' ask='wait'/>");

        // RFC 6121 §2.1.2.5: in a result only the four states count, in a push also "remove".
        assertThat(RosterItem.fromResult(remove).subscription()).isEqualTo(Subscription.NONE);
        assertThat(RosterItem.fromPush(remove).subscription()).isEqualTo(Subscription.REMOVE);
        assertThat(RosterItem.fromPush(odd).subscription()).isEqualTo(Subscription.NONE);
        assertThat(RosterItem.fromPush(odd).ask()).as("only 'subscribe' is defined").isNull();
        assertThat(Subscription.inPush(null)).as("the default").isEqualTo(Subscription.NONE);
    }

    @Test
    void anItemWithoutAValidJidIsLeftOutOfAResultAndReported() {
        Element query = XmlSnippets.parse("""
                <query xmlns='jabber:iq:roster'>
                  <item name='no jid'/>
                  <item jid='@bad'/>
                  <item jid='good@example.com'/>
                </query>""");

        RosterQuery q = RosterQuery.parse(query);

        assertThat(q.items()).extracting(RosterItem::jid).containsExactly(Jid.of("good@example.com"));
        assertThat(q.problems()).hasSize(2);
        assertThat(q.problems().get(0)).contains("REQUIRED");
        assertThat(q.ver()).isNull();
    }

    @Test
    void aRosterSetCarriesJidNameAndGroupsButNeitherAskNorApprovedNorSubscription() {
        RosterItem item = new RosterItem(Jid.of("nurse@example.com"), "Nurse", Subscription.BOTH, Ask.SUBSCRIBE, true,
                List.of("Servants", "Family"));

        Element set = RosterRequests.set(item);

        // RFC 6121 §2.1.2.1, §2.1.2.2: a client MUST NOT include 'ask' or 'approved'.
        assertThat(set.toXml()).isEqualTo("<iq xmlns='jabber:client' type='set'><query xmlns='jabber:iq:roster'>"
                + "<item jid='nurse@example.com' name='Nurse'><group>Servants</group><group>Family</group></item>"
                + "</query></iq>");
        assertThat(RosterItem.fromPush(item.toElement())).as("the server's form keeps every attribute").isEqualTo(item);
    }

    @Test
    void getRemoveAndVersionedGetAreTheRfcForms() {
        assertThat(RosterRequests.get().toXml())
                .isEqualTo("<iq xmlns='jabber:client' type='get'><query xmlns='jabber:iq:roster'/></iq>");
        assertThat(RosterRequests.get("").toXml())
                .isEqualTo("<iq xmlns='jabber:client' type='get'><query xmlns='jabber:iq:roster' ver=''/></iq>");
        assertThat(RosterRequests.remove(Jid.of("nurse@example.com")).toXml())
                .isEqualTo("<iq xmlns='jabber:client' type='set'><query xmlns='jabber:iq:roster'>"
                        + "<item jid='nurse@example.com' subscription='remove'/></query></iq>");
    }

    @Test
    void aPushOfRfc6121Section263IsReadWithItsVersion() {
        Element iq = XmlSnippets.parse("""
                <iq from='romeo@example.net' id='c73gs419' to='romeo@example.net/home' type='set'>
                  <query xmlns='jabber:iq:roster' ver='ver72'>
                    <item jid='nurse@example.org' name='Nurse' subscription='to'>
                      <group>Servants</group>
                    </item>
                  </query>
                </iq>""");

        RosterPush push = RosterPush.parse(iq).orElseThrow();

        assertThat(push.id()).isEqualTo("c73gs419");
        assertThat(push.ver()).isEqualTo("ver72");
        assertThat(push.item()).isEqualTo(new RosterItem(Jid.of("nurse@example.org"), "Nurse", Subscription.TO, null,
                false, List.of("Servants")));
        assertThat(RosterPush.about(Jid.of("nurse@example.org/any")).test(iq)).isTrue();
        assertThat(RosterPush.about(Jid.of("other@example.org")).test(iq)).isFalse();
    }

    @Test
    void aPushWithoutExactlyOneItemIsNotReadable() {
        assertThat(RosterPush.parse(XmlSnippets.parse(
                "<iq type='set' id='a'><query xmlns='jabber:iq:roster'/></iq>"))).isEmpty();
        assertThat(RosterPush.parse(XmlSnippets.parse("<iq type='set' id='a'><query xmlns='jabber:iq:roster'>"
                + "<item jid='a@b'/><item jid='c@d'/></query></iq>"))).isEmpty();
        assertThat(RosterPush.parse(XmlSnippets.parse(
                "<iq type='get' id='a'><query xmlns='jabber:iq:roster'><item jid='a@b'/></query></iq>")))
                .as("a get is no push").isEmpty();
    }

    @Test
    void onlyNoFromOrTheAccountsBareJidMayPush() {
        String query = "<query xmlns='jabber:iq:roster'><item jid='a@b'/></query>";
        // RFC 6121 §2.1.6 rule 2.
        assertThat(RosterPush.isAuthorized(XmlSnippets.parse("<iq type='set' id='1'>" + query + "</iq>"), JULIET))
                .isTrue();
        assertThat(RosterPush.isAuthorized(XmlSnippets.parse(
                "<iq type='set' id='1' from='Juliet@Example.com'>" + query + "</iq>"), JULIET))
                .as("compared as prepared JIDs").isTrue();
        assertThat(RosterPush.isAuthorized(XmlSnippets.parse(
                "<iq type='set' id='1' from='juliet@example.com/balcony'>" + query + "</iq>"), JULIET))
                .as("RFC 3921 §7.2 allowed the full JID; RFC 6121 does not").isFalse();
        assertThat(RosterPush.isAuthorized(XmlSnippets.parse(
                "<iq type='set' id='1' from='example.com'>" + query + "</iq>"), JULIET)).isFalse();
        assertThat(RosterPush.isAuthorized(XmlSnippets.parse(
                "<iq type='set' id='1' from='romeo@example.net'>" + query + "</iq>"), JULIET)).isFalse();
    }
}
