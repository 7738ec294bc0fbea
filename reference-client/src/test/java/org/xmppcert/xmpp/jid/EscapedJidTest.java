package org.xmppcert.xmpp.jid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** XEP-0106 at the level of whole JIDs: escaping before Nodeprep, unescaping after it (§4.1). */
class EscapedJidTest {

    @ParameterizedTest(name = "{0}: user input to wire")
    @MethodSource("org.xmppcert.xmpp.jid.JidEscapingTest#xep0106Addresses")
    void userInputIsEscapedThenPrepared(String where, String userInput, String escapedJid) {
        String[] input = JidEscapingTest.splitUserInput(userInput);
        Jid jid = Jid.ofUnescaped(input[0], input[1], null);
        assertThat(jid).isEqualTo(Jid.of(escapedJid));
        // Nodeprep lowercases (the XEP picked lowercase escapes for that reason, §3.1).
        assertThat(jid).hasToString(escapedJid.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}: wire to display")
    @MethodSource("org.xmppcert.xmpp.jid.JidEscapingTest#xep0106Addresses")
    void wireFormIsDisplayedUnescaped(String where, String userInput, String escapedJid) {
        Jid jid = Jid.of(escapedJid);
        assertThat(jid.toUnescapedString()).isEqualTo(userInput.toLowerCase(Locale.ROOT));
        assertThat(jid.unescapedLocal()).contains(JidEscapingTest.splitUserInput(userInput)[0].toLowerCase(Locale.ROOT));
    }

    @Test
    void example2FromAddressKeepsItsResource() {
        Jid from = Jid.of("d\\27artagnan@gascon.fr/elder");
        assertThat(from.toUnescapedString()).isEqualTo("d'artagnan@gascon.fr/elder");
        assertThat(Jid.ofUnescaped("d'artagnan", "gascon.fr", "elder")).isEqualTo(from);
    }

    @Test
    void resourcesAndDomainsAreNeverUnescaped() {
        // XEP-0106 §2 requirement 1.
        assertThat(Jid.of("a@example.com/x\\27y").toUnescapedString()).isEqualTo("a@example.com/x\\27y");
        assertThat(Jid.ofUnescaped(null, "example.com", "it's").toString()).isEqualTo("example.com/it's");
    }

    @Test
    void aJidWithoutLocalpartHasNoUnescapedLocal() {
        assertThat(Jid.of("example.com").unescapedLocal()).isEmpty();
        assertThat(Jid.ofUnescaped(null, "example.com", null)).isEqualTo(Jid.of("example.com"));
    }

    @Test
    void uppercaseEscapesFromThePeerAreFoldedByNodeprepAndThenDisplayed() {
        assertThat(Jid.of("D\\27Artagnan@example.com").toUnescapedString()).isEqualTo("d'artagnan@example.com");
        assertThat(Jid.of("a\\2Fb@example.com").toUnescapedString()).isEqualTo("a/b@example.com");
    }

    @Test
    void aLeadingOrTrailingSpaceIsAnInvalidLocalpart() {
        assertThatThrownBy(() -> Jid.ofUnescaped(" cadet", "example.com", null))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL))
                .hasMessageContaining("XEP-0106 §4.1 rule 6");
    }

    @Test
    void aWireLocalpartStartingWithAnEscapedSpaceIsStillAValidJid() {
        // Rule 6 binds whoever escapes; RFC 3920 has no objection to "\20" anywhere.
        assertThat(Jid.of("\\20cadet@example.com").unescapedLocal()).contains(" cadet");
    }

    @Test
    void lookalikesAreLeftToNodeprep() {
        // U+FF07 FULLWIDTH APOSTROPHE is not escaped (§2 requirement 3); NFKC makes it "'".
        assertThatThrownBy(() -> Jid.ofUnescaped("d\uFF07artagnan", "example.com", null))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL))
                .hasMessageContaining("U+FF07");
        // U+02BC MODIFIER LETTER APOSTROPHE is a letter, and stays one (§2 requirement 2).
        assertThat(Jid.ofUnescaped("d\u02BCartagnan", "example.com", null).local()).contains("d\u02BCartagnan");
    }

    @Test
    void anEscapeThatNodeprepWouldConjureUpIsRefused() {
        // U+FF3C FULLWIDTH REVERSE SOLIDUS is no backslash to XEP-0106, but NFKC makes it one,
        // and "\2f" would then be displayed as '/'.
        assertThatThrownBy(() -> Jid.ofUnescaped("a\uFF3C2fb", "example.com", null))
                .isInstanceOfSatisfying(InvalidJidException.class, e -> assertThat(e.part()).isEqualTo(JidPart.LOCAL))
                .hasMessageContaining("XEP-0106 §2 requirement 3");
        assertThat(Jid.ofUnescaped("a\uFF3Cb", "example.com", null).local()).contains("a\\b");
    }

    @Test
    void comparisonUsesTheEscapedForm() {
        // XEP-0106 §4.1 rule 5 and §7.
        Jid escapedBackslash = Jid.of("foo\\5cbar@example.com");
        Jid plainBackslash = Jid.of("foo\\bar@example.com");
        assertThat(escapedBackslash.toUnescapedString()).isEqualTo(plainBackslash.toUnescapedString());
        assertThat(escapedBackslash).isNotEqualTo(plainBackslash);
    }
}
