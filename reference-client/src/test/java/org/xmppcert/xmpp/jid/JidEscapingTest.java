package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XEP-0106 JID Escaping: the tables of §3.2/§3.3, the business rules of §4 and every
 * example of the XEP that is about JID escaping. Backslashes are doubled only because this
 * is Java source.
 */
class JidEscapingTest {

    /**
     * Addresses the XEP shows as user input (or foreign address), escaped JID and client
     * display. The XEP's examples that only percent-decode or percent-encode a URI (9, 16,
     * 17, 23, 24, 30, 31, 37) or apply LDAP and XML encodings (39, 41, 42, 44, 45) are about
     * RFC 3986 and RFC 2253, not JID escaping; the JID-escaping step of each of those chains
     * is a row here.
     */
    static Stream<Arguments> xep0106Addresses() {
        return Stream.of(
                row("§3.1 and §3.2 Example 1", "d'artagnan@musketeers.lit", "d\\27artagnan@musketeers.lit"),
                row("§3.3 Example 2", "tréville@musketeers.lit@smtp.gascon.fr",
                        "tréville\\40musketeers.lit@smtp.gascon.fr"),
                row("§3.3 prose", "treville@musketeers.lit@smtp.gascon.fr",
                        "treville\\40musketeers.lit@smtp.gascon.fr"),
                row("§4.2 and §5.5 wv: address", "\\3and\\2is\\5cool@example.com",
                        "\\5c3and\\2is\\5c5cool@example.com"),
                row("§4.3", "c:\\5commas@example.com", "c\\3a\\5c5commas@example.com"),
                row("§5.1 #1", "space cadet@example.com", "space\\20cadet@example.com"),
                row("§5.1 #2", "call me \"ishmael\"@example.com", "call\\20me\\20\\22ishmael\\22@example.com"),
                row("§5.1 #3", "at&t guy@example.com", "at\\26t\\20guy@example.com"),
                row("§5.1 #4", "d'artagnan@example.com", "d\\27artagnan@example.com"),
                row("§5.1 #5", "/.fanboy@example.com", "\\2f.fanboy@example.com"),
                row("§5.1 #6", "::foo::@example.com", "\\3a\\3afoo\\3a\\3a@example.com"),
                row("§5.1 #7", "<foo>@example.com", "\\3cfoo\\3e@example.com"),
                row("§5.1 #8", "user@host@example.com", "user\\40host@example.com"),
                row("§5.1 #9", "c:\\net@example.com", "c\\3a\\net@example.com"),
                row("§5.1 #10", "c:\\\\net@example.com", "c\\3a\\\\net@example.com"),
                row("§5.1 #11", "c:\\cool stuff@example.com", "c\\3a\\cool\\20stuff@example.com"),
                row("§5.1 #12", "c:\\5commas@example.com", "c\\3a\\5c5commas@example.com"),
                row("§5.2 Examples 6-8, 10-15; §5.3 Examples 18-22; §5.4 Examples 25-29",
                        "here's_a_wild_&_/cr%zy/_address@example.com",
                        "here\\27s_a_wild_\\26_\\2fcr%zy\\2f_address@example.com"),
                row("§5.5 Examples 32-36", "here's_a_wild_&_/cr%zy/_address_for:<wv>(\"IMPS\")@example.com",
                        "here\\27s_a_wild_\\26_\\2fcr%zy\\2f_address_for\\3a\\3cwv\\3e(\\22IMPS\\22)@example.com"),
                // \E9 is the LDAP (RFC 2253) escape of é, which JID escaping must leave alone.
                row("§5.6 Examples 40 and 43",
                        "CN=D'Artagnan Saint-Andr\\E9,O=Example & Company, Inc.,DC=example,DC=com@st.example.com",
                        "CN=D\\27Artagnan\\20Saint-Andr\\E9,O=Example\\20\\26\\20Company,\\20Inc.,DC=example,DC=com"
                                + "@st.example.com"),
                row("§5.6 the more intelligent gateway", "D'Artagnan Saint-André@example.com",
                        "D\\27Artagnan\\20Saint-André@example.com"),
                row("§5.7 Examples 46-48", "somenick!user\"&'/:<>\\3address@example.com",
                        "somenick!user\\22\\26\\27\\2f\\3a\\3c\\3e\\5c3address@example.com"));
    }

    /** The XEP's display form is always the user input: escaping is a bijection on valid input. */
    private static Arguments row(String where, String userInput, String escapedJid) {
        return Arguments.of(where, userInput, escapedJid);
    }

    /** A human-form address: the domain cannot hold '@', so the localpart ends at the last one. */
    static String[] splitUserInput(String address) {
        int at = address.lastIndexOf('@');
        return new String[] {address.substring(0, at), address.substring(at + 1)};
    }

    /** An escaped JID: the localpart cannot hold '@', so it ends at the first one. */
    static String[] splitEscaped(String jid) {
        int at = jid.indexOf('@');
        return new String[] {jid.substring(0, at), jid.substring(at + 1)};
    }

