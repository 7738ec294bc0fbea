package org.xmppcert.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.XmlViolation;

class StreamErrorTest {

    @ParameterizedTest
    @EnumSource(value = StreamErrorCondition.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everyDefinedConditionRoundTrips(StreamErrorCondition condition) {
        StreamError sent = StreamError.of(condition, "why");
        StreamError read = StreamError.parse(sent.element());
        assertThat(read.condition()).isEqualTo(condition);
        assertThat(read.text()).isEqualTo("why");
        assertThat(read.textLang()).isEqualTo("en");
    }

    @Test
    void unknownConditionsKeepTheirName() {
        Element e = Element.builder("error", XmppNamespaces.STREAMS).prefix("stream")
                .child(Element.of("made-up", XmppNamespaces.STREAM_ERRORS))
                .child(Element.of("app-specific", "urn:example:app")).build();
        StreamError read = StreamError.parse(e);
        assertThat(read.condition()).isEqualTo(StreamErrorCondition.UNKNOWN);
        assertThat(read.conditionName()).isEqualTo("made-up");
        assertThat(read.applicationCondition().name()).isEqualTo("app-specific");
        assertThat(read.describe()).isEqualTo("made-up");
    }

    @Test
    void conditionsCarryTheirSpec() {
        assertThat(StreamErrorCondition.RESET.inRfc3920()).isFalse();
        assertThat(StreamErrorCondition.XML_NOT_WELL_FORMED.rfc6120Section()).isNull();
        assertThat(StreamErrorCondition.NOT_WELL_FORMED.rfc6120Section()).isEqualTo("4.9.3.13");
        assertThat(StreamErrorCondition.forViolation(XmlViolation.LIMIT_EXCEEDED))
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void headerVersionsAreComparedAsNumbers() {
        assertThat(header("1.0").supportsVersion1()).isTrue();
        assertThat(header("1.10").versionNumbers()).containsExactly(1, 10);
        assertThat(header("0.9").supportsVersion1()).isFalse();
        assertThat(header(null).versionNumbers()).containsExactly(0, 9);
        assertThat(header("one").versionNumbers()).isNull();
    }

    private static StreamHeader header(String version) {
        Element.Builder b = Element.builder("stream", XmppNamespaces.STREAMS).prefix("stream");
        if (version != null) {
            b.attribute("version", version);
        }
        return new StreamHeader(b.build());
    }
}
