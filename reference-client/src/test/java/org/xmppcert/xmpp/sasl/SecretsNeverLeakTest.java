package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.sasl.MechanismSelector.StreamSecurity;

/**
 * Drives every type of the package through success and failure paths and scans every
 * toString() and exception message for the password, the channel-binding data and the SASL
 * payloads, in clear, base 64 and hex.
 */
class SecretsNeverLeakTest {

    private static final String PASSWORD = "Zq7-Quokka-Marmalade-9931";
    private static final byte[] CBIND_DATA = "TLS-EXPORTER-SECRET-BYTES-0123456789".getBytes(UTF_8);

    private final List<String> seen = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();

    private SaslCredentials credentials() {
        return SaslCredentials.of("example.com", "juliet", PASSWORD.toCharArray())
                .withAuthzid("romeo@example.com")
                .withChannelBinding(ChannelBinding.of("tls-exporter", CBIND_DATA));
    }

    @Test
    void noToStringOrExceptionMessageShowsASecret() throws Exception {
        SaslCredentials credentials = credentials();
        see(credentials);
        see(credentials.channelBinding().orElseThrow());

        exercisePlain(credentials);
        exerciseScram(credentials);
        exerciseDigest(credentials);
        exerciseSelection(credentials);
        exercisePayloads();
        exerciseRefusedCredentials();

        List<String> forbidden = forbiddenStrings();
        assertThat(seen).isNotEmpty();
        for (String text : seen) {
            for (String secret : forbidden) {
                assertThat(text).as("a toString or message").doesNotContain(secret);
            }
        }
    }

    @Test
    void theCallersPasswordArrayIsCopiedSoItCanBeWiped() {
        char[] password = PASSWORD.toCharArray();
        SaslCredentials credentials = SaslCredentials.of("example.com", "juliet", password);
        Arrays.fill(password, '\0');

        byte[] message = new Plain(credentials).initialResponse().orElseThrow();

        assertThat(new String(message, UTF_8)).endsWith(PASSWORD);
        assertThat(credentials.password()).containsExactly(PASSWORD.toCharArray());
    }

    private void exercisePlain(SaslCredentials credentials) {
        Plain plain = new Plain(credentials);
        see(plain);
        payloads.add(plain.initialResponse().orElseThrow());
        see(plain);
        expectFailure(() -> plain.verifySuccess(PASSWORD.getBytes(UTF_8)));
        see(plain);
    }

    private void exerciseScram(SaslCredentials credentials) throws Exception {
        for (boolean plus : new boolean[] {false, true}) {
            ScramSha1 scram = plus ? ScramSha1.plus(credentials) : ScramSha1.nonPlus(credentials, List.of("SCRAM-SHA-1"));
            ReferenceScramServer server = new ReferenceScramServer(PASSWORD, "salt".getBytes(UTF_8), 4096, "srv",
                    plus ? CBIND_DATA : null);
            see(scram);
            byte[] first = scram.initialResponse().orElseThrow();
            String serverFirst = server.serverFirst(new String(first, UTF_8));
            byte[] last = scram.evaluateChallenge(serverFirst.getBytes(UTF_8));
            payloads.add(first);
            payloads.add(last);
            see(scram);
            // A tampered signature, then the genuine one on a fresh attempt.
            expectFailure(() -> scram.verifySuccess(("v=" + Base64.getEncoder().encodeToString(new byte[20])).getBytes(UTF_8)));
            see(scram);
        }
        ScramSha1 scram = ScramSha1.nonPlus(credentials, List.of("SCRAM-SHA-1"));
        scram.initialResponse();
        expectFailure(() -> scram.evaluateChallenge(("r=" + PASSWORD + ",s=c2FsdA==,i=4096").getBytes(UTF_8)));
        ScramSha1 error = ScramSha1.nonPlus(credentials, List.of("SCRAM-SHA-1"));
        ReferenceScramServer server = new ReferenceScramServer(PASSWORD, "salt".getBytes(UTF_8), 4096, "srv", null);
        error.evaluateChallenge(server.serverFirst(new String(error.evaluateChallenge(new byte[0]), UTF_8)).getBytes(UTF_8));
        expectFailure(() -> error.verifySuccess(("e=" + PASSWORD).getBytes(UTF_8)));
    }

