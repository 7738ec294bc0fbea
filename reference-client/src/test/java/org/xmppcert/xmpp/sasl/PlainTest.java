package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** PLAIN, RFC 4616 §2. */
class PlainTest {

    private static final SaslCredentials JULIET =
            SaslCredentials.of("im.example.com", "juliet", "r0m30myr0m30".toCharArray());

    @Test
    void reproducesTheInitialResponseOfRfc6120Section6_4_2() {
        Plain plain = new Plain(JULIET);

        byte[] message = plain.initialResponse().orElseThrow();

        assertThat(plain.name()).isEqualTo("PLAIN");
        assertThat(SaslPayloads.encodeInitialResponse(message)).isEqualTo("AGp1bGlldAByMG0zMG15cjBtMzA=");
    }

    @Test
    void putsTheAuthzidBeforeTheFirstNul() {
        Plain plain = new Plain(JULIET.withAuthzid("romeo@im.example.com"));

        assertThat(plain.initialResponse().orElseThrow())
                .isEqualTo("romeo@im.example.com\0juliet\0r0m30myr0m30".getBytes(UTF_8));
    }

    @Test
    void encodesANonAsciiPasswordAsUtf8() {
        SaslCredentials credentials = SaslCredentials.of("example.com", "jürgen", "pässwörd-密码-🔑".toCharArray());

        byte[] message = new Plain(credentials).initialResponse().orElseThrow();

        assertThat(message).isEqualTo("\0jürgen\0pässwörd-密码-🔑".getBytes(UTF_8));
    }

    @Test
    void completesOnSuccessWithoutData() throws SaslException {
        Plain plain = new Plain(JULIET);
        plain.initialResponse();

        plain.verifySuccess(new byte[0]);

        assertThat(plain.isComplete()).isTrue();
    }

    @Test
    void answersTheEmptyFirstChallengeWhenNoInitialResponseWasSent() throws SaslException {
        Plain plain = new Plain(JULIET);

        byte[] response = plain.evaluateChallenge(new byte[0]);
        plain.verifySuccess(new byte[0]);

        assertThat(response).isEqualTo("\0juliet\0r0m30myr0m30".getBytes(UTF_8));
        assertThat(plain.isComplete()).isTrue();
    }

    @Test
    void aNonEmptyFirstChallengeBreaksRfc4422Section5() {
        Plain plain = new Plain(JULIET);

        SaslException e = catchThrowableOfType(SaslException.class, () -> plain.evaluateChallenge(new byte[] {1}));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
        assertThat(e.reason().isServerFault()).isTrue();
    }

    @Test
    void aChallengeAfterTheMessageIsUnexpected() {
        Plain plain = new Plain(JULIET);
        plain.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> plain.evaluateChallenge(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNEXPECTED_SERVER_DATA);
        assertThat(plain.isComplete()).isFalse();
    }

    @Test
    void additionalDataWithSuccessIsUnexpected() {
        Plain plain = new Plain(JULIET);
        plain.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> plain.verifySuccess(new byte[] {'x'}));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNEXPECTED_SERVER_DATA);
        assertThat(plain.isComplete()).isFalse();
    }

    @Test
    void successBeforeTheMessageIsPremature() {
        Plain plain = new Plain(JULIET);

        SaslException e = catchThrowableOfType(SaslException.class, () -> plain.verifySuccess(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.PREMATURE_SUCCESS);
    }

    @Test
    void callsOutOfOrderAreProgrammingErrors() {
        Plain plain = new Plain(JULIET);
        plain.initialResponse();

        assertThatThrownBy(plain::initialResponse).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesNulInsideAPartAndCredentialsWithoutPassword() {
        assertThatThrownBy(() -> new Plain(SaslCredentials.of("example.com", "a\0b", "x".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authcid");
        assertThatThrownBy(() -> new Plain(SaslCredentials.of("example.com", "ab", "x\0y".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> new Plain(SaslCredentials.withoutPassword("example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
