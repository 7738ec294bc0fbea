package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.lang.Barrier;
import org.xmppcert.xmpp.xml.Element;

class TamperTest {

    private static final Element RESULT = Tamper.xml("<iq type='result' id='1' from='d'><query xmlns='q'/></iq>");
    private static final Element FEATURES = Tamper.xml(
            "<stream:features xmlns:stream='http://etherx.jabber.org/streams'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");

    @Test
    void dropsOnlyWhatMatches() {
        Tamper t = Tamper.on(Tamper.iq("result")).drop();
        assertThat(t.apply(RESULT)).isEmpty();
        Element error = Tamper.xml("<iq type='error' id='1'/>");
        assertThat(t.apply(error)).containsExactly(error);
    }

    @Test
    void attributesAndChildren() {
        assertThat(Tamper.on(Tamper.iq("result")).setAttribute("type", "error").apply(RESULT).get(0).attribute("type"))
                .isEqualTo("error");
        assertThat(Tamper.on(Tamper.iq("result")).removeAttribute("from").apply(RESULT).get(0).attribute("from")).isNull();
        assertThat(Tamper.on(Tamper.iq("result")).removeChild("query", "q").apply(RESULT).get(0).elements()).isEmpty();
        assertThat(Tamper.on(Tamper.iq("result")).addChild("<x xmlns='y'/>").apply(RESULT).get(0).hasChild("x", "y")).isTrue();
    }

    @Test
    void replaceAndInject() {
        List<Element> replaced = Tamper.on(Tamper.iq("result")).replaceWith("<message><body>b</body></message>").apply(RESULT);
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0).is("message", "jabber:client")).isTrue();
        List<Element> injected = Tamper.on(Tamper.iq("result")).inject("<message/>").apply(RESULT);
        assertThat(injected).hasSize(2);
        assertThat(injected.get(0)).isSameAs(RESULT);
    }

    @Test
    void onceChangesOnlyTheFirst() {
        Tamper t = Tamper.on(Tamper.iq("result")).once().drop();
        assertThat(t.apply(RESULT)).isEmpty();
        assertThat(t.apply(RESULT)).containsExactly(RESULT);
    }

    @Test
    void neverTouchesBarrierPingsOrNonStanzas() {
        Element answer = Tamper.xml("<iq type='result' id='" + Barrier.ID_PREFIX + "7'/>");
        assertThat(Tamper.on(e -> true).drop().apply(answer)).containsExactly(answer);
        assertThat(Tamper.on(e -> true).drop().apply(FEATURES)).containsExactly(FEATURES);
        assertThat(Tamper.onAnything(e -> e.name().equals("features")).drop().apply(FEATURES)).isEmpty();
        assertThat(Tamper.on(Tamper.hasDescendant("query", "q")).drop().apply(RESULT)).isEmpty();
    }
}
