package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramSha1Test {

    // RFC 5802 §5
    private static final SaslCredentials USER = SaslCredentials.of("example.com", "user", "pencil".toCharArray());
    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String CLIENT_FIRST = "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL";
    private static final String SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    private static final String CLIENT_FINAL =
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=";
    private static final String SERVER_FINAL = "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=";

    private static final byte[] CBIND_DATA = {(byte) 0xA1, 0x02, 0x03, (byte) 0xFE, 0x05, 0x06, 0x07, 0x08};

    private static ScramSha1 rfc5802() {
        return new ScramSha1(USER, ScramSha1.ChannelBindingFlag.NOT_SUPPORTED, () -> CLIENT_NONCE);
    }

    private static ScramSha1 afterClientFinal() throws SaslException {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();
        scram.evaluateChallenge(bytes(SERVER_FIRST));
        return scram;
    }

    @Test
    void reproducesTheExchangeOfRfc5802Section5ByteForByte() throws SaslException {
        ScramSha1 scram = rfc5802();

        byte[] clientFirst = scram.initialResponse().orElseThrow();
        byte[] clientFinal = scram.evaluateChallenge(bytes(SERVER_FIRST));
        scram.verifySuccess(bytes(SERVER_FINAL));

        assertThat(scram.name()).isEqualTo("SCRAM-SHA-1");
        assertThat(clientFirst).isEqualTo(bytes(CLIENT_FIRST));
        assertThat(clientFinal).isEqualTo(bytes(CLIENT_FINAL));
        assertThat(scram.isComplete()).isTrue();
        assertThat(scram.iterationCount()).hasValue(4096);
    }

    @Test
    void reproducesTheScramExampleOfRfc6120Section9_1_2() throws SaslException {
        SaslCredentials juliet = SaslCredentials.of("im.example.com", "juliet", "r0m30myr0m30".toCharArray());
        ScramSha1 scram = new ScramSha1(juliet, ScramSha1.ChannelBindingFlag.NOT_SUPPORTED,
                () -> "oMsTAAwAAAAMAAAANP0TAAAAAABPU0AA");

        String auth = SaslPayloads.encodeInitialResponse(scram.initialResponse().orElseThrow());
        String response = SaslPayloads.encodeResponse(scram.evaluateChallenge(SaslPayloads.decode(
                "cj1vTXNUQUF3QUFBQU1BQUFBTlAwVEFBQUFBQUJQVTBBQWUxMjQ2OTViLTY5YTktNGRlNi05YzMwLWI1MWIzODA4YzU5ZSxzPU5qaGtZVE0wTURndE5HWTBaaTAwTmpkbUxUa3hNbVV0TkRsbU5UTm1ORE5rTURNeixpPTQwOTY=")));
        scram.verifySuccess(SaslPayloads.decode("dj1wTk5ERlZFUXh1WHhDb1NFaVc4R0VaKzFSU289"));

        assertThat(auth).isEqualTo("biwsbj1qdWxpZXQscj1vTXNUQUF3QUFBQU1BQUFBTlAwVEFBQUFBQUJQVTBBQQ==");
        assertThat(response).isEqualTo("Yz1iaXdzLHI9b01zVEFBd0FBQUFNQUFBQU5QMFRBQUFBQUFCUFUwQUFlMTI0Njk1Yi02OWE5LTRkZTYtOWMzMC1iNTFiMzgwOGM1OWUscD1VQTU3dE0vU3ZwQVRCa0gyRlhzMFdEWHZKWXc9");
        assertThat(scram.isComplete()).isTrue();
    }

    @ParameterizedTest(name = "rejects server-final {0}")
    @ValueSource(strings = {
        "v=smF9pqV8S7suAoZWja4dJRkFsKQ=",    // first character changed
        "v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=",    // right length, wrong value
        "v=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",    // the client's proof replayed
    })
    void rejectsATamperedServerSignatureWithSuccess(String tampered) throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(bytes(tampered)));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_PROOF_MISMATCH);
        assertThat(e.reason().isServerFault()).isTrue();
        assertThat(scram.isComplete()).isFalse();
    }

    @Test
    void acceptsTheServerFinalMessageAsAFinalChallengeAnsweredEmpty() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        byte[] response = scram.evaluateChallenge(bytes(SERVER_FINAL));
        assertThat(scram.isComplete()).isFalse();
        scram.verifySuccess(new byte[0]);

        assertThat(response).isEmpty();
        assertThat(scram.isComplete()).isTrue();
    }

    @Test
    void rejectsATamperedServerSignatureInAFinalChallenge() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> scram.evaluateChallenge(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKA=")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_PROOF_MISMATCH);
    }

    @Test
    void toleratesTheSameServerFinalRepeatedWithSuccessButNotAnotherOne() throws SaslException {
        ScramSha1 repeated = afterClientFinal();
        repeated.evaluateChallenge(bytes(SERVER_FINAL));
        repeated.verifySuccess(bytes(SERVER_FINAL));

        ScramSha1 other = afterClientFinal();
        other.evaluateChallenge(bytes(SERVER_FINAL));
        SaslException e = catchThrowableOfType(SaslException.class, () -> other.verifySuccess(bytes("v=AAAA")));

        assertThat(repeated.isComplete()).isTrue();
        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNEXPECTED_SERVER_DATA);
    }

    @Test
    void successWithoutTheServerSignatureIsRefused() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MISSING_SERVER_PROOF);
        assertThat(scram.isComplete()).isFalse();
    }

    @Test
    void successBeforeTheClientFinalMessageIsPremature() {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(bytes(SERVER_FINAL)));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.PREMATURE_SUCCESS);
    }

    @Test
    void aChallengeAfterTheServerFinalMessageIsUnexpected() throws SaslException {
        ScramSha1 scram = afterClientFinal();
        scram.evaluateChallenge(bytes(SERVER_FINAL));

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.evaluateChallenge(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNEXPECTED_SERVER_DATA);
    }

    @Test
    void withoutInitialResponseTheEmptyFirstChallengeGetsTheClientFirstMessage() throws SaslException {
        ScramSha1 scram = rfc5802();

        assertThat(scram.evaluateChallenge(new byte[0])).isEqualTo(bytes(CLIENT_FIRST));
        assertThat(scram.evaluateChallenge(bytes(SERVER_FIRST))).isEqualTo(bytes(CLIENT_FINAL));
    }

    @Test
    void withoutInitialResponseANonEmptyFirstChallengeIsMalformed() {
        ScramSha1 scram = rfc5802();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.evaluateChallenge(bytes(SERVER_FIRST)));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
    }

    @ParameterizedTest(name = "server-first {0}")
    @ValueSource(strings = {
        "r=someoneElsesNonce3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",   // not our nonce
        "r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096",              // no server part
        "s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawL3rfc,i=4096",           // wrong order
        "r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92",                 // no i=
        "r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=not*base64,i=4096",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=0",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=-1",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=many",
        "",
    })
    void rejectsAMalformedServerFirstMessage(String serverFirst) {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.evaluateChallenge(bytes(serverFirst)));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
        assertThat(e.getMessage()).doesNotContain("fyko").doesNotContain("QSXCR");
    }

    @Test
    void refusesAnIterationCountAboveItsLimitWithoutComputingIt() {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.evaluateChallenge(
                bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=2147483647")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNSUPPORTED);
        assertThat(e.reason().isServerFault()).isFalse();
    }

    @Test
    void aMandatoryExtensionMustCauseFailure() {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.evaluateChallenge(
                bytes("m=ext,r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNSUPPORTED);
    }

    @Test
    void ignoresOptionalExtensionsAfterTheIterationCount() throws SaslException {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        assertThat(scram.evaluateChallenge(bytes(SERVER_FIRST + ",x=future"))).isEqualTo(bytes(CLIENT_FINAL));
    }

    @Test
    void reportsARegisteredServerErrorValue() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(bytes("e=invalid-proof")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_ERROR);
        assertThat(e.reason().isServerFault()).isFalse();
        assertThat(e.detail()).contains("invalid-proof");
    }

    @Test
    void doesNotQuoteAnUnregisteredServerErrorValue() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> scram.evaluateChallenge(bytes("e=whatever-the-server-likes")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_ERROR);
        assertThat(e.detail()).doesNotContain("whatever").contains("other-error");
    }

    @Test
    void rejectsAServerFinalMessageThatIsNeitherVNorE() throws SaslException {
        ScramSha1 scram = afterClientFinal();

        SaslException e = catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(bytes("x=1")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
    }

    @Test
    void rejectsAChallengeThatIsNotUtf8() {
        ScramSha1 scram = rfc5802();
        scram.initialResponse();

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> scram.evaluateChallenge(new byte[] {'r', '=', (byte) 0xC3, (byte) 0x28}));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
    }

    @Test
    void aFailedMechanismCannotBeReused() throws SaslException {
        ScramSha1 scram = afterClientFinal();
        catchThrowableOfType(SaslException.class, () -> scram.verifySuccess(new byte[0]));

        assertThatThrownBy(() -> scram.verifySuccess(bytes(SERVER_FINAL))).isInstanceOf(IllegalStateException.class);
    }

    // --- The GS2 header: RFC 5802 §6 and §7

    @Test
    void withoutChannelBindingTheHeaderIsN() {
        String clientFirst = text(ScramSha1.nonPlus(USER, List.of("SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "PLAIN")));

        assertThat(clientFirst).startsWith("n,,n=user,r=");
    }

    @Test
    void withChannelBindingButNoPlusOfferedTheHeaderIsYAndCarriesNoBindingData() throws Exception {
        SaslCredentials bound = USER.withChannelBinding(ChannelBinding.of("tls-server-end-point", CBIND_DATA));
        ScramSha1 scram = ScramSha1.nonPlus(bound, List.of("SCRAM-SHA-1", "PLAIN"));
        ReferenceScramServer server = new ReferenceScramServer("pencil", bytes("salt"), 4096, "srv", null);

        String clientFirst = new String(scram.initialResponse().orElseThrow(), UTF_8);
        String clientFinal = new String(scram.evaluateChallenge(bytes(server.serverFirst(clientFirst))), UTF_8);
        scram.verifySuccess(bytes(server.serverFinal(clientFinal)));

        assertThat(scram.name()).isEqualTo("SCRAM-SHA-1");
        assertThat(scram.channelBindingFlag()).isEqualTo(ScramSha1.ChannelBindingFlag.SUPPORTED_NOT_OFFERED);
        assertThat(clientFirst).startsWith("y,,n=user,r=");
        assertThat(ReferenceScramServer.attribute(clientFinal, 'c')).isEqualTo("eSws"); // base64 of "y,,"
        assertThat(scram.isComplete()).isTrue();
    }

    @Test
    void choosingTheNonPlusVariantWhilePlusIsOfferedSendsN() {
        SaslCredentials bound = USER.withChannelBinding(ChannelBinding.of("tls-exporter", CBIND_DATA));

        ScramSha1 scram = ScramSha1.nonPlus(bound, List.of("SCRAM-SHA-1-PLUS", "SCRAM-SHA-1"));

        assertThat(scram.channelBindingFlag()).isEqualTo(ScramSha1.ChannelBindingFlag.NOT_SUPPORTED);
        assertThat(text(scram)).startsWith("n,,");
    }

    @Test
    void plusSendsPWithTheTypeAndBindsTheDataIntoC() throws Exception {
        SaslCredentials bound = USER.withChannelBinding(ChannelBinding.of("tls-server-end-point", CBIND_DATA));
        ScramSha1 scram = ScramSha1.plus(bound);
        ReferenceScramServer server = new ReferenceScramServer("pencil", bytes("salt"), 4096, "srv", CBIND_DATA);

        String clientFirst = new String(scram.initialResponse().orElseThrow(), UTF_8);
        String clientFinal = new String(scram.evaluateChallenge(bytes(server.serverFirst(clientFirst))), UTF_8);
        scram.verifySuccess(bytes(server.serverFinal(clientFinal)));

        byte[] header = bytes("p=tls-server-end-point,,");
        byte[] cbindInput = new byte[header.length + CBIND_DATA.length];
        System.arraycopy(header, 0, cbindInput, 0, header.length);
        System.arraycopy(CBIND_DATA, 0, cbindInput, header.length, CBIND_DATA.length);
        assertThat(scram.name()).isEqualTo("SCRAM-SHA-1-PLUS");
        assertThat(clientFirst).startsWith("p=tls-server-end-point,,n=user,r=");
        assertThat(ReferenceScramServer.attribute(clientFinal, 'c')).isEqualTo(Base64.getEncoder().encodeToString(cbindInput));
        assertThat(scram.isComplete()).isTrue();
    }

    @Test
    void aServerThatSeesOtherBindingDataRejectsTheProof() throws Exception {
        SaslCredentials bound = USER.withChannelBinding(ChannelBinding.of("tls-exporter", CBIND_DATA));
        ScramSha1 scram = ScramSha1.plus(bound);
        ReferenceScramServer server = new ReferenceScramServer("pencil", bytes("salt"), 4096, "srv", new byte[] {1, 2, 3});

        String clientFirst = new String(scram.initialResponse().orElseThrow(), UTF_8);
        String clientFinal = new String(scram.evaluateChallenge(bytes(server.serverFirst(clientFirst))), UTF_8);

        assertThatThrownBy(() -> server.serverFinal(clientFinal)).isInstanceOf(AssertionError.class).hasMessageContaining("c=");
    }

    @Test
    void aWrongPasswordFailsTheReferenceServersProofCheck() throws Exception {
        ScramSha1 scram = ScramSha1.nonPlus(USER, List.of("SCRAM-SHA-1"));
        ReferenceScramServer server = new ReferenceScramServer("not-pencil", bytes("salt"), 4096, "srv", null);

        String clientFirst = new String(scram.initialResponse().orElseThrow(), UTF_8);
        String clientFinal = new String(scram.evaluateChallenge(bytes(server.serverFirst(clientFirst))), UTF_8);

        assertThatThrownBy(() -> server.serverFinal(clientFinal)).isInstanceOf(AssertionError.class).hasMessageContaining("ClientProof");
    }

    @Test
    void aHarnessCanSendYToAServerThatOfferedPlus() {
        ScramSha1 scram = ScramSha1.of(USER, ScramSha1.ChannelBindingFlag.SUPPORTED_NOT_OFFERED);

        assertThat(text(scram)).startsWith("y,,n=user,");
    }

    @Test
    void plusNeedsAChannelBinding() {
        assertThatThrownBy(() -> ScramSha1.plus(USER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel binding");
    }

    @Test
    void sendsTheAuthzidAndEscapesCommaAndEqualsInNames() {
        SaslCredentials odd = SaslCredentials.of("example.com", "a,b=c", "pencil".toCharArray())
                .withAuthzid("x=y,z@example.com");

        assertThat(text(ScramSha1.nonPlus(odd, List.of("SCRAM-SHA-1"))))
                .startsWith("n,a=x=3Dy=2Cz@example.com,n=a=2Cb=3Dc,r=");
    }

    private static String text(ScramSha1 scram) {
        return new String(scram.initialResponse().orElseThrow(), UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