    private void exerciseDigest(SaslCredentials credentials) {
        DigestMd5 digest = new DigestMd5(credentials);
        see(digest);
        try {
            payloads.add(digest.evaluateChallenge("realm=\"example.com\",nonce=\"n\",charset=utf-8,algorithm=md5-sess"
                    .getBytes(UTF_8)));
        } catch (SaslException e) {
            throw new AssertionError(e);
        }
        see(digest);
        expectFailure(() -> digest.evaluateChallenge(("rspauth=" + PASSWORD).getBytes(UTF_8)));
        see(digest);
        expectFailure(() -> new DigestMd5(credentials).evaluateChallenge(("nonce=\"" + PASSWORD).getBytes(UTF_8)));
    }

    private void exerciseSelection(SaslCredentials credentials) {
        MechanismSelector selector = MechanismSelector.withDefaultOrder();
        Selection selection = selector.select(List.of("SCRAM-SHA-1-PLUS", "PLAIN", "X-" + "UNKNOWN"), credentials,
                StreamSecurity.TLS_VERIFIED, false);
        see(selector);
        see(selection);
        see(selection.explain());
        selection.candidates().forEach(name -> see(selection.newMechanism(name, credentials)));
    }

    private void exercisePayloads() {
        String encoded = Base64.getEncoder().encodeToString(("\0juliet\0" + PASSWORD).getBytes(UTF_8));
        expectFailure(() -> SaslPayloads.decode(encoded.substring(0, 10) + " " + encoded.substring(10)));
        expectFailure(() -> SaslPayloads.decode(encoded.substring(0, encoded.length() - 1) + "*"));
        expectFailure(() -> SaslPayloads.decode(encoded.substring(1)));
        SaslFailure failure = SaslFailure.of("not-authorized", "wrong password " + PASSWORD, "en");
        see(failure.getMessage());
        see(failure.toString());
    }

    private void exerciseRefusedCredentials() {
        // SASLprep prohibits ASCII control characters (RFC 4013 §2.3, RFC 3454 C.2.1).
        SaslCredentials unpreparable = SaslCredentials.of("example.com", "juliet", (PASSWORD + "\u0007").toCharArray());
        ScramSha1 scram = ScramSha1.nonPlus(unpreparable, List.of("SCRAM-SHA-1"));
        ReferenceScramServer server = new ReferenceScramServer(PASSWORD, "salt".getBytes(UTF_8), 4096, "srv", null);
        String serverFirst = server.serverFirst(new String(scram.initialResponse().orElseThrow(), UTF_8));
        expectFailure(() -> scram.evaluateChallenge(serverFirst.getBytes(UTF_8)));

        SaslCredentials cyrillic = SaslCredentials.of("example.com", "juliet", (PASSWORD + "Ж").toCharArray());
        expectFailure(() -> new DigestMd5(cyrillic).evaluateChallenge("nonce=\"n\",algorithm=md5-sess".getBytes(UTF_8)));
        try {
            new Plain(SaslCredentials.of("example.com", "juliet", (PASSWORD + "\0").toCharArray()));
        } catch (IllegalArgumentException e) {
            see(e.getMessage());
            see(e.toString());
        }
    }

    private List<String> forbiddenStrings() {
        List<String> forbidden = new ArrayList<>(List.of(
                PASSWORD,
                PASSWORD.substring(4, 16),
                Base64.getEncoder().encodeToString(PASSWORD.getBytes(UTF_8)),
                new String(CBIND_DATA, UTF_8),
                Base64.getEncoder().encodeToString(CBIND_DATA),
                HexFormat.of().formatHex(CBIND_DATA)));
        for (byte[] payload : payloads) {
            String encoded = Base64.getEncoder().encodeToString(payload);
            forbidden.add(encoded.substring(0, Math.min(encoded.length(), 16)));
            String text = new String(payload, UTF_8);
            if (text.length() >= 16) {
                forbidden.add(text.substring(text.length() - 16));
            }
        }
        return forbidden;
    }

    private void see(Object object) {
        seen.add(String.valueOf(object));
    }

    private void expectFailure(ThrowingRunnable action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (SaslException | IllegalArgumentException | IllegalStateException e) {
            see(e.getMessage());
            see(e.toString());
            assertThat(e.getCause()).isNull();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws SaslException;
    }
}
