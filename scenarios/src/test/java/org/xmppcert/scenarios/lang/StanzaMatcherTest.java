package org.xmppcert.scenarios.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.testing.XmlSnippets;
import org.xmppcert.xmpp.xml.Element;

class StanzaMatcherTest {

    private static Element x(String xml) {
        return XmlSnippets.parse(xml);
    }

    private static MatchResult m(String pattern, String stanza) {
        return StanzaMatcher.match(x(pattern), x(stanza), false, Map.of("domain", "example.org", "alice", "alice@example.org")::get);
    }

    private static MatchResult strict(String pattern, String stanza) {
        return StanzaMatcher.match(x(pattern), x(stanza), true, name -> null);
    }

    @Test
    void identicalMatches() {
        assertThat(m("<iq xmlns='jabber:client' type='result' id='1'/>", "<iq xmlns='jabber:client' type='result' id='1'/>").matched()).isTrue();
    }

    @Test
    void extraAttributesAndChildrenAllowed() {
        assertThat(m("<iq xmlns='jabber:client' type='result'/>",
                "<iq xmlns='jabber:client' type='result' id='1' from='example.org'><query xmlns='q'/></iq>").matched()).isTrue();
    }

    @Test
    void differentAttributeValueDoesNotMatch() {
        MatchResult r = m("<iq xmlns='jabber:client' type='error'/>", "<iq xmlns='jabber:client' type='result'/>");
        assertThat(r.matched()).isFalse();
        assertThat(r.difference()).contains("error").contains("result");
    }

    @Test
    void missingAttributeDoesNotMatch() {
        assertThat(m("<iq xmlns='jabber:client' id='1'/>", "<iq xmlns='jabber:client'/>").matched()).isFalse();
    }

    @Test
    void placeholdersResolved() {
        assertThat(m("<iq xmlns='jabber:client' from='{domain}' to='{alice}/r'/>",
                "<iq xmlns='jabber:client' from='example.org' to='alice@example.org/r'/>").matched()).isTrue();
        assertThat(m("<iq xmlns='jabber:client' from='{domain}'/>", "<iq xmlns='jabber:client' from='other.org'/>").matched()).isFalse();
    }

    @Test
    void unknownPlaceholderThrows() {
        assertThatThrownBy(() -> m("<iq xmlns='jabber:client' from='{nobody}'/>", "<iq xmlns='jabber:client' from='x'/>"))
                .isInstanceOf(Placeholders.UnresolvedPlaceholderException.class);
    }

    @Test
    void anyNeedsThePresence() {
        assertThat(m("<iq xmlns='jabber:client' id='{any}'/>", "<iq xmlns='jabber:client' id='abc'/>").matched()).isTrue();
        assertThat(m("<iq xmlns='jabber:client' id='{any}'/>", "<iq xmlns='jabber:client'/>").matched()).isFalse();
        assertThat(m("<iq xmlns='jabber:client' id='pre-{any}'/>", "<iq xmlns='jabber:client' id='pre-7'/>").matched()).isTrue();
        assertThat(m("<iq xmlns='jabber:client' id='pre-{any}'/>", "<iq xmlns='jabber:client' id='post-7'/>").matched()).isFalse();
    }

    @Test
    void capturesAreReturned() {
        MatchResult r = m("<iq xmlns='jabber:client' id='{capture:id}'><bind xmlns='b'><jid>{capture:jid}</jid></bind></iq>",
                "<iq xmlns='jabber:client' id='42'><bind xmlns='b'><jid> a@b/c </jid></bind></iq>");
        assertThat(r.matched()).isTrue();
        assertThat(r.captures()).containsEntry("id", "42").containsEntry("jid", "a@b/c");
    }

    @Test
    void namespaceMustAgree() {
        assertThat(m("<iq xmlns='jabber:client'/>", "<iq xmlns='jabber:server'/>").matched()).isFalse();
        assertThat(m("<iq xmlns='jabber:client'><query xmlns='a'/></iq>", "<iq xmlns='jabber:client'><query xmlns='b'/></iq>").matched()).isFalse();
        assertThat(m("<iq xmlns='jabber:client'><p:query xmlns:p='a'/></iq>", "<iq xmlns='jabber:client'><query xmlns='a'/></iq>").matched()).isTrue();
    }

