package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each part is 1 to 1023 octets of UTF-8, counted after preparation (RFC 3920 §3.1, RFC 7622 §3.1). */
class JidLengthTest {

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A string of {@code octets} UTF-8 octets made of as many copies of {@code unit} as fit,
     * topped up with 'a'.
     */
    private static String ofOctets(String unit, int octets) {
        int copies = octets / octets(unit);
        return unit.repeat(copies) + "a".repeat(octets - copies * octets(unit));
    }

    /** Units that every profile keeps as they are: 1 to 4 octets of UTF-8 each. */
    @ParameterizedTest(name = "unit \"{0}\"")
    @CsvSource({"a", "\u00E9", "\u20AC", "\uD800\uDF30"})
    void localpartOf1023OctetsIsAllowedAnd1024IsNot(String unit) {
        String local = ofOctets(unit, 1023);
        assertThat(octets(Jid.of(local + "@example.com").local().orElseThrow())).isEqualTo(1023);
        assertThatThrownBy(() -> Jid.of(ofOctets(unit, 1024) + "@example.com"))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL))
                .hasMessageContaining("1024 octets")
                .hasMessageContaining("RFC 3920 §3.1");
    }

    @ParameterizedTest(name = "unit \"{0}\"")
    @CsvSource({"A", "\u00C9", "\u20AC", "\uD800\uDF30"})
    void resourcepartOf1023OctetsIsAllowedAnd1024IsNot(String unit) {
        String resource = ofOctets(unit, 1023);
        assertThat(octets(Jid.of("example.com/" + resource).resource().orElseThrow())).isEqualTo(1023);
        assertThatThrownBy(() -> Jid.of("example.com/" + ofOctets(unit, 1024)))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.RESOURCE))
                .hasMessageContaining("1024 octets");
    }

    @Test
    void domainpartOf1023OctetsIsAllowedAnd1024IsNot() {
        String label = "a".repeat(63);
        String domain1023 = IntStream.range(0, 16).mapToObj(i -> label).collect(Collectors.joining("."));
        assertThat(octets(domain1023)).isEqualTo(1023);
        assertThat(Jid.of("juliet@" + domain1023).domain()).isEqualTo(domain1023);

        String domain1024 = IntStream.range(0, 15).mapToObj(i -> label).collect(Collectors.joining("."))
                + "." + "b".repeat(32) + "." + "c".repeat(31);
        assertThat(octets(domain1024)).isEqualTo(1024);
        assertThatThrownBy(() -> Jid.of("juliet@" + domain1024))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.DOMAIN))
                .hasMessageContaining("1024 octets");
    }

    @Test
    void aFinalDotDoesNotCount() {
        String label = "a".repeat(63);
        String domain1023 = IntStream.range(0, 16).mapToObj(i -> label).collect(Collectors.joining("."));
        assertThat(Jid.of(domain1023 + ".").domain()).isEqualTo(domain1023);
    }

    @Test
    void octetsAreCountedAfterMappingToNothing() {
        String local = "a".repeat(1023) + "\u00AD".repeat(100);
        assertThat(octets(local)).isGreaterThan(1023);
        assertThat(Jid.of(local + "@example.com").local()).contains("a".repeat(1023));
    }

    @Test
    void octetsAreCountedAfterNormalisation() {
        // U+3300 SQUARE APAATO is 3 octets and NFKC makes it four katakana, 12 octets.
        String resource = "\u3300".repeat(85) + "abc";
        assertThat(octets(resource)).isLessThan(1023);
        assertThat(octets(Jid.of("example.com/" + resource).resource().orElseThrow())).isEqualTo(1023);
        assertThatThrownBy(() -> Jid.of("example.com/" + resource + "d"))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.RESOURCE))
                .hasMessageContaining("1024 octets");
    }

    @Test
    void theLongestJidIs3071Octets() {
        String label = "a".repeat(63);
        String domain = IntStream.range(0, 16).mapToObj(i -> label).collect(Collectors.joining("."));
        Jid longest = Jid.of("n".repeat(1023) + "@" + domain + "/" + "R".repeat(1023));
        assertThat(octets(longest.toString())).isEqualTo(3071);
    }
}
