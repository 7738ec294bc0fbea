package org.xmppcert.xmpp.jid;

import com.ibm.icu.text.StringPrep;
import com.ibm.icu.text.StringPrepParseException;
import java.util.Optional;

/**
 * The three stringprep profiles (RFC 3454) that RFC 3920 applies to JIDs, taken from
 * ICU4J, with ICU's failures turned into {@link InvalidJidException}s that say which code
 * point broke which rule.
 *
 * <p>Every profile is run with {@link StringPrep#DEFAULT}, never
 * {@link StringPrep#ALLOW_UNASSIGNED}: RFC 3454 §7 allows unassigned code points only in
 * queries, and a JID is a stored string (it is put in stanzas, rosters and bindings), so a
 * code point unassigned in Unicode 3.2 (RFC 3454 Table A.1) is an error.
 *
 * <p>ICU's profile data was checked code point by code point, for every assigned code
 * point, against the tables of RFC 3454 as RFC 3920 Appendix A/B and RFC 3491 select them,
 * with no difference; its NFKC is that of Unicode 3.2 as published, as RFC 3454 asks
 * (without the later Corrigendum #4 to five CJK compatibility ideographs). Some table entries never fire because RFC 3454 §3 maps and
 * normalises before it prohibits: U+200B..U+200D, U+2060 and U+FEFF are mapped to nothing
 * by Table B.1 before Tables C.1.2/C.2.2 are consulted, U+00A0 and the other C.1.2 spaces
 * become U+0020 under NFKC (prohibited by Nodeprep, allowed by Resourceprep and Nameprep),
 * and U+0340/U+0341 (Table C.8) normalise to U+0300/U+0301.
 */
final class Stringprep {

    private static final Profile NODEPREP = new Profile(StringPrep.RFC3920_NODEPREP, JidPart.LOCAL,
            "localpart", "Nodeprep", "RFC 3920 Appendix A.5");
    private static final Profile NAMEPREP = new Profile(StringPrep.RFC3491_NAMEPREP, JidPart.DOMAIN,
            "domain label", "Nameprep", "RFC 3491 §5");
    private static final Profile RESOURCEPREP = new Profile(StringPrep.RFC3920_RESOURCEPREP, JidPart.RESOURCE,
            "resourcepart", "Resourceprep", "RFC 3920 Appendix B.5");

    private Stringprep() {
    }

    /**
     * Nodeprep (RFC 3920 Appendix A): Table B.1 and B.2 mapping, NFKC, the prohibitions of
     * Appendix A.5 including {@code " & ' / : < > @}, and the bidi rule.
     */
    static String nodeprep(String localpart) {
        return NODEPREP.prepare(localpart);
    }

    /**
     * Nameprep (RFC 3491) of one domain label: Table B.1 and B.2 mapping, NFKC, the
     * prohibitions of §5 and the bidi rule. It must be applied label by label (RFC 3490
     * §4.1 runs it inside ToASCII), because the bidi rule of RFC 3454 §6 holds per label.
     */
    static String nameprep(String label) {
        return NAMEPREP.prepare(label);
    }

    /**
     * Resourceprep (RFC 3920 Appendix B): Table B.1 mapping only (case is kept), NFKC, the
     * prohibitions of Appendix B.5 (U+0020 is allowed), and the bidi rule.
     */
    static String resourceprep(String resourcepart) {
        return RESOURCEPREP.prepare(resourcepart);
    }

    private static final class Profile {

        private final StringPrep icu;
        private final JidPart part;
        private final String what;
        private final String name;
        private final String prohibitedSection;

        Profile(int icuProfile, JidPart part, String what, String name, String prohibitedSection) {
            this.icu = StringPrep.getInstance(icuProfile);
            this.part = part;
            this.what = what;
            this.name = name;
            this.prohibitedSection = prohibitedSection;
        }

        String prepare(String input) {
            try {
                return icu.prepare(input, StringPrep.DEFAULT);
            } catch (StringPrepParseException e) {
                throw new InvalidJidException(part, what + " " + Quoting.quote(input) + ": " + reason(input, e), e);
            }
        }

        private String reason(String input, StringPrepParseException e) {
            switch (e.getError()) {
                case StringPrepParseException.PROHIBITED_ERROR:
                    return culprit(input, StringPrepParseException.PROHIBITED_ERROR)
                            .map(cp -> cp + " is prohibited by " + name)
                            .orElse(name + " produces a prohibited code point after NFKC normalisation")
                            + " (" + prohibitedSection + ")";
                case StringPrepParseException.UNASSIGNED_ERROR:
                    return culprit(input, StringPrepParseException.UNASSIGNED_ERROR).orElse("a code point")
                            + " is unassigned in Unicode 3.2 (RFC 3454 Table A.1); a JID is a stored string,"
                            + " where unassigned code points are not allowed (RFC 3454 §7)";
                case StringPrepParseException.CHECK_BIDI_ERROR:
                    return "breaks the bidi rule of RFC 3454 §6: a string with right-to-left characters must not"
                            + " contain left-to-right characters, and must start and end with a right-to-left"
                            + " character";
                default:
                    return name + " failed: " + e.getMessage();
            }
        }

        /**
         * The first code point that fails on its own with the same error. Mapping and NFKC
         * can make a prohibited character out of harmless ones, so there may be none.
         */
        private Optional<String> culprit(String input, int error) {
            for (int i = 0; i < input.length(); ) {
                int cp = input.codePointAt(i);
                try {
                    icu.prepare(new String(Character.toChars(cp)), StringPrep.DEFAULT);
                } catch (StringPrepParseException e) {
                    if (e.getError() == error) {
                        return Optional.of(Quoting.codePoint(cp));
                    }
                }
                i += Character.charCount(cp);
            }
            return Optional.empty();
        }
    }
}
