package org.xmppcert.xmpp.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionFailureTest {

    @ParameterizedTest
    @EnumSource(value = CompressionFailureCondition.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void knownConditionsRoundTripThroughTheirElementName(CompressionFailureCondition condition) {
        assertThat(CompressionFailureCondition.fromElementName(condition.elementName())).isSameAs(condition);
    }

    @Test
    void elementNamesAreThoseOfXep0138() {
        assertThat(CompressionFailureCondition.SETUP_FAILED.elementName()).isEqualTo("setup-failed");
        assertThat(CompressionFailureCondition.PROCESSING_FAILED.elementName()).isEqualTo("processing-failed");
        assertThat(CompressionFailureCondition.UNSUPPORTED_METHOD.elementName()).isEqualTo("unsupported-method");
    }

    @Test
    void unknownConditionKeepsTheNameThatWasReceived() {
        CompressionFailure failure = new CompressionFailure("bad-request", "no thanks");

        assertThat(failure.condition()).isEqualTo(CompressionFailureCondition.UNKNOWN);
        assertThat(failure.elementName()).isEqualTo("bad-request");
        assertThat(failure.text()).contains("no thanks");
        assertThat(failure).hasMessage("compression failure <bad-request/>: no thanks");
    }

    @Test
    void unknownHasNoNameOfItsOwn() {
        assertThatThrownBy(CompressionFailureCondition.UNKNOWN::elementName)
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CompressionFailure(CompressionFailureCondition.UNKNOWN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownConditionWithoutText() {
        CompressionFailure failure = new CompressionFailure(CompressionFailureCondition.UNSUPPORTED_METHOD, null);

        assertThat(failure.elementName()).isEqualTo("unsupported-method");
        assertThat(failure.text()).isEmpty();
        assertThat(failure).hasMessage("compression failure <unsupported-method/>");
    }
}