    @Test
    void childrenInAnyOrder() {
        String pattern = "<iq xmlns='jabber:client'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
        assertThat(m(pattern, "<iq xmlns='jabber:client'><query xmlns='x'/><error type='cancel' code='503'>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no</text>"
                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>").matched()).isTrue();
        assertThat(m(pattern, "<iq xmlns='jabber:client'><error type='cancel'><feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>").matched()).isFalse();
    }

    @Test
    void twoChildrenOfTheSameNameArePairedByContent() {
        String pattern = "<query xmlns='q'><item jid='b'/><item jid='a'/></query>";
        assertThat(m(pattern, "<query xmlns='q'><item jid='a'/><item jid='c'/><item jid='b'/></query>").matched()).isTrue();
        assertThat(m(pattern, "<query xmlns='q'><item jid='a'/><item jid='c'/></query>").matched()).isFalse();
    }

    @Test
    void missingChildDoesNotMatch() {
        MatchResult r = m("<iq xmlns='jabber:client'><query xmlns='q'/></iq>", "<iq xmlns='jabber:client'/>");
        assertThat(r.matched()).isFalse();
        assertThat(r.difference()).isNotBlank();
    }

    @Test
    void textIsTrimmedAndBlankPatternTextIgnored() {
        assertThat(m("<message xmlns='jabber:client'><body>hi</body></message>",
                "<message xmlns='jabber:client'><body>  hi\n</body></message>").matched()).isTrue();
        assertThat(m("<message xmlns='jabber:client'><body>hi</body></message>",
                "<message xmlns='jabber:client'><body>ho</body></message>").matched()).isFalse();
        assertThat(m("<message xmlns='jabber:client'><body/></message>",
                "<message xmlns='jabber:client'><body>anything</body></message>").matched()).isTrue();
        assertThat(m("<message xmlns='jabber:client'><body>hi</body></message>",
                "<message xmlns='jabber:client'><body/></message>").matched()).isFalse();
    }

    @Test
    void strictRefusesExtras() {
        assertThat(strict("<iq xmlns='jabber:client' type='result'/>", "<iq xmlns='jabber:client' type='result'/>").matched()).isTrue();
        assertThat(strict("<iq xmlns='jabber:client' type='result'/>", "<iq xmlns='jabber:client' type='result' id='1'/>").matched()).isFalse();
        assertThat(strict("<iq xmlns='jabber:client' type='result'/>", "<iq xmlns='jabber:client' type='result'><x xmlns='y'/></iq>").matched()).isFalse();
        assertThat(strict("<iq xmlns='jabber:client' id='{any}'><x xmlns='y'/></iq>", "<iq xmlns='jabber:client' id='7'><x xmlns='y'/></iq>").matched()).isTrue();
    }

    @Test
    void xmlLangIsAnAttributeLikeOthers() {
        assertThat(m("<message xmlns='jabber:client' xml:lang='en'/>", "<message xmlns='jabber:client' xml:lang='en' id='1'/>").matched()).isTrue();
        assertThat(m("<message xmlns='jabber:client' xml:lang='en'/>", "<message xmlns='jabber:client' xml:lang='de'/>").matched()).isFalse();
        assertThat(m("<message xmlns='jabber:client' xml:lang='en'/>", "<message xmlns='jabber:client'/>").matched()).isFalse();
        assertThat(m("<message xmlns='jabber:client'/>", "<message xmlns='jabber:client' xml:lang='de'/>").matched()).isTrue();
    }

    @Test
    void alternatives() {
        List<Element> alts = List.of(x("<iq xmlns='jabber:client' type='error'><error><a xmlns='s'/></error></iq>"),
                x("<iq xmlns='jabber:client' type='error'><error><b xmlns='s'/></error></iq>"));
        assertThat(StanzaMatcher.matchAny(alts, x("<iq xmlns='jabber:client' type='error'><error><b xmlns='s'/></error></iq>"), false, n -> null).matched()).isTrue();
        assertThat(StanzaMatcher.matchAny(alts, x("<iq xmlns='jabber:client' type='error'><error><c xmlns='s'/></error></iq>"), false, n -> null).matched()).isFalse();
    }

    @Test
    void differentNameIsDescribed() {
        MatchResult r = m("<iq xmlns='jabber:client'/>", "<message xmlns='jabber:client'/>");
        assertThat(r.matched()).isFalse();
        assertThat(r.difference()).contains("message");
    }

    @Test
    void resolvesOutgoingPlaceholders() {
        Bindings b = new Bindings("example.org").account("alice", "alice@example.org", "alice").session("a", "alice@example.org/r");
        Element out = Placeholders.resolve(x("<message xmlns='jabber:client' to='{alice}' from='{a}'><body>{alice.node} at {domain} {not a placeholder}</body></message>"), b);
        assertThat(out.attribute("to")).isEqualTo("alice@example.org");
        assertThat(out.attribute("from")).isEqualTo("alice@example.org/r");
        assertThat(out.childText("body", "jabber:client")).isEqualTo("alice at example.org {not a placeholder}");
    }
}
