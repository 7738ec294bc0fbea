package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.xmpp.jid.JidParsingTest.assertInvalid;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The domainpart: Nameprep, IDNA ToASCII, IP literals, the final dot (RFC 3920 §3.2, RFC 7622 §3.2). */
class JidDomainTest {

    @Test
    void nameprepMapsCase() {
        assertThat(Jid.of("juliet@Example.COM").domain()).isEqualTo("example.com");
    }

    @Nested
    class InternationalizedNames {

        @Test
        void aUnicodeDomainIsKeptInUnicodeAndOffersItsAsciiForm() {
            Jid jid = Jid.of("juliet@m\u00FCller.example");
            assertThat(jid.domain()).isEqualTo("m\u00FCller.example");
            assertThat(jid.asciiDomain()).isEqualTo("xn--mller-kva.example");
            assertThat(Jid.of("juliet@example.com").asciiDomain()).isEqualTo("example.com");
        }

        @Test
        void anALabelIsDecodedSoBothFormsAreOneDomain() {
            Jid ace = Jid.of("juliet@xn--mller-kva.example/r");
            assertThat(ace.domain()).isEqualTo("m\u00FCller.example");
            assertThat(ace).isEqualTo(Jid.of("juliet@M\u00DCLLER.example/r"));
            assertThat(Jid.of("XN--MLLER-KVA.Example").domain()).isEqualTo("m\u00FCller.example");
        }

        @Test
        void roundTripThroughTheAsciiForm() {
            Jid unicode = Jid.of("\u4F8B\u3048.\u30C6\u30B9\u30C8");
            assertThat(Jid.of(unicode.asciiDomain())).isEqualTo(unicode);
            assertThat(Jid.of(unicode.asciiDomain()).asciiDomain()).isEqualTo(unicode.asciiDomain());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"xn--abc-xyz9.example", "xn--a.example"})
        void aFalseALabelIsRejected(String domain) {
            assertInvalid(domain, JidPart.DOMAIN, "not a valid A-label (RFC 3490 §4.2)");
        }

        @Test
        void theAcePrefixOnANonAsciiLabelIsRejected() {
            assertInvalid("xn--m\u00FCller.example", JidPart.DOMAIN, "RFC 3490 §4.1 step 5");
        }

        @ParameterizedTest(name = "separator U+{0}")
        @ValueSource(strings = {"3002", "FF0E", "FF61"})
        void ideographicAndFullwidthStopsSeparateLabels(String hex) {
            String dot = String.valueOf((char) Integer.parseInt(hex, 16));
            assertThat(Jid.of("juliet@example" + dot + "com").domain()).isEqualTo("example.com");
        }

        @Test
        void theBidiRuleHoldsPerLabel() {
            assertThat(Jid.of("\u05D0\u05D1.example").domain()).isEqualTo("\u05D0\u05D1.example");
            assertInvalid("\u05D0x.example", JidPart.DOMAIN, "RFC 3454 §6");
        }

        @Test
        void nameprepFailuresNameTheLabel() {
            assertInvalid("exa\uE000mple.com", JidPart.DOMAIN, "U+E000");
            assertInvalid("exa\uE000mple.com", JidPart.DOMAIN, "RFC 3491 §5");
        }
    }

    @Nested
    class HostNameRules {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"exa_mple.com", "-example.com", "example-.com", "a b.com", "exa\u0001mple.com",
            "example.com:5222", "exa<mple.com", "\u00A0example.com"})
        void labelsAreLettersDigitsAndHyphens(String domain) {
            assertInvalid("juliet@" + domain, JidPart.DOMAIN, "UseSTD3ASCIIRules, RFC 3490 §4.1 step 3");
        }

        @Test
        void aLabelOf63OctetsIsAllowedAnd64IsNot() {
            String label63 = "a".repeat(63);
            assertThat(Jid.of(label63 + ".example").domain()).startsWith(label63);
            assertInvalid("a".repeat(64) + ".example", JidPart.DOMAIN, "longer than 63 octets");
        }

        @Test
        void theLabelLimitCountsTheAsciiForm() {
            // 55 'a' and one 'ü' take 57 octets of UTF-8 but 63 octets as an A-label; one more 'a' is 64.
            String fits = "a".repeat(55) + "\u00FC";
            assertThat(Jid.of(fits + ".example").asciiDomain()).hasSize(63 + ".example".length());
            assertInvalid("a" + fits + ".example", JidPart.DOMAIN, "longer than 63 octets");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {".example.com", "example..com", "example.com.."})
        void emptyLabelsAreRejected(String domain) {
            assertInvalid(domain, JidPart.DOMAIN, "empty label");
        }
    }

    @Nested
    class FinalDot {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"example.com.", "Example.Com.", "example.com\u3002"})
        void aFinalDotIsStrippedBeforeComparison(String domain) {
            assertThat(Jid.of(domain)).isEqualTo(Jid.of("example.com")).hasToString("example.com");
        }

        @Test
        void itIsStrippedInFullJidsToo() {
            assertThat(Jid.of("juliet@example.com./balcony")).hasToString("juliet@example.com/balcony");
        }

        @Test
        void aDotAloneIsAnEmptyDomain() {
            assertInvalid("juliet@.", JidPart.DOMAIN, "is empty");
        }
    }

    @Nested
    class IpLiterals {

        @Test
        void ipv4IsAValidDomain() {
            assertThat(Jid.of("juliet@192.168.0.1/r").domain()).isEqualTo("192.168.0.1");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "[::1], [::1]",
            "[2001:DB8::1], [2001:db8::1]",
            "[::ffff:192.0.2.1], [::ffff:192.0.2.1]",
            "[1:2:3:4:5:6:7:8], [1:2:3:4:5:6:7:8]",
            "::1, ::1", // the bare IPv6address of RFC 3920 §3.1
        })
        void ipv6LiteralsAreKeptAsWrittenWithLowercaseHex(String domain, String prepared) {
            Jid jid = Jid.of("juliet@" + domain + "/r");
            assertThat(jid.domain()).isEqualTo(prepared);
            assertThat(jid.asciiDomain()).isEqualTo(prepared);
            assertThat(jid).hasToString("juliet@" + prepared + "/r");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"[::1", "[]", "[", "[zz::1]", "[1::2::3]", "[fe80::1%25eth0]", "[192.0.2.1]"})
        void brokenBracketsAreRejected(String domain) {
            assertInvalid("juliet@" + domain, JidPart.DOMAIN, "IP-literal, RFC 7622 §3.1");
        }

        @Test
        void aColonThatIsNoIpv6AddressIsAHostNameError() {
            assertInvalid("1::2::3", JidPart.DOMAIN, "RFC 3490 §4.1 step 3");
        }
    }
}
