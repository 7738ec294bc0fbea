package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslPayloadsTest {

    @Test
    void emptyInitialResponseIsSentAsALoneEqualsSign() {
        assertThat(SaslPayloads.encodeInitialResponse(new byte[0])).isEqualTo("=");
    }

    @Test
    void emptyResponseHasNoCharacterData() {
        assertThat(SaslPayloads.encodeResponse(new byte[0])).isEmpty();
    }

    @Test
    void encodesThePlainExampleOfRfc6120WithPaddingAndNoLineBreaks() {
        byte[] plain = "\0juliet\0r0m30myr0m30".getBytes(UTF_8);

        assertThat(SaslPayloads.encodeInitialResponse(plain)).isEqualTo("AGp1bGlldAByMG0zMG15cjBtMzA=");
        assertThat(SaslPayloads.encodeResponse(plain)).isEqualTo("AGp1bGlldAByMG0zMG15cjBtMzA=");
    }

    @Test
    void loneEqualsSignAndEmptyDataBothDecodeToZeroBytes() throws SaslException {
        assertThat(SaslPayloads.decode("=")).isEmpty();
        assertThat(SaslPayloads.decode("")).isEmpty();
    }

    @Test
    void decodesWellFormedData() throws SaslException {
        assertThat(new String(SaslPayloads.decode("dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9"), UTF_8))
                .isEqualTo("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=");
        assertThat(SaslPayloads.decode("QQ==")).containsExactly('A');
        assertThat(SaslPayloads.decode("QUI=")).containsExactly('A', 'B');
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
        "QUJD\nREVG",      // line break (RFC 3920 §6.5 shows one, for readability only)
        "QUJD REVG",       // space
        " QUJD",           // leading whitespace
        "QUJD\t",          // trailing tab
        "QUJD*EVG",        // outside the alphabet
        "QUJD-_VG",        // the URL-safe alphabet is not base 64
        "=AAA",            // RFC 6120 §13.9.1's own examples
        "BBBB=CCC",
        "QQ",              // padding missing
        "QUJ",             // truncated
        "QR==",            // non-zero padding bits (4 unused)
        "QUJ=",            // non-zero padding bits (2 unused)
    })
    void rejectsEverythingRfc6120Section13_9_1Forbids(String data) {
        SaslException e = catchThrowableOfType(SaslException.class, () -> SaslPayloads.decode(data));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(SaslException.Reason.INCORRECT_ENCODING);
        assertThat(e.reason().isServerFault()).isTrue();
    }

    @Test
    void rejectsNonZeroPaddingBitsWithOnePad() {
        // "QUI=" is "AB"; "QUJ=" sets one of the two unused bits.
        SaslException e = catchThrowableOfType(SaslException.class, () -> SaslPayloads.decode("QUJ="));

        assertThat(e).isNotNull();
        assertThat(e.detail()).contains("padding bits");
    }

    @Test
    void rejectsTooManyPadCharacters() {
        SaslException e = catchThrowableOfType(SaslException.class, () -> SaslPayloads.decode("Q==="));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(SaslException.Reason.INCORRECT_ENCODING);
    }

    @Test
    void theDetailNamesWhitespaceAndOffsetButNeverQuotesTheData() {
        SaslException e = catchThrowableOfType(SaslException.class, () -> SaslPayloads.decode("c2VjcmV0\ncGFzcw=="));

        assertThat(e.getMessage()).contains("U+000A").contains("offset 8").doesNotContain("c2VjcmV0");
    }
}
