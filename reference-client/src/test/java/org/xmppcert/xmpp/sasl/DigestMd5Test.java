package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestMd5Test {

    // RFC 2831 §4, the IMAP example, in the base 64 the RFC shows on the wire.
    private static final String IMAP_CHALLENGE = "cmVhbG09ImVsd29vZC5pbm5vc29mdC5jb20iLG5vbmNlPSJPQTZNRzl0"
            + "RVFHbTJoaCIscW9wPSJhdXRoIixhbGdvcml0aG09bWQ1LXNlc3MsY2hh" + "cnNldD11dGYtOA==";
    private static final String IMAP_RESPONSE = "Y2hhcnNldD11dGYtOCx1c2VybmFtZT0iY2hyaXMiLHJlYWxtPSJlbHdvb2"
            + "QuaW5ub3NvZnQuY29tIixub25jZT0iT0E2TUc5dEVRR20yaGgiLG5jPTAw"
            + "MDAwMDAxLGNub25jZT0iT0E2TUhYaDZWcVRyUmsiLGRpZ2VzdC11cmk9Im"
            + "ltYXAvZWx3b29kLmlubm9zb2Z0LmNvbSIscmVzcG9uc2U9ZDM4OGRhZDkw"
            + "ZDRiYmQ3NjBhMTUyMzIxZjIxNDNhZjcscW9wPWF1dGg=";
    private static final String IMAP_RSPAUTH = "cnNwYXV0aD1lYTQwZjYwMzM1YzQyN2I1NTI3Yjg0ZGJhYmNkZmZmZA==";

    private static final SaslCredentials CHRIS =
            SaslCredentials.of("elwood.innosoft.com", "chris", "secret".toCharArray());

    private static DigestMd5 imap() {
        return new DigestMd5(CHRIS, "imap", () -> "OA6MHXh6VqTrRk");
    }

    private static DigestMd5 xmpp(SaslCredentials credentials) {
        return new DigestMd5(credentials, "xmpp", () -> "cn0nce");
    }

    @Test
    void reproducesTheImapExchangeOfRfc2831Section4ByteForByte() throws SaslException {
        DigestMd5 digest = imap();

        assertThat(digest.initialResponse()).isEmpty();
        byte[] response = digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));
        byte[] afterRspauth = digest.evaluateChallenge(SaslPayloads.decode(IMAP_RSPAUTH));
        digest.verifySuccess(new byte[0]);

        assertThat(new String(response, UTF_8)).isEqualTo("charset=utf-8,username=\"chris\",realm=\"elwood.innosoft.com\","
                + "nonce=\"OA6MG9tEQGm2hh\",nc=00000001,cnonce=\"OA6MHXh6VqTrRk\",digest-uri=\"imap/elwood.innosoft.com\","
                + "response=d388dad90d4bbd760a152321f2143af7,qop=auth");
        assertThat(SaslPayloads.encodeResponse(response)).isEqualTo(IMAP_RESPONSE);
        assertThat(afterRspauth).isEmpty();
        assertThat(SaslPayloads.encodeResponse(afterRspauth)).isEmpty();
        assertThat(digest.isComplete()).isTrue();
    }

    @Test
    void reproducesTheAcapExampleWithRspauthArrivingWithSuccess() throws SaslException {
        DigestMd5 digest = new DigestMd5(CHRIS, "acap", () -> "OA9BSuZWMSpW8m");

        byte[] response = digest.evaluateChallenge(bytes("realm=\"elwood.innosoft.com\",nonce=\"OA9BSXrbuRhWay\",qop=\"auth\","
                + "algorithm=md5-sess,charset=utf-8"));
        digest.verifySuccess(bytes("rspauth=2f0b3d7c3c2e486600ef710726aa2eae"));

        assertThat(new String(response, UTF_8)).contains(",digest-uri=\"acap/elwood.innosoft.com\",")
                .contains(",response=6084c6db3fede7352c551284490fd0fc,");
        assertThat(digest.isComplete()).isTrue();
    }

    @Test
    void usesTheXmppServiceAndTheDomainInTheDigestUri() throws SaslException {
        DigestMd5 digest = new DigestMd5(SaslCredentials.of("example.com", "somenode", "x".toCharArray()));

        String response = text(digest.evaluateChallenge(
                bytes("realm=\"somerealm\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",charset=utf-8,algorithm=md5-sess")));

        assertThat(response).contains("digest-uri=\"xmpp/example.com\"").contains("realm=\"somerealm\"")
                .containsPattern("cnonce=\"[A-Za-z0-9+/]{22}\"");
    }

    @Test
    void rejectsAWrongRspauthInTheSecondChallenge() throws SaslException {
        DigestMd5 digest = imap();
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> digest.evaluateChallenge(bytes("rspauth=ea40f60335c427b5527b84dbabcdfffe")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_PROOF_MISMATCH);
        assertThat(e.reason().isServerFault()).isTrue();
        assertThat(digest.isComplete()).isFalse();
    }

    @Test
    void rejectsAWrongRspauthWithSuccess() throws SaslException {
        DigestMd5 digest = imap();
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> digest.verifySuccess(bytes("rspauth=d388dad90d4bbd760a152321f2143af7")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.SERVER_PROOF_MISMATCH);
    }

    @Test
    void successWithoutRspauthIsRefused() throws SaslException {
        DigestMd5 digest = imap();
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));

        SaslException e = catchThrowableOfType(SaslException.class, () -> digest.verifySuccess(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MISSING_SERVER_PROOF);
    }

    @Test
    void successBeforeTheDigestResponseIsPremature() {
        SaslException e = catchThrowableOfType(SaslException.class, () -> imap().verifySuccess(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.PREMATURE_SUCCESS);
    }

    @Test
    void aSecondChallengeWithoutRspauthIsMalformed() throws SaslException {
        DigestMd5 digest = imap();
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));

        SaslException e = catchThrowableOfType(SaslException.class, () -> digest.evaluateChallenge(bytes("foo=bar")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
    }

    @Test
    void aChallengeAfterRspauthIsUnexpected() throws SaslException {
        DigestMd5 digest = imap();
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE));
        digest.evaluateChallenge(SaslPayloads.decode(IMAP_RSPAUTH));

        SaslException e = catchThrowableOfType(SaslException.class, () -> digest.evaluateChallenge(new byte[0]));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNEXPECTED_SERVER_DATA);
    }

    @Test
    void withoutRealmSendsNoRealmAndHashesAnEmptyOne() throws Exception {
        String response = text(xmpp(SaslCredentials.of("example.com", "juliet", "pw".toCharArray()))
                .evaluateChallenge(bytes("nonce=\"abc\",qop=\"auth\",charset=utf-8,algorithm=md5-sess")));

        assertThat(response).doesNotContain("realm=")
                .contains("response=" + expectedResponse("juliet", "", "pw", "abc", "cn0nce", "xmpp/example.com") + ",");
    }

    @Test
    void amongSeveralRealmsPrefersTheDomainElseTheFirst() throws SaslException {
        SaslCredentials juliet = SaslCredentials.of("example.com", "juliet", "pw".toCharArray());
        String several = "realm=\"a.example\",realm=\"EXAMPLE.com\",realm=\"b.example\",nonce=\"n\",algorithm=md5-sess";
        String noneMatching = "realm=\"a.example\",realm=\"b.example\",nonce=\"n\",algorithm=md5-sess";

        assertThat(text(xmpp(juliet).evaluateChallenge(bytes(several)))).contains("realm=\"EXAMPLE.com\"");
        assertThat(text(xmpp(juliet).evaluateChallenge(bytes(noneMatching)))).contains("realm=\"a.example\"");
    }

    @Test
    void unquotesTheNonceForHashingAndQuotesItAgainWhenEchoing() throws Exception {
        String response = text(xmpp(SaslCredentials.of("example.com", "juliet", "pw".toCharArray()))
                .evaluateChallenge(bytes("nonce=\"a\\\"b\\\\c\",algorithm=md5-sess")));

        assertThat(response).contains("nonce=\"a\\\"b\\\\c\"")
                .contains("response=" + expectedResponse("juliet", "", "pw", "a\"b\\c", "cn0nce", "xmpp/example.com"));
    }

    @Test
    void toleratesWhitespaceNullElementsUnknownDirectivesAndUpperCaseNames() throws SaslException {
        byte[] response = xmpp(SaslCredentials.of("example.com", "juliet", "pw".toCharArray())).evaluateChallenge(
                bytes(" Nonce = \"n\" ,, x-future=\"1\",\r\n ALGORITHM=MD5-SESS , qop=\"auth-int, auth, x-qop\"  ,"));

        assertThat(text(response)).contains("nonce=\"n\"").contains("qop=auth");
    }

    @Test
    void withUtf8ConvertsLatin1RepresentableCredentialsBeforeHashing() throws Exception {
        SaslCredentials jurgen = SaslCredentials.of("example.com", "jürgen", "sécret".toCharArray());

        byte[] response = xmpp(jurgen).evaluateChallenge(bytes("nonce=\"n\",charset=utf-8,algorithm=md5-sess"));

        // On the wire the username is UTF-8; in the hash both are ISO 8859-1 (RFC 2831 §2.1.2.1).
        assertThat(response).containsSequence("username=\"jürgen\"".getBytes(UTF_8));
        assertThat(text(response)).contains("response="
                + expectedResponse("jürgen", "", "sécret", "n", "cn0nce", "xmpp/example.com"));
    }

    @Test
    void withUtf8KeepsCredentialsOutsideLatin1InUtf8() throws Exception {
        SaslCredentials li = SaslCredentials.of("example.com", "li", "密码".toCharArray());

        byte[] response = xmpp(li).evaluateChallenge(bytes("nonce=\"n\",charset=utf-8,algorithm=md5-sess"));

        assertThat(text(response)).contains("response="
                + expectedResponse("li", "", utf8AsOctets("密码"), "n", "cn0nce", "xmpp/example.com"));
    }

    @Test
    void withoutCharsetSendsLatin1AndRefusesWhatLatin1CannotHold() throws Exception {
        SaslCredentials jurgen = SaslCredentials.of("example.com", "jürgen", "sécret".toCharArray());
        byte[] response = xmpp(jurgen).evaluateChallenge(bytes("nonce=\"n\",algorithm=md5-sess"));

        DigestMd5 li = xmpp(SaslCredentials.of("example.com", "li", "密码".toCharArray()));
        SaslException e = catchThrowableOfType(SaslException.class,
                () -> li.evaluateChallenge(bytes("nonce=\"n\",algorithm=md5-sess")));

        assertThat(response).containsSequence("username=\"jürgen\"".getBytes(ISO_8859_1));
        assertThat(new String(response, ISO_8859_1)).doesNotContain("charset").contains("response="
                + expectedResponse("jürgen", "", "sécret", "n", "cn0nce", "xmpp/example.com"));
        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNUSABLE_CREDENTIALS);
        assertThat(e.reason().isServerFault()).isFalse();
    }

    @Test
    void sendsTheAuthzidInUtf8AndHashesItIntoA1() throws Exception {
        SaslCredentials admin = SaslCredentials.of("example.com", "admin", "pw".toCharArray())
                .withAuthzid("juliet@example.com");

        String response = text(xmpp(admin).evaluateChallenge(bytes("nonce=\"n\",charset=utf-8,algorithm=md5-sess")));

        assertThat(response).endsWith(",authzid=\"juliet@example.com\"").contains("response="
                + expectedResponse("admin", "", "pw", "n", "cn0nce", "xmpp/example.com", ":juliet@example.com") + ",");
    }

    @Test
    void refusesAServerThatOffersOnlySecurityLayers() {
        SaslException e = catchThrowableOfType(SaslException.class, () -> imap().evaluateChallenge(
                bytes("nonce=\"n\",qop=\"auth-int,auth-conf\",cipher=\"3des\",algorithm=md5-sess")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.UNSUPPORTED);
    }

    @ParameterizedTest(name = "digest-challenge <{0}>")
    @ValueSource(strings = {
        "realm=\"r\",qop=\"auth\",algorithm=md5-sess",                        // no nonce
        "nonce=\"a\",nonce=\"b\",algorithm=md5-sess",                          // two nonces
        "nonce=\"a\",qop=\"auth\"",                                            // no algorithm
        "nonce=\"a\",algorithm=md5",                                           // not md5-sess
        "nonce=\"a\",algorithm=md5-sess,algorithm=md5-sess",
        "nonce=\"a\",algorithm=md5-sess,charset=iso-8859-1",
        "nonce=\"a\",algorithm=md5-sess,charset=utf-8,charset=utf-8",
        "nonce=\"a\",algorithm=md5-sess,maxbuf=1,maxbuf=2",
        "nonce=\"a,algorithm=md5-sess",                                        // unterminated quote
        "nonce=a/b,algorithm=md5-sess",                                        // '/' is not a token char
        "nonce \"a\",algorithm=md5-sess",                                      // no '='
        "nonce=\"a\" algorithm=md5-sess",                                      // no ','
        "=\"a\"",
        "",                                                                    // empty first challenge
    })
    void rejectsAMalformedDigestChallenge(String challenge) {
        SaslException e = catchThrowableOfType(SaslException.class, () -> imap().evaluateChallenge(bytes(challenge)));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
        assertThat(e.reason().isServerFault()).isTrue();
    }

    @Test
    void rejectsAChallengeOf2048BytesOrMore() {
        String padding = "x=\"" + "a".repeat(2048) + "\",";

        SaslException e = catchThrowableOfType(SaslException.class,
                () -> imap().evaluateChallenge(bytes(padding + "nonce=\"n\",algorithm=md5-sess")));

        assertThat(e.reason()).isEqualTo(SaslException.Reason.MALFORMED_CHALLENGE);
        assertThat(e.detail()).contains("2048");
    }

    @Test
    void aFailedMechanismCannotBeReused() {
        DigestMd5 digest = imap();
        catchThrowableOfType(SaslException.class, () -> digest.evaluateChallenge(new byte[0]));

        assertThatThrownBy(() -> digest.evaluateChallenge(SaslPayloads.decode(IMAP_CHALLENGE)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String expectedResponse(String user, String realm, String password, String nonce, String cnonce,
            String digestUri) throws Exception {
        return expectedResponse(user, realm, password, nonce, cnonce, digestUri, "");
    }

    /**
     * RFC 2831 §2.1.2.1 computed independently. Every argument is an octet string written as
     * ISO 8859-1 text: "jürgen" stands for its ISO 8859-1 octets, utf8AsOctets for UTF-8 ones.
     */
    private static String expectedResponse(String user, String realm, String password, String nonce, String cnonce,
            String digestUri, String colonAuthzid) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] inner = md5.digest((user + ":" + realm + ":" + password).getBytes(ISO_8859_1));
        byte[] a1 = concat(inner, (":" + nonce + ":" + cnonce + colonAuthzid).getBytes(ISO_8859_1));
        String ha1 = HexFormat.of().formatHex(md5.digest(a1));
        String ha2 = HexFormat.of().formatHex(md5.digest(("AUTHENTICATE:" + digestUri).getBytes(ISO_8859_1)));
        String kd = ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2;
        return HexFormat.of().formatHex(md5.digest(kd.getBytes(ISO_8859_1)));
    }

    private static String utf8AsOctets(String s) {
        return new String(s.getBytes(UTF_8), ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String text(byte[] response) {
        return new String(response, UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
