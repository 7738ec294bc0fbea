package org.xmppcert.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaslFailureTest {

    @ParameterizedTest(name = "<{0}/> -> {1}, RFC 3920: {2}")
    @CsvSource({
        "aborted,                ABORTED,                true",
        "account-disabled,       ACCOUNT_DISABLED,       false",
        "credentials-expired,    CREDENTIALS_EXPIRED,    false",
        "encryption-required,    ENCRYPTION_REQUIRED,    false",
        "incorrect-encoding,     INCORRECT_ENCODING,     true",
        "invalid-authzid,        INVALID_AUTHZID,        true",
        "invalid-mechanism,      INVALID_MECHANISM,      true",
        "malformed-request,      MALFORMED_REQUEST,      false",
        "mechanism-too-weak,     MECHANISM_TOO_WEAK,     true",
        "not-authorized,         NOT_AUTHORIZED,         true",
        "temporary-auth-failure, TEMPORARY_AUTH_FAILURE, true",
    })
    void mapsEveryConditionOfRfc6120Section6_5(String name, SaslFailureCondition expected, boolean inRfc3920) {
        SaslFailureCondition condition = SaslFailureCondition.fromElementName(name);

        assertThat(condition).isEqualTo(expected);
        assertThat(condition.elementName()).isEqualTo(name);
        assertThat(condition.definedInRfc6120()).isTrue();
        assertThat(condition.definedInRfc3920()).isEqualTo(inRfc3920);
        assertThat(condition.treatedAs()).isEqualTo(condition);
    }

    @Test
    void rfc3920DefinesExactlyTheSevenConditionsOfItsSection6_4() {
        List<String> rfc3920 = Arrays.stream(SaslFailureCondition.values())
                .filter(SaslFailureCondition::definedInRfc3920)
                .map(SaslFailureCondition::elementName)
                .collect(Collectors.toList());

        assertThat(rfc3920).containsExactlyInAnyOrder("aborted", "incorrect-encoding", "invalid-authzid",
                "invalid-mechanism", "mechanism-too-weak", "not-authorized", "temporary-auth-failure");
    }

    @Test
    void undefinedNamesAreUnknownAndTreatedAsNotAuthorized() {
        assertThat(SaslFailureCondition.fromElementName("bad-protocol")).isEqualTo(SaslFailureCondition.UNKNOWN);
        assertThat(SaslFailureCondition.fromElementName("Not-Authorized")).isEqualTo(SaslFailureCondition.UNKNOWN);
        assertThat(SaslFailureCondition.UNKNOWN.treatedAs()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
        assertThat(SaslFailureCondition.UNKNOWN.definedInRfc3920()).isFalse();
        assertThat(SaslFailureCondition.UNKNOWN.definedInRfc6120()).isFalse();
        assertThatThrownBy(SaslFailureCondition.UNKNOWN::elementName).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsTheRawNameOfAnUnknownCondition() {
        SaslFailure failure = SaslFailure.of("bad-protocol", null, null);

        assertThat(failure.condition()).isEqualTo(SaslFailureCondition.UNKNOWN);
        assertThat(failure.conditionName()).contains("bad-protocol");
        assertThat(failure.getMessage()).contains("bad-protocol").contains("not-authorized");
    }

    @Test
    void aFailureWithoutConditionIsUnknownWithNoName() {
        SaslFailure failure = SaslFailure.of(null, null, null);

        assertThat(failure.condition()).isEqualTo(SaslFailureCondition.UNKNOWN);
        assertThat(failure.conditionName()).isEmpty();
        assertThat(failure.getMessage()).contains("without a condition");
    }

    @Test
    void carriesTextAndLanguageButKeepsTheTextOutOfTheMessage() {
        SaslFailure failure = SaslFailure.of("account-disabled", "Call 212-555-1212 for assistance.", "en");

        assertThat(failure.condition()).isEqualTo(SaslFailureCondition.ACCOUNT_DISABLED);
        assertThat(failure.text()).contains("Call 212-555-1212 for assistance.");
        assertThat(failure.textLanguage()).contains("en");
        assertThat(failure.getMessage()).isEqualTo("SASL failure: account-disabled").doesNotContain("212");
    }

    @Test
    void buildsFromADefinedCondition() {
        SaslFailure failure = SaslFailure.of(SaslFailureCondition.TEMPORARY_AUTH_FAILURE);

        assertThat(failure.conditionName()).contains("temporary-auth-failure");
        assertThat(failure.text()).isEmpty();
        assertThat(failure.textLanguage()).isEmpty();
    }
}
