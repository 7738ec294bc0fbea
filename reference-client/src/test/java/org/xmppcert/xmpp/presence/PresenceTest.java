package org.xmppcert.xmpp.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

/** The presence stanza read and built, against the examples of RFC 6121 §4.7. */
class PresenceTest {

    @Test
    void statusesAreKeyedByTheirOwnLanguageOrTheStanzas() {
        Presence p = Presence.parse(XmlSnippets.parse("""
                <presence from='romeo@example.net/orchard' id='jx62vs97' xml:lang='en'>
                  <show>dnd</show>
                  <status>Wooing Juliet</status>
                  <status xml:lang='cs'>Dvo&#x0159;&#x00ED;m se Julii</status>
                </presence>"""));

        assertThat(p.type()).isEqualTo(PresenceType.AVAILABLE);
        assertThat(p.show()).isEqualTo(Show.DND);
        assertThat(p.statuses()).containsExactly(java.util.Map.entry("en", "Wooing Juliet"),
                java.util.Map.entry("cs", "Dvořím se Julii"));
        assertThat(p.status("cs")).contains("Dvořím se Julii");
        assertThat(p.priority()).as("absent means zero (RFC 6121 §4.7.2.3)").isZero();
        assertThat(p.fromJid()).contains(Jid.of("romeo@example.net/orchard"));
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void negativePrioritiesAreReadAndOutOfRangeOnesAreProblems() {
        assertThat(Presence.parse(XmlSnippets.parse("<presence><priority>-128</priority></presence>")).priority())
                .isEqualTo(-128);
        Presence tooHigh = Presence.parse(XmlSnippets.parse("<presence><priority>128</priority></presence>"));
        assertThat(tooHigh.priority()).isZero();
        assertThat(tooHigh.problems()).singleElement().asString().contains("-128..127");
        Presence twice = Presence.parse(XmlSnippets.parse(
                "<presence><show>away</show><show>sleeping</show><priority>x</priority></presence>"));
        assertThat(twice.show()).as("the first counts").isEqualTo(Show.AWAY);
        assertThat(twice.problems()).hasSize(2);
        Presence odd = Presence.parse(XmlSnippets.parse("<presence><show>sleeping</show></presence>"));
        assertThat(odd.show()).isNull();
        assertThat(odd.problems()).singleElement().asString().contains("away, chat, dnd or xa");
    }

    @Test
    void theTypeIsTheAbsenceOfTheAttributeOrOneOfTheDefinedValues() {
        assertThat(Presence.parse(XmlSnippets.parse("<presence type='unavailable'/>")).type())
                .isEqualTo(PresenceType.UNAVAILABLE);
        assertThatThrownBy(() -> Presence.parse(XmlSnippets.parse("<presence type='available'/>")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§4.7.1");
        assertThat(PresenceType.AVAILABLE.value()).isNull();
        assertThat(PresenceType.SUBSCRIBED.isSubscription()).isTrue();
        assertThat(PresenceType.PROBE.isSubscription()).isFalse();
    }

    @Test
    void extensionsAreTheChildrenOfOtherNamespaces() {
        Presence p = Presence.parse(XmlSnippets.parse("""
                <presence from='romeo@example.net'>
                  <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org'
                     ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>
                </presence>"""));

        assertThat(p.extension("c", "http://jabber.org/protocol/caps")).get()
                .extracting(e -> e.attribute("node")).isEqualTo("http://psi-im.org");
        assertThat(p.extensions()).hasSize(1);
    }

    @Test
    void theBuilderWritesShowStatusesInTheirLanguagesPriorityAndExtensions() {
        Element built = Presence.available().lang("en").show(Show.DND).status("Wooing Juliet")
                .status("cs", "Dvořím se Julii").priority(-1).id("p1")
                .extension(Element.builder("c", "http://jabber.org/protocol/caps").attribute("hash", "sha-1").build())
                .build();

        assertThat(built.toXml()).isEqualTo("<presence xmlns='jabber:client' id='p1' xml:lang='en'><show>dnd</show>"
                + "<status>Wooing Juliet</status><status xml:lang='cs'>Dvořím se Julii</status>"
                + "<priority>-1</priority><c xmlns='http://jabber.org/protocol/caps' hash='sha-1'/></presence>");
        assertThat(Presence.parse(built).statuses()).containsOnlyKeys("en", "cs");
    }

    @Test
    void theBuilderKeepsTheRules() {
        assertThatThrownBy(() -> Presence.available().priority(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Presence.available().status("a").status(null, "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Presence.unavailable().show(Show.AWAY).build())
                .as("RFC 6121 §4.5.1").isInstanceOf(IllegalStateException.class);
        assertThat(Presence.unavailable().status("going on vacation").to(Jid.of("romeo@example.net")).build().toXml())
                .isEqualTo("<presence xmlns='jabber:client' type='unavailable' to='romeo@example.net'>"
                        + "<status>going on vacation</status></presence>");
    }
}
