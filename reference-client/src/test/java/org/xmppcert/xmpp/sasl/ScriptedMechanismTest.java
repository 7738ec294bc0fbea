package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The canned mechanism a harness uses to send deliberately wrong data. */
class ScriptedMechanismTest {

    @Test
    void sendsTheScriptAndRecordsWhatTheServerSent() throws SaslException {
        ScriptedMechanism scripted = ScriptedMechanism.withInitialResponse(
                "PLAIN", "\0\0".getBytes(UTF_8), List.of("bogus".getBytes(UTF_8)));

        assertThat(scripted.initialResponse()).hasValueSatisfying(r -> assertThat(r).isEqualTo(new byte[] {0, 0}));
        assertThat(scripted.evaluateChallenge(new byte[] {7})).isEqualTo("bogus".getBytes(UTF_8));
        scripted.verifySuccess(new byte[] {9});

        assertThat(scripted.challenges()).containsExactly(new byte[] {7});
        assertThat(scripted.successData()).hasValueSatisfying(d -> assertThat(d).containsExactly(9));
        assertThat(scripted.isComplete()).isTrue();
    }

    @Test
    void runningOutOfResponsesStopsTheExchange() {
        ScriptedMechanism scripted = ScriptedMechanism.withoutInitialResponse("X-TEST", List.of());

        SaslException e = catchThrowableOfType(SaslException.class, () -> scripted.evaluateChallenge(new byte[0]));

        assertThat(scripted.initialResponse()).isEmpty();
        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNSUPPORTED);
    }
}
