package org.xmppcert.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.sasl.MechanismSelector.PlainPolicy;
import org.xmppcert.xmpp.sasl.MechanismSelector.StreamSecurity;
import org.xmppcert.xmpp.sasl.Selection.Decision;

class MechanismSelectorTest {

    private static final List<String> EVERYTHING =
            List.of("PLAIN", "ANONYMOUS", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "EXTERNAL");
    private static final SaslCredentials JULIET =
            SaslCredentials.of("im.example.com", "juliet", "r0m30myr0m30".toCharArray());
    private static final SaslCredentials BOUND =
            JULIET.withChannelBinding(ChannelBinding.of("tls-exporter", new byte[32]));
    private static final MechanismSelector DEFAULTS = MechanismSelector.withDefaultOrder();

    @Test
    void followsTheClientsOrderNotTheServers() {
        Selection selection = DEFAULTS.select(EVERYTHING, BOUND, StreamSecurity.TLS_VERIFIED, true);

        assertThat(selection.chosen()).contains("EXTERNAL");
        assertThat(selection.candidates())
                .containsExactly("EXTERNAL", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "DIGEST-MD5", "PLAIN");
        assertThat(selection.decisionFor("SCRAM-SHA-1-PLUS")).contains(Decision.FALLBACK);
        assertThat(selection.decisionFor("ANONYMOUS")).contains(Decision.ANONYMOUS_NOT_REQUESTED);
    }

    @Test
    void externalOnlyWithAClientCertificate() {
        Selection selection = DEFAULTS.select(EVERYTHING, BOUND, StreamSecurity.TLS_VERIFIED, false);

        assertThat(selection.chosen()).contains("SCRAM-SHA-1-PLUS");
        assertThat(selection.decisionFor("EXTERNAL")).contains(Decision.NO_CLIENT_CERTIFICATE);
    }

    @Test
    void scramPlusOnlyWithChannelBinding() {
        Selection selection = DEFAULTS.select(EVERYTHING, JULIET, StreamSecurity.TLS_VERIFIED, false);

        assertThat(selection.chosen()).contains("SCRAM-SHA-1");
        assertThat(selection.decisionFor("SCRAM-SHA-1-PLUS")).contains(Decision.NO_CHANNEL_BINDING);
    }

    @Test
    void thenDigestMd5ThenPlain() {
        assertThat(DEFAULTS.select(List.of("PLAIN", "DIGEST-MD5"), JULIET, StreamSecurity.TLS_VERIFIED, false).chosen())
                .contains("DIGEST-MD5");
        assertThat(DEFAULTS.select(List.of("PLAIN"), JULIET, StreamSecurity.TLS_VERIFIED, false).chosen())
                .contains("PLAIN");
    }

    @Test
    void plainNeverInCleartextUnlessExplicitlyAllowed() {
        Selection refused = DEFAULTS.select(List.of("PLAIN"), JULIET, StreamSecurity.NONE, false);
        Selection allowed = DEFAULTS.withPlainPolicy(PlainPolicy.ALSO_CLEARTEXT)
                .select(List.of("PLAIN"), JULIET, StreamSecurity.NONE, false);

        assertThat(refused.chosen()).isEmpty();
        assertThat(refused.decisionFor("PLAIN")).contains(Decision.CLEARTEXT_NOT_ALLOWED);
        assertThat(refused.explain()).contains("RFC 6120 §13.8.3").contains("chosen: (none)");
        assertThat(allowed.chosen()).contains("PLAIN");
    }

    @Test
    void plainOverUnverifiedTlsOnlyWhenThePolicySaysSo() {
        Selection refused = DEFAULTS.select(List.of("PLAIN"), JULIET, StreamSecurity.TLS_UNVERIFIED, false);
        Selection allowed = DEFAULTS.withPlainPolicy(PlainPolicy.ANY_TLS)
                .select(List.of("PLAIN"), JULIET, StreamSecurity.TLS_UNVERIFIED, false);
        Selection stillNotCleartext = DEFAULTS.withPlainPolicy(PlainPolicy.ANY_TLS)
                .select(List.of("PLAIN"), JULIET, StreamSecurity.NONE, false);

        assertThat(refused.decisionFor("PLAIN")).contains(Decision.TLS_NOT_VERIFIED);
        assertThat(allowed.chosen()).contains("PLAIN");
        assertThat(stillNotCleartext.decisionFor("PLAIN")).contains(Decision.CLEARTEXT_NOT_ALLOWED);
    }

    @Test
    void anonymousOnlyWhenAskedOrWithoutPassword() {
        List<String> offer = List.of("ANONYMOUS", "PLAIN");

        assertThat(DEFAULTS.select(offer, JULIET, StreamSecurity.NONE, false).chosen()).isEmpty();
        assertThat(DEFAULTS.withAnonymous().select(offer, JULIET, StreamSecurity.NONE, false).chosen())
                .contains("ANONYMOUS");
        assertThat(DEFAULTS.select(offer, SaslCredentials.withoutPassword("example.com"), StreamSecurity.NONE, false)
                .chosen()).contains("ANONYMOUS");
    }

    @Test
    void withoutPasswordOnlyExternalAndAnonymousRemain() {
        Selection selection = DEFAULTS.select(EVERYTHING, SaslCredentials.withoutPassword("example.com"),
                StreamSecurity.TLS_VERIFIED, true);

        assertThat(selection.candidates()).containsExactly("EXTERNAL", "ANONYMOUS");
        assertThat(selection.decisionFor("SCRAM-SHA-1")).contains(Decision.NO_PASSWORD);
    }