    @ParameterizedTest(name = "{0}: escape")
    @MethodSource("xep0106Addresses")
    void escapesEachExample(String where, String userInput, String escapedJid) {
        String[] input = splitUserInput(userInput);
        String[] escaped = splitEscaped(escapedJid);
        assertThat(JidEscaping.escape(input[0])).isEqualTo(escaped[0]);
        assertThat(input[1]).isEqualTo(escaped[1]);
    }

    @ParameterizedTest(name = "{0}: unescape for display")
    @MethodSource("xep0106Addresses")
    void unescapesEachExample(String where, String userInput, String escapedJid) {
        assertThat(JidEscaping.unescape(splitEscaped(escapedJid)[0])).isEqualTo(splitUserInput(userInput)[0]);
    }

    @ParameterizedTest(name = "{0} <-> \\{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "` `|20", "\"|22", "&|26", "'|27", "/|2f", ":|3a", "<|3c", ">|3e", "@|40"})
    void tableOfSection32And33(String character, String hexhex) {
        assertThat(JidEscaping.escape("a" + character + "b")).isEqualTo("a\\" + hexhex + "b");
        assertThat(JidEscaping.unescape("a\\" + hexhex + "b")).isEqualTo("a" + character + "b");
    }

    @Test
    void backslashRowOfTheTableAppliesOnlyWhereItWouldBeAmbiguous() {
        assertThat(JidEscaping.unescape("a\\5cb")).isEqualTo("a\\b");
        assertThat(JidEscaping.escape("a\\b")).isEqualTo("a\\b");
        assertThat(JidEscaping.escape("a\\5cb")).isEqualTo("a\\5c5cb");
        assertThat(JidEscaping.escape("a\\27b")).isEqualTo("a\\5c27b");
        assertThat(JidEscaping.escape("a\\")).isEqualTo("a\\");
    }

    @ParameterizedTest(name = "§4.3: \"{0}\" is not modified")
    @ValueSource(strings = {"\\2plus\\2is\\4", "foo\\bar", "foob\\41r"})
    void examples3To5PartialAndInvalidSequencesAreNotModified(String s) {
        assertThat(JidEscaping.escape(s)).isEqualTo(s);
        assertThat(JidEscaping.unescape(s)).isEqualTo(s);
    }

    @Test
    void section6FeatureName() {
        assertThat(JidEscaping.unescape("jid\\20escaping")).isEqualTo("jid escaping");
        assertThat(JidEscaping.escape("jid escaping")).isEqualTo("jid\\20escaping");
    }

    @Test
    void section7DifferentLocalpartsCanDisplayAlike() {
        assertThat(JidEscaping.unescape("foo\\5cbar")).isEqualTo("foo\\bar");
        assertThat(JidEscaping.unescape("foo\\bar")).isEqualTo("foo\\bar");
        assertThat(JidEscaping.escape("foo\\bar")).isEqualTo("foo\\bar");
    }

    @ParameterizedTest(name = "§4.1 rule 6: \"{0}\"")
    @ValueSource(strings = {" ", " foo", "foo ", "  foo  "})
    void aSpaceFirstOrLastCannotBeEscaped(String s) {
        assertThatThrownBy(() -> JidEscaping.escape(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XEP-0106 §4.1 rule 6");
    }

    @Test
    void unescapingIsLenientAboutWhatEscapingWouldNotProduce() {
        assertThat(JidEscaping.unescape("\\20foo\\20")).isEqualTo(" foo ");
    }

    @Test
    void caseIsSignificantWhenUnescaping() {
        assertThat(JidEscaping.unescape("a\\2Fb")).isEqualTo("a\\2Fb");
        assertThat(JidEscaping.unescape("a\\5Cb")).isEqualTo("a\\5Cb");
    }

    @Test
    void anUppercaseLookalikeOfASequenceIsEscapedBecauseNodeprepWouldLowercaseIt() {
        assertThat(JidEscaping.escape("a\\2Fb")).isEqualTo("a\\5c2Fb");
        assertThat(JidEscaping.unescape(JidEscaping.escape("a\\2Fb"))).isEqualTo("a\\2Fb");
    }

    @Test
    void eachSequenceIsUndoneOnce() {
        assertThat(JidEscaping.unescape("\\5c27")).isEqualTo("\\27");
        assertThat(JidEscaping.unescape("\\5c5c")).isEqualTo("\\5c");
    }

    @Test
    void otherCharactersAreNeverEscaped() {
        // §2 requirements 2-3: look-alikes stay as they are, for Nodeprep to judge.
        assertThat(JidEscaping.escape("d\u02BCartagnan")).isEqualTo("d\u02BCartagnan");
        assertThat(JidEscaping.escape("d\uFF07artagnan")).isEqualTo("d\uFF07artagnan");
        assertThat(JidEscaping.escape("%\u00E9\t")).isEqualTo("%\u00E9\t");
    }

    @ParameterizedTest(name = "unescape(escape(\"{0}\"))")
    @ValueSource(strings = {"", "plain", "a\\b\\", "\\", "\\\\", "\\5c\\5c", "\\2F\\2f\\20", "x\"&'/:<>@\\y",
        "\\3and\\2is\\5cool", "end\\2"})
    void escapingRoundTrips(String s) {
        assertThat(JidEscaping.unescape(JidEscaping.escape(s))).isEqualTo(s);
    }
}
