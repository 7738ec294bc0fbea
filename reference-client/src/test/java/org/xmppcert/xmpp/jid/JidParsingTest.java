package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting, preparing and rebuilding JIDs (RFC 3920 §3.1, RFC 7622 §3.1-§3.5). */
class JidParsingTest {

    static void assertParts(Jid jid, String local, String domain, String resource) {
        assertThat(jid.local()).isEqualTo(Optional.ofNullable(local));
        assertThat(jid.domain()).isEqualTo(domain);
        assertThat(jid.resource()).isEqualTo(Optional.ofNullable(resource));
    }

    static void assertInvalid(String jid, JidPart part, String messagePart) {
        assertThatThrownBy(() -> Jid.of(jid))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(part))
                .hasMessageContaining(messagePart);
        assertThat(Jid.tryParse(jid)).isEmpty();
    }

    @Nested
    class Split {

        @Test
        void theFirstSlashStartsTheResourceAndTheFirstAtBeforeItEndsTheLocalpart() {
            assertParts(Jid.of("a@b/c@d/e"), "a", "b", "c@d/e");
        }

        @Test
        void anAtAfterTheSlashBelongsToTheResource() {
            // RFC 7622 §3.5 example 15: the slash is looked for first (§3.2 steps 1-2).
            assertParts(Jid.of("a.example.com/b@example.net"), null, "a.example.com", "b@example.net");
            assertParts(Jid.of("a/b@c"), null, "a", "b@c");
        }

        @Test
        void aSecondAtBeforeTheSlashIsPartOfTheDomainWhichRejectsIt() {
            assertInvalid("a@b@c", JidPart.DOMAIN, "RFC 3490 §4.1 step 3");
        }

        @Test
        void separatorsAreFoundBeforeMappingSoLookalikesDoNotSplit() {
            // RFC 7622 §3.1: U+FF20 and U+FF0F become '@' and '/' only under NFKC.
            assertInvalid("a\uFF20b@example.com", JidPart.LOCAL, "U+FF20 FULLWIDTH COMMERCIAL AT");
            assertInvalid("example.com\uFF0Fres", JidPart.DOMAIN, "RFC 3490 §4.1 step 3");
            assertParts(Jid.of("a@example.com/x\uFF0Fy"), "a", "example.com", "x/y");
        }

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "@example.com      | LOCAL    | localpart is empty",
            "@example.com/     | LOCAL    | localpart is empty", // RFC 7622 §3.5 example 19
            "@                 | LOCAL    | localpart is empty",
            "juliet@           | DOMAIN   | is empty", // example 22
            "/foobar           | DOMAIN   | is empty", // example 23
            "/                 | DOMAIN   | is empty",
            "juliet@/balcony   | DOMAIN   | is empty",
            "example.com/      | RESOURCE | resourcepart is empty",
            "juliet@example.com/ | RESOURCE | resourcepart is empty",
        })
        void emptyPartsAreInvalid(String jid, JidPart part, String message) {
            assertInvalid(jid, part, message);
        }

        @Test
        void theEmptyStringIsNotAJid() {
            assertInvalid("", JidPart.WHOLE, "domainpart is required");
        }

        @Test
        void aPartPreparedToNothingIsEmptyToo() {
            assertInvalid("\u00AD@example.com", JidPart.LOCAL, "mapped to nothing");
            assertInvalid("example.com/\u200B", JidPart.RESOURCE, "mapped to nothing");
        }
    }

    @Nested
    class Rfc7622Examples {

        @ParameterizedTest(name = "Table 1 #{0}: {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1  | juliet@example.com           | juliet    | example.com   |",
            "2  | juliet@example.com/foo       | juliet    | example.com   | foo",
            "3  | juliet@example.com/foo bar   | juliet    | example.com   | foo bar",
            "4  | juliet@example.com/foo@bar   | juliet    | example.com   | foo@bar",
            "5  | foo\\20bar@example.com       | foo\\20bar | example.com   |",
            "6  | fussball@example.com         | fussball  | example.com   |",
            "7  | fu\u00DFball@example.com     | fussball  | example.com   |", // RFC 3920: B.2 maps ß to ss
            "8  | \u03C0@example.com           | \u03C0    | example.com   |",
            "9  | \u03A3@example.com/foo       | \u03C3    | example.com   | foo",
            "10 | \u03C3@example.com/foo       | \u03C3    | example.com   | foo",
            "11 | \u03C2@example.com/foo       | \u03C3    | example.com   | foo", // RFC 3920: B.2 maps ς to σ
            "12 | king@example.com/\u265A     | king      | example.com   | \u265A",
            "13 | example.com                  |           | example.com   |",
            "14 | example.com/foobar           |           | example.com   | foobar",
            "15 | a.example.com/b@example.net  |           | a.example.com | b@example.net",
        })
        void legalJidsOfTable1(int number, String jid, String local, String domain, String resource) {
            assertParts(Jid.of(jid), local, domain, resource);
        }

        @Test
        void table1Examples6And7And9To11CompareEqualUnderRfc3920() {
            assertThat(Jid.of("fu\u00DFball@example.com")).isEqualTo(Jid.of("fussball@example.com"));
            assertThat(Jid.of("\u03C2@example.com/foo")).isEqualTo(Jid.of("\u03A3@example.com/foo"));
        }

        @ParameterizedTest(name = "Table 2 #{0}: {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "16 | \"juliet\"@example.com | LOCAL  | U+0022 QUOTATION MARK",
            "17 | foo bar@example.com    | LOCAL  | U+0020 SPACE",
            "19 | @example.com/          | LOCAL  | localpart is empty",
            "22 | juliet@                | DOMAIN | is empty",
            "23 | /foobar                | DOMAIN | is empty",
        })
        void table2StringsThatRfc3920RejectsToo(int number, String jid, JidPart part, String message) {
            assertInvalid(jid, part, message);
        }

        @Test
        void table2StringsThatRfc3920Accepts() {
            // #18: Resourceprep does not prohibit U+0020 (RFC 3920 Appendix B.5).
            assertParts(Jid.of("juliet@example.com/ foo"), "juliet", "example.com", " foo");
            // #20: NFKC maps U+2163 to "IV" and Table B.2 to "iv" (RFC 3920 Appendix A.3-A.4).
            assertParts(Jid.of("henry\u2163@example.com"), "henryiv", "example.com", null);
            // #21: U+265A is assigned in Unicode 3.2 and in no prohibition table.
            assertParts(Jid.of("\u265A@example.com"), "\u265A", "example.com", null);
        }
    }

    @Nested
    class Accessors {

        private final Jid full = Jid.of("Juliet@Example.com/Balcony");

        @Test
        void toStringIsThePreparedWireForm() {
            assertThat(full).hasToString("juliet@example.com/Balcony");
            assertThat(Jid.of("example.com")).hasToString("example.com");
            assertThat(Jid.of("example.com/r")).hasToString("example.com/r");
        }

        @Test
        void bareDropsTheResource() {
            assertThat(full.bare()).hasToString("juliet@example.com");
            assertThat(full.bare().isBare()).isTrue();
            Jid bare = Jid.of("juliet@example.com");
            assertThat(bare.bare()).isSameAs(bare);
        }

        @Test
        void withResourcePreparesTheNewResource() {
            Jid moved = full.withResource("Chamber\u00AD\uFF11");
            assertThat(moved).hasToString("juliet@example.com/Chamber1");
            assertThat(full).hasToString("juliet@example.com/Balcony");
            assertThatThrownBy(() -> full.withResource(""))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.RESOURCE));
            assertThatThrownBy(() -> full.withResource("a\u0000"))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.RESOURCE));
            assertThatThrownBy(() -> full.withResource(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void shapes() {
            assertThat(full.isBare()).isFalse();
            assertThat(full.isDomainOnly()).isFalse();
            assertThat(Jid.of("juliet@example.com").isBare()).isTrue();
            assertThat(Jid.of("juliet@example.com").isDomainOnly()).isFalse();
            assertThat(Jid.of("example.com").isDomainOnly()).isTrue();
            assertThat(Jid.of("example.com").isBare()).isTrue();
            assertThat(Jid.of("example.com/r").isDomainOnly()).isFalse();
            assertThat(Jid.of("example.com/r").isBare()).isFalse();
        }
    }

    @Nested
    class Factories {

        @Test
        void ofPartsTakesNullForAnAbsentPart() {
            assertParts(Jid.of(null, "Example.com", null), null, "example.com", null);
            assertParts(Jid.of("Juliet", "example.com", "Balcony"), "juliet", "example.com", "Balcony");
        }

        @Test
        void ofPartsDoesNotSplitAgain() {
            assertThatThrownBy(() -> Jid.of("a@b", "example.com", null))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL));
            assertThatThrownBy(() -> Jid.of(null, "example.com/x", null))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.DOMAIN));
            assertParts(Jid.of(null, "example.com", "x/y@z"), null, "example.com", "x/y@z");
        }

        @Test
        void anEmptyStringIsAnEmptyPartNotAnAbsentOne() {
            assertThatThrownBy(() -> Jid.of("", "example.com", null))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL));
            assertThatThrownBy(() -> Jid.of(null, "example.com", ""))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.RESOURCE));
            assertThatThrownBy(() -> Jid.of(null, "", null))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.DOMAIN));
        }

        @Test
        void nullWhereAValueIsRequiredIsAProgrammingError() {
            assertThatThrownBy(() -> Jid.of(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Jid.of("a", null, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void tryParseNeverThrows() {
            assertThat(Jid.tryParse(null)).isEmpty();
            assertThat(Jid.tryParse("a&b@example.com")).isEmpty();
            assertThat(Jid.tryParse("Juliet@Example.com")).contains(Jid.of("juliet@example.com"));
        }

        @Test
        void theMessageQuotesTheWholeJidAndNamesTheRule() {
            assertThatThrownBy(() -> Jid.of("a&b@example.com"))
                    .hasMessageStartingWith("\"a&b@example.com\" is not a valid JID: localpart \"a&b\"")
                    .hasMessageContaining("U+0026 AMPERSAND is prohibited by Nodeprep (RFC 3920 Appendix A.5)");
        }

        @Test
        void theMessageShowsInvisibleCharactersByCodePoint() {
            assertThatThrownBy(() -> Jid.of("a\u0000b@example.com"))
                    .hasMessageStartingWith("\"a<U+0000>b@example.com\" is not a valid JID")
                    .hasMessageNotContaining("\u0000");
        }

        @Test
        void theMessageCutsHugeInput() {
            String huge = "a".repeat(5000) + "@example.com";
            assertThatThrownBy(() -> Jid.of(huge))
                    .hasMessageContaining("(first 256 of 5012 chars)")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
        }
    }
}