    @Test
    void anExplicitOrderOverridesTheDefaultAndExcludesWhatItLeavesOut() {
        MechanismSelector plainFirst = MechanismSelector.withOrder(List.of("PLAIN", "SCRAM-SHA-1"));

        Selection selection = plainFirst.select(EVERYTHING, BOUND, StreamSecurity.TLS_VERIFIED, true);

        assertThat(selection.candidates()).containsExactly("PLAIN", "SCRAM-SHA-1");
        assertThat(selection.decisionFor("EXTERNAL")).contains(Decision.NOT_IN_PREFERENCE_ORDER);
        assertThat(selection.decisionFor("DIGEST-MD5")).contains(Decision.NOT_IN_PREFERENCE_ORDER);
    }

    @Test
    void anExplicitOrderListingAnonymousAsksForIt() {
        Selection selection = MechanismSelector.withOrder(List.of("ANONYMOUS"))
                .select(List.of("ANONYMOUS"), JULIET, StreamSecurity.NONE, false);

        assertThat(selection.chosen()).contains("ANONYMOUS");
    }

    @Test
    void anExplicitOrderOnlyNamesImplementedMechanismsOnce() {
        assertThatThrownBy(() -> MechanismSelector.withOrder(List.of("GSSAPI"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MechanismSelector.withOrder(List.of("PLAIN", "PLAIN")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownAndInvalidOfferedNamesAreIgnoredAndReported() {
        Selection selection = DEFAULTS.select(List.of("X-OAUTH2", "GSSAPI", "scram-sha-1", " PLAIN", "SCRAM-SHA-1"),
                JULIET, StreamSecurity.TLS_VERIFIED, false);

        assertThat(selection.chosen()).contains("SCRAM-SHA-1");
        assertThat(selection.decisionFor("X-OAUTH2")).contains(Decision.NOT_SUPPORTED);
        assertThat(selection.decisionFor("GSSAPI")).contains(Decision.NOT_SUPPORTED);
        assertThat(selection.decisionFor("scram-sha-1")).contains(Decision.INVALID_NAME);
        assertThat(selection.decisionFor(" PLAIN")).contains(Decision.INVALID_NAME);
        assertThat(selection.decisionFor("PLAIN")).contains(Decision.NOT_OFFERED);
    }

    @Test
    void nothingAcceptableIsAnEmptyChoiceNotAnError() {
        Selection selection = DEFAULTS.select(List.of("X-UNKNOWN"), JULIET, StreamSecurity.TLS_VERIFIED, false);

        assertThat(selection.chosen()).isEmpty();
        assertThat(selection.newMechanism(JULIET)).isEmpty();
    }

    @Test
    void explainsTheOfferTheChoiceAndEverySkip() {
        Selection selection = DEFAULTS.select(List.of("SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN"), JULIET,
                StreamSecurity.TLS_UNVERIFIED, false);

        assertThat(selection.explain()).isEqualTo(String.join("\n",
                "offered: SCRAM-SHA-1-PLUS SCRAM-SHA-1 PLAIN",
                "chosen: SCRAM-SHA-1",
                "  EXTERNAL: not offered by the server",
                "  SCRAM-SHA-1-PLUS: the TLS layer gave no channel binding (RFC 5802 §6)",
                "  SCRAM-SHA-1: chosen: the most preferred eligible mechanism",
                "  DIGEST-MD5: not offered by the server",
                "  PLAIN: PLAIN over TLS without full certificate validation (RFC 6120 §13.8.3, §13.7.2.1)",
                "  ANONYMOUS: not offered by the server"));
    }

    @Test
    void instantiatesTheChoiceAndTheFallbacks() {
        SaslCredentials credentials = BOUND.withAuthzid("juliet@example.com");
        Selection selection = DEFAULTS.select(EVERYTHING, credentials, StreamSecurity.TLS_VERIFIED, true);

        SaslMechanism external = selection.newMechanism(credentials).orElseThrow();

        assertThat(external).isInstanceOf(External.class);
        assertThat(external.initialResponse()).hasValueSatisfying(r -> assertThat(r).asString().isEqualTo("juliet@example.com"));
        assertThat(selection.newMechanism("SCRAM-SHA-1-PLUS", credentials).name()).isEqualTo("SCRAM-SHA-1-PLUS");
        assertThat(selection.newMechanism("DIGEST-MD5", credentials)).isInstanceOf(DigestMd5.class);
        assertThat(selection.newMechanism("PLAIN", credentials)).isInstanceOf(Plain.class);
        assertThatThrownBy(() -> selection.newMechanism("ANONYMOUS", credentials)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNonPlusScramGetsYOnlyWhenPlusWasNotOffered() {
        List<String> noPlus = List.of("SCRAM-SHA-1", "PLAIN");
        List<String> withPlus = List.of("SCRAM-SHA-1-PLUS", "SCRAM-SHA-1");
        MechanismSelector scramOnly = MechanismSelector.withOrder(List.of("SCRAM-SHA-1"));

        ScramSha1 downgraded = (ScramSha1) scramOnly.select(noPlus, BOUND, StreamSecurity.TLS_VERIFIED, false)
                .newMechanism(BOUND).orElseThrow();
        ScramSha1 optedOut = (ScramSha1) scramOnly.select(withPlus, BOUND, StreamSecurity.TLS_VERIFIED, false)
                .newMechanism(BOUND).orElseThrow();

        assertThat(downgraded.channelBindingFlag()).isEqualTo(ScramSha1.ChannelBindingFlag.SUPPORTED_NOT_OFFERED);
        assertThat(optedOut.channelBindingFlag()).isEqualTo(ScramSha1.ChannelBindingFlag.NOT_SUPPORTED);
    }
}
