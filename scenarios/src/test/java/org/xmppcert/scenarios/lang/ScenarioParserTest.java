package org.xmppcert.scenarios.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.model.Scenario;
import org.xmppcert.scenarios.model.Step;

class ScenarioParserTest {

    private final ScenarioParser parser = new ScenarioParser();

    static String scenario(String body) {
        return "<scenario xmlns='urn:xmppcert:scenario:1' id='t-1' spec='RFC 3920' subject='server'>\n"
                + "<title>  A   test </title>\n<account name='alice'/>\n<account name='bob'/>\n" + body + "\n</scenario>";
    }

    @Test
    void parsesTheDesignExample() {
        Scenario s = parser.parse("example.xml", scenario("""
                <connect session="a" account="alice"/>
                <send session="a">
                  <iq xmlns="jabber:client" type="get" id="u1" to="{domain}">
                    <query xmlns="urn:xmppcert:unknown"/>
                  </iq>
                </send>
                <expect session="a" judges="X-1 X-2" within="PT3S" strict="true" on-timeout="fail">
                  <iq type="error" id="u1" from="{domain}">
                    <error type="cancel"><service-unavailable xmlns="urn:ietf:params:xml:ns:xmpp-stanzas"/></error>
                  </iq>
                  <iq xmlns="jabber:client" type="error" id="{capture:eid}" from="{any}"/>
                </expect>
                <expect-nothing session="a" judges="X-3"><iq id="{eid}"/></expect-nothing>
                <send-raw session="a"><![CDATA[<iq type='get' id='x' to='{a}'/>]]></send-raw>
                <require-feature session="a" stage="after-sasl" name="ver" namespace="urn:xmpp:features:rosterver" judges="X-4"/>
                <disconnect session="a"/>
                """));
        assertThat(s.id()).isEqualTo("t-1");
        assertThat(s.title()).isEqualTo("A test");
        assertThat(s.subject()).isEqualTo(Subject.SERVER);
        assertThat(s.accounts()).containsExactly("alice", "bob");
        assertThat(s.steps()).hasSize(7);
        assertThat(s.judges()).containsExactly("X-1", "X-2", "X-3", "X-4");
        Step.Send send = (Step.Send) s.steps().get(1);
        assertThat(send.stanza().element().namespace()).isEqualTo("jabber:client");
        assertThat(send.stanza().element().elements().get(0).namespace()).isEqualTo("urn:xmppcert:unknown");
        Step.Expect e = (Step.Expect) s.steps().get(2);
        assertThat(e.patterns()).hasSize(2);
        // written without xmlns: read as jabber:client, children too
        assertThat(e.patterns().get(0).element().namespace()).isEqualTo("jabber:client");
        assertThat(e.patterns().get(0).element().elements().get(0).namespace()).isEqualTo("jabber:client");
        assertThat(e.within()).isEqualTo(Duration.ofSeconds(3));
        assertThat(e.strict()).isTrue();
        assertThat(e.barrier()).isTrue();
        assertThat(e.onTimeout()).isEqualTo(Step.OnTimeout.FAIL);
        assertThat(((Step.SendRaw) s.steps().get(4)).text()).isEqualTo("<iq type='get' id='x' to='{a}'/>");
        assertThat(((Step.RequireFeature) s.steps().get(5)).stage()).isEqualTo("after SASL");
    }

    @Test
    void schemaErrorsNameFileAndLine() {
        assertThatThrownBy(() -> parser.parse("bad.xml", scenario("<connect session='a'/>")))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageStartingWith("bad.xml:5: ")
                .hasMessageContaining("account");
    }

    @Test
    void sessionMustBeConnectedBeforeUse() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario("<send session='a'><message/></send>")))
                .hasMessageContaining("s.xml:5").hasMessageContaining("not connected");
    }

    @Test
    void disconnectedSessionCannotBeUsed() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><disconnect session='a'/><send session='a'><message/></send>")))
                .hasMessageContaining("disconnected");
    }

    @Test
    void accountMustBeDeclared() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario("<connect session='a' account='carol'/>")))
                .hasMessageContaining("carol");
    }

    @Test
    void duplicateAccount() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario("<account name='alice'/>")))
                .isInstanceOf(ScenarioParseException.class);
    }

    @Test
    void sessionNamedLikeAccount() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario("<connect session='bob' account='alice'/>")))
                .hasMessageContaining("ambiguous");
    }

    @Test
    void unknownPlaceholder() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><send session='a'><message to='{carol}'/></send>")))
                .hasMessageContaining("unknown placeholder {carol}");
    }

    @Test
    void captureUsedBeforeItIsMade() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><send session='a'><message id='{x}'/></send>"
                        + "<expect session='a' judges='A'><message id='{capture:x}'/></expect>")))
                .hasMessageContaining("{x}");
    }

    @Test
    void anyOnlyInPatterns() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><send session='a'><message id='{any}'/></send>")))
                .hasMessageContaining("only allowed in expectation patterns");
    }

    @Test
    void knownPlaceholders() {
        Scenario s = parser.parse("s.xml", scenario("<connect session='a' account='alice'/>"
                + "<send session='a'><message to='{bob}' from='{a}'><body>{alice.node}@{domain}</body></message></send>"));
        assertThat(s.steps()).hasSize(2);
    }

    @Test
    void sendNeedsExactlyOneStanza() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><send session='a'><message/><message/></send>")))
                .isInstanceOf(ScenarioParseException.class);
    }

    @Test
    void doctypeIsRefused() {
        String xml = "<!DOCTYPE scenario [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + scenario("");
        assertThatThrownBy(() -> parser.parse("s.xml", xml)).isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void withinMustBeADuration() {
        assertThatThrownBy(() -> parser.parse("s.xml", scenario(
                "<connect session='a' account='alice'/><expect session='a' judges='A' within='soon'><message/></expect>")))
                .isInstanceOf(ScenarioParseException.class);
    }
}
