package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three profiles as RFC 3920 Appendix A, Appendix B and RFC 3491 define them. */
class StringprepTest {

    enum Profile {
        NODEPREP(Stringprep::nodeprep, JidPart.LOCAL),
        RESOURCEPREP(Stringprep::resourceprep, JidPart.RESOURCE),
        NAMEPREP(Stringprep::nameprep, JidPart.DOMAIN);

        final UnaryOperator<String> prep;
        final JidPart part;

        Profile(UnaryOperator<String> prep, JidPart part) {
            this.prep = prep;
            this.part = part;
        }
    }

    static String cp(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    @Nested
    class Mapping {

        @Test
        void nodeprepAndNameprepMapCaseWithTableB2() {
            assertThat(Stringprep.nodeprep("Alice")).isEqualTo("alice");
            assertThat(Stringprep.nameprep("LocalHost")).isEqualTo("localhost");
            assertThat(Stringprep.nodeprep("ÄÖÜ")).isEqualTo("äöü");
        }

        @Test
        void resourceprepKeepsCaseBecauseItMapsWithTableB1Only() {
            assertThat(Stringprep.resourceprep("Balcony")).isEqualTo("Balcony");
            assertThat(Stringprep.resourceprep("ÄÖÜ")).isEqualTo("ÄÖÜ");
        }

        @Test
        void tableB2FoldsSharpSAndFinalSigmaUnlikePrecis() {
            // RFC 3920 compares fußball and fussball as equal; RFC 7622 §3.5 examples 6/7 and
            // 9-11 do not. XEP-0211 requires RFC 3920.
            assertThat(Stringprep.nodeprep("fußball")).isEqualTo("fussball");
            assertThat(Stringprep.nodeprep("\u03A3")).isEqualTo("\u03C3");
            assertThat(Stringprep.nodeprep("\u03C2")).isEqualTo("\u03C3");
        }

        @ParameterizedTest(name = "{0}: U+{1} mapped to nothing")
        @MethodSource("org.xmppcert.xmpp.jid.StringprepTest#mappedToNothing")
        void tableB1MapsToNothingInEveryProfile(Profile profile, String hex) {
            String input = "a" + cp(Integer.parseInt(hex, 16)) + "b";
            assertThat(profile.prep.apply(input)).isEqualTo("ab");
        }

        @Test
        void tableB1WinsOverTheProhibitionTables() {
            // U+200B is in C.1.2 and U+200C, U+200D, U+2060, U+FEFF in C.2.2, but RFC 3454 §3
            // maps before it prohibits, and Table B.1 maps them to nothing.
            for (String hex : new String[] {"200B", "200C", "200D", "2060", "FEFF"}) {
                assertThat(Stringprep.nodeprep("a" + cp(Integer.parseInt(hex, 16)) + "b")).as(hex).isEqualTo("ab");
            }
        }
    }

    static Stream<Arguments> mappedToNothing() {
        String[] b1 = {"00AD", "034F", "1806", "180B", "200B", "FE00", "FE0F", "FEFF"};
        return Stream.of(Profile.values())
                .flatMap(profile -> Stream.of(b1).map(hex -> Arguments.of(profile, hex)));
    }

    @Nested
    class Normalization {

        @Test
        void nfkcTurnsRomanNumeralFourIntoIvAndNodeprepLowercasesIt() {
            // RFC 7622 §3.5 example 20 rejects it; RFC 3920's NFKC accepts and maps it.
            assertThat(Stringprep.nodeprep("henry\u2163")).isEqualTo("henryiv");
            assertThat(Stringprep.resourceprep("henry\u2163")).isEqualTo("henryIV");
        }

        @Test
        void nfkcUnfoldsCompatibilityCharacters() {
            assertThat(Stringprep.nodeprep("\uFB01x")).isEqualTo("fix");
            assertThat(Stringprep.nodeprep("\uFF21\uFF22")).isEqualTo("ab");
            assertThat(Stringprep.resourceprep("\uFF21\uFF22")).isEqualTo("AB");
        }

        @Test
        void nfkcComposes() {
            assertThat(Stringprep.nodeprep("e\u0301")).isEqualTo("\u00E9");
            assertThat(Stringprep.resourceprep("E\u0301")).isEqualTo("\u00C9");
        }

        @Test
        void prohibitionIsCheckedAfterNormalisation() {
            // U+0340 is in Table C.8 but normalises to U+0300, which is allowed (and composes).
            assertThat(Stringprep.nodeprep("a\u0340")).isEqualTo("\u00E0");
            assertThat(Stringprep.nodeprep("x\u0340")).isEqualTo("x\u0300");
            // U+00A0 (C.1.2) becomes U+0020: prohibited by Nodeprep (C.1.1), not by Resourceprep.
            assertThat(Stringprep.resourceprep("a\u00A0b")).isEqualTo("a b");
            assertThatThrownBy(() -> Stringprep.nodeprep("a\u00A0b")).isInstanceOf(InvalidJidException.class);
            // U+FF20 FULLWIDTH COMMERCIAL AT becomes '@'.
            assertThatThrownBy(() -> Stringprep.nodeprep("a\uFF20b"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessageContaining("U+FF20 FULLWIDTH COMMERCIAL AT");
        }
    }

    @Nested
    class Prohibition {

        @ParameterizedTest(name = "nodeprep prohibits {0}")
        @ValueSource(strings = {"\"", "&", "'", "/", ":", "<", ">", "@", " "})
        void nodeprepProhibitsTheAsciiOfAppendixA5AndSpace(String c) {
            assertThatThrownBy(() -> Stringprep.nodeprep("a" + c + "b"))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL))
                    .hasMessageContaining(String.format("U+%04X", (int) c.charAt(0)))
                    .hasMessageContaining("RFC 3920 Appendix A.5");
        }

        @ParameterizedTest(name = "resourceprep allows {0}")
        @ValueSource(strings = {"\"", "&", "'", "/", ":", "<", ">", "@", " "})
        void resourceprepAllowsThem(String c) {
            assertThat(Stringprep.resourceprep("a" + c + "b")).isEqualTo("a" + c + "b");
        }

        /** One row per sample code point: the table it is in, and whether each profile allows it. */
        @ParameterizedTest(name = "{0} U+{1}: nodeprep {2}, resourceprep {3}, nameprep {4}")
        @CsvSource({
            "C.1.1, 0020, false, true, true",
            "C.1.2, 1680, false, false, false",
            "C.1.2, 205F, false, true, true", // NFKC: U+0020
            "C.2.1, 0000, false, false, true",
            "C.2.1, 001F, false, false, true",
            "C.2.1, 007F, false, false, true",
            "C.2.2, 0085, false, false, false",
            "C.2.2, 06DD, false, false, false",
            "C.2.2, 180E, false, false, false",
            "C.2.2, 2028, false, false, false",
            "C.2.2, 2029, false, false, false",
            "C.2.2, FFF9, false, false, false",
            "C.2.2, 1D173, false, false, false",
            "C.3, E000, false, false, false",
            "C.3, F8FF, false, false, false",
            "C.3, F0000, false, false, false",
            "C.3, 10FFFD, false, false, false",
            "C.4, FDD0, false, false, false",
            "C.4, FFFE, false, false, false",
            "C.4, FFFF, false, false, false",
            "C.4, 1FFFE, false, false, false",
            "C.4, 10FFFF, false, false, false",
            "C.5, D800, false, false, false",
            "C.5, DFFF, false, false, false",
            "C.6, FFFC, false, false, false",
            "C.6, FFFD, false, false, false",
            "C.7, 2FF0, false, false, false",
            "C.7, 2FFB, false, false, false",
            "C.8, 200E, false, false, false",
            "C.8, 200F, false, false, false",
            "C.8, 202A, false, false, false",
            "C.8, 202E, false, false, false",
            "C.8, 206F, false, false, false",
            "C.9, E0001, false, false, false",
            "C.9, E0020, false, false, false",
            "C.9, E007F, false, false, false",
        })
        void tablesOfAppendixA5AppendixB5AndRfc3491Section5(String table, String hex, boolean node,
                boolean resource, boolean name) {
            // A lone surrogate (C.5) can only be written as a char.
            int codePoint = Integer.parseInt(hex, 16);
            String c = Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF
                    ? String.valueOf((char) codePoint) : cp(codePoint);
            assertAllowed(Profile.NODEPREP, "a" + c + "b", node);
            assertAllowed(Profile.RESOURCEPREP, "a" + c + "b", resource);
            assertAllowed(Profile.NAMEPREP, "a" + c + "b", name);
        }

        private void assertAllowed(Profile profile, String input, boolean allowed) {
            if (allowed) {
                assertThat(profile.prep.apply(input)).as(profile.name()).isNotNull();
            } else {
                assertThatThrownBy(() -> profile.prep.apply(input)).as(profile.name())
                        .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(profile.part))
                        .hasMessageContaining("prohibited");
            }
        }

        @Test
        void theMessageNamesTheCodePointAndItsTable() {
            assertThatThrownBy(() -> Stringprep.resourceprep("a\u0007b"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessageContaining("U+0007")
                    .hasMessageContaining("Resourceprep")
                    .hasMessageContaining("RFC 3920 Appendix B.5")
                    .hasMessageContaining("\"a<U+0007>b\"");
            assertThatThrownBy(() -> Stringprep.nameprep("a\uE000"))
                    .hasMessageContaining("U+E000")
                    .hasMessageContaining("RFC 3491 §5");
        }
    }

    @Nested
    class Bidi {

        @ParameterizedTest
        @EnumSource(Profile.class)
        void rightToLeftOnlyIsAllowed(Profile profile) {
            assertThat(profile.prep.apply("\u05D0\u05D1")).isEqualTo("\u05D0\u05D1");
            assertThat(profile.prep.apply("\u0627\u0644\u0639\u0631\u0628\u064A\u0629")).isNotEmpty();
        }

        @ParameterizedTest
        @EnumSource(Profile.class)
        void neutralCharactersInsideAreAllowed(Profile profile) {
            assertThat(profile.prep.apply("\u05D01\u05D0")).isEqualTo("\u05D01\u05D0");
        }

        @ParameterizedTest
        @EnumSource(Profile.class)
        void rightToLeftMixedWithLeftToRightIsRejected(Profile profile) {
            assertBidiError(profile, "\u05D0a\u05D0");
        }

        @ParameterizedTest
        @EnumSource(Profile.class)
        void rightToLeftMustBeFirstAndLast(Profile profile) {
            assertBidiError(profile, "\u05D01");
            assertBidiError(profile, "1\u05D0");
            // A combining mark is not RandALCat: U+FB1D decomposes to U+05D9 U+05B4.
            assertBidiError(profile, "\uFB1D");
        }

        private void assertBidiError(Profile profile, String input) {
            assertThatThrownBy(() -> profile.prep.apply(input))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(profile.part))
                    .hasMessageContaining("RFC 3454 §6");
        }
    }

    @Nested
    class Unassigned {

        @ParameterizedTest
        @EnumSource(Profile.class)
        void codePointsUnassignedInUnicode32AreRejectedBecauseJidsAreStoredStrings(Profile profile) {
            // U+0221 was assigned in Unicode 4.0 and is in RFC 3454 Table A.1.
            assertThatThrownBy(() -> profile.prep.apply("a\u0221"))
                    .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(profile.part))
                    .hasMessageContaining("U+0221")
                    .hasMessageContaining("unassigned in Unicode 3.2")
                    .hasMessageContaining("RFC 3454 §7");
        }

        @Test
        void emojiAreUnassignedInUnicode32SoResourceprepRejectsThem() {
            assertThatThrownBy(() -> Stringprep.resourceprep("phone \uD83D\uDE00"))
                    .isInstanceOf(InvalidJidException.class)
                    .hasMessageContaining("U+1F600");
        }

        @Test
        void symbolsAssignedInUnicode32AreAllowedInResources() {
            // RFC 7622 §3.5 example 12; RFC 3920 also allows it in localparts (example 21 does not).
            assertThat(Stringprep.resourceprep("\u265A")).isEqualTo("\u265A");
            assertThat(Stringprep.nodeprep("\u265A")).isEqualTo("\u265A");
        }
    }

    @Test
    void resourceprepAllowsSpacesAnywhere() {
        // RFC 3920 Appendix B.5 does not list Table C.1.1; RFC 7622 §3.5 example 18 differs.
        assertThat(Stringprep.resourceprep(" foo bar ")).isEqualTo(" foo bar ");
    }
}
