package org.xmppcert.xmpp.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.ALLOW;
import static org.xmppcert.xmpp.privacy.PrivacyItem.Action.DENY;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmppcert.xmpp.privacy.PrivacyItem.StanzaKind;
import org.xmppcert.xmpp.privacy.PrivacyItem.Subscription;
import org.xmppcert.xmpp.privacy.PrivacyItem.Type;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** The rules of RFC 3921 §10.1 for one item and for a list, as the model enforces or reports them. */
class PrivacyItemTest {

    private static PrivacyItem parse(String xml) {
        return PrivacyItem.parse(XmlSnippets.parse("<query xmlns='jabber:iq:privacy'>" + xml + "</query>")
                .elements().get(0));
    }

    @Test
    void stanzaKindsAreWrittenInTheOrderOfSection10_1WhateverTheOrderGiven() {
        PrivacyItem all4 = PrivacyItem.jid("a@b", DENY, 1, StanzaKind.IQ, StanzaKind.PRESENCE_OUT, StanzaKind.MESSAGE,
                StanzaKind.PRESENCE_IN);

        assertThat(all4.toElement().elements()).extracting(Element::name)
                .containsExactly("message", "presence-in", "presence-out", "iq");
        assertThat(parse(all4.toElement().toXml())).isEqualTo(all4);
    }

    @Test
    void anItemWithoutChildrenAppliesToEveryKind() {
        PrivacyItem all = PrivacyItem.fallThrough(DENY, 1);
        PrivacyItem messages = PrivacyItem.fallThrough(DENY, 1, StanzaKind.MESSAGE);

        for (StanzaKind k : StanzaKind.values()) {
            assertThat(all.appliesTo(k)).isTrue();
            assertThat(messages.appliesTo(k)).isEqualTo(k == StanzaKind.MESSAGE);
        }
    }

    @Test
    void everyTypeRoundTrips() {
        for (PrivacyItem i : new PrivacyItem[] {PrivacyItem.jid("romeo@example.net/orchard", ALLOW, 0),
            PrivacyItem.group("Friends & Family", DENY, 1, StanzaKind.PRESENCE_OUT),
            PrivacyItem.subscription(Subscription.FROM, DENY, 2, StanzaKind.IQ),
            PrivacyItem.fallThrough(ALLOW, PrivacyItem.MAX_ORDER)}) {
            assertThat(parse(i.toElement().toXml())).isEqualTo(i);
        }
    }

    @Test
    void theFallThroughItemHasNoTypeAttribute() {
        Element e = PrivacyItem.fallThrough(ALLOW, 2).toElement();

        assertThat(e.attribute("type")).isNull();
        assertThat(e.attribute("value")).isNull();
        assertThat(parse("<item action='allow' order='2'/>").type()).isEqualTo(Type.FALL_THROUGH);
    }

    @Test
    void orderMustBeANonNegativeUnsignedInt() {
        assertThatThrownBy(() -> PrivacyItem.fallThrough(ALLOW, -1)).hasMessageContaining("§10.1");
        assertThatThrownBy(() -> PrivacyItem.fallThrough(ALLOW, PrivacyItem.MAX_ORDER + 1)).hasMessageContaining("§10.1");
        assertThatThrownBy(() -> parse("<item action='allow' order='-3'/>")).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> parse("<item action='allow' order='first'/>")).hasMessageContaining("'first'");
        assertThatThrownBy(() -> parse("<item action='allow'/>")).hasMessageContaining("order must be");
    }

    @Test
    void actionMustBeAllowOrDeny() {
        assertThatThrownBy(() -> parse("<item order='1'/>")).hasMessageContaining("action must be allow or deny, not missing");
        assertThatThrownBy(() -> parse("<item action='block' order='1'/>")).hasMessageContaining("'block'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "to", "from", "both"})
    void theFourSubscriptionValues(String value) {
        PrivacyItem i = parse("<item type='subscription' value='" + value + "' action='deny' order='1'/>");

        assertThat(i.subscription().value()).isEqualTo(value);
    }

    @Test
    void anyOtherSubscriptionValueIsRefused() {
        assertThatThrownBy(() -> parse("<item type='subscription' value='pending' action='deny' order='1'/>"))
                .hasMessageContaining("both, to, from or none");
        assertThatThrownBy(() -> PrivacyItem.jid("a@b", DENY, 1).subscription()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void typedItemsNeedAValueAndTypesAreThreeOnly() {
        assertThatThrownBy(() -> parse("<item type='jid' action='deny' order='1'/>")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("<item type='role' value='x' action='deny' order='1'/>"))
                .hasMessageContaining("jid, group or subscription");
    }

    @Test
    void onlyTheFourStanzaKindsMayBeChildren() {
        assertThatThrownBy(() -> parse("<item action='deny' order='1'><presence/></item>"))
                .hasMessageContaining("<presence/>");
        assertThatThrownBy(() -> parse("<item action='deny' order='1'><message xmlns='jabber:client'/></item>"))
                .hasMessageContaining("unexpected child");
    }

    @Test
    void theStanzaSetIsImmutable() {
        PrivacyItem i = PrivacyItem.fallThrough(DENY, 1, StanzaKind.IQ);

        assertThatThrownBy(() -> i.stanzas().add(StanzaKind.MESSAGE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new PrivacyItem(Type.FALL_THROUGH, null, DENY, 1, Set.of()).stanzas()).isEmpty();
    }

    @Test
    void aListIsProcessedInAscendingOrderWhateverItsDocumentOrder() {
        PrivacyList l = PrivacyList.of("l", PrivacyItem.fallThrough(DENY, 30), PrivacyItem.jid("a@b", ALLOW, 2),
                PrivacyItem.group("g", DENY, 10));

        assertThat(l.inProcessingOrder()).extracting(PrivacyItem::order).containsExactly(2L, 10L, 30L);
        assertThat(l.items()).extracting(PrivacyItem::order).containsExactly(30L, 2L, 10L);
    }

    @Test
    void listProblemsAreReportedNotRefused() {
        PrivacyList duplicate = PrivacyList.of("d", PrivacyItem.jid("a@b", DENY, 1), PrivacyItem.fallThrough(ALLOW, 1));
        PrivacyList empty = PrivacyList.of("e");

        assertThat(duplicate.problems()).singleElement().asString().contains("order 1");
        assertThat(PrivacyList.parse(duplicate.toElement())).isEqualTo(duplicate);
        assertThat(empty.problems()).singleElement().asString().contains("at least one item");
    }

    @Test
    void aListNeedsAName() {
        assertThatThrownBy(() -> PrivacyList.parse(XmlSnippets.parse("<query xmlns='jabber:iq:privacy'><list/></query>")
                .elements().get(0))).hasMessageContaining("without a name");
    }
}
