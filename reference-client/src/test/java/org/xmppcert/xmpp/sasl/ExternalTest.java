package org.xmppcert.xmpp.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** EXTERNAL, RFC 4422 Appendix A and XEP-0178 §2. */
class ExternalTest {

    @Test
    void withoutAuthzidSendsAnEmptyInitialResponseWrittenAsEquals() {
        External external = new External();

        byte[] message = external.initialResponse().orElseThrow();

        assertThat(external.name()).isEqualTo("EXTERNAL");
        assertThat(message).isEmpty();
        assertThat(SaslPayloads.encodeInitialResponse(message)).isEqualTo("=");
    }

    @Test
    void withAuthzidSendsItAsUtf8AsInXep0178Example10() {
        byte[] message = new External("juliet@example.com").initialResponse().orElseThrow();

        assertThat(SaslPayloads.encodeInitialResponse(message)).isEqualTo("anVsaWV0QGV4YW1wbGUuY29t");
    }

    @Test
    void answersTheEmptyChallengeOfRfc4422AppendixA2() throws SaslException {
        External external = new External();

        assertThat(external.evaluateChallenge(new byte[0])).isEmpty();
        external.verifySuccess(new byte[0]);

        assertThat(external.isComplete()).isTrue();
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> new External("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
