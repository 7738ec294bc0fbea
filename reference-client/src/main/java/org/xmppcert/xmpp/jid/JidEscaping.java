package org.xmppcert.xmpp.jid;

import java.util.Objects;

/**
 * XEP-0106 JID Escaping of localparts: the space and the eight characters that Nodeprep
 * prohibits (RFC 3920 Appendix A.5) are written as {@code \}<i>hexhex</i>, so that
 * {@code d'artagnan} travels as {@code d\27artagnan}.
 *
 * <p>Hand-written, because no maintained library implements XEP-0106. The two
 * transformations work on localparts only (XEP-0106 §2 requirement 1); to escape a whole
 * address, split it at its last {@code @} first, since the domain cannot hold one.
 */
public final class JidEscaping {

    /** The characters of XEP-0106 §3.2, in the order of {@link #SEQUENCES}. */
    private static final String CHARACTERS = " \"&'/:<>@\\";

    /** The escape sequences of XEP-0106 §3.2 without their backslash; lowercase, as §3.1 says. */
    private static final String[] SEQUENCES = {"20", "22", "26", "27", "2f", "3a", "3c", "3e", "40", "5c"};

    private JidEscaping() {
    }

    /**
     * Escapes a localpart as XEP-0106 §3.2 and §4.2 step 3–4 say: each of
     * <code>space " &amp; ' / : &lt; &gt; @</code> becomes its escape sequence, and a
     * backslash becomes {@code \5c} only where it starts one of the ten sequences of §3.3
     * (§4.1 rule 7, §4.3); any other backslash, and every other character, is kept
     * (§2 requirement 3). So {@code c:\net} becomes {@code c\3a\net} and
     * {@code c:\5commas} becomes {@code c\3a\5c5commas}.
     *
     * <p>Unlike unescaping, the check for an ambiguous backslash ignores case: the escaped
     * localpart goes through Nodeprep, whose case mapping would turn a kept {@code \2F}
     * into {@code \2f}, the escape of {@code /}, and the user would see a character they
     * never typed.
     *
     * @param unescaped the localpart as a human or a foreign system wrote it
     * @return the escaped localpart; empty for empty input
     * @throws IllegalArgumentException if the input starts or ends with a space, which would
     *     put {@code \20} first or last in the escaped localpart (XEP-0106 §3.2 note, §4.1
     *     rule 6)
     */
    public static String escape(String unescaped) {
        Objects.requireNonNull(unescaped, "unescaped");
        if (unescaped.startsWith(" ") || unescaped.endsWith(" ")) {
            throw new IllegalArgumentException("localpart " + Quoting.quote(unescaped)
                    + " starts or ends with a space, and \\20 must not be the first or last character of an"
                    + " escaped localpart (XEP-0106 §4.1 rule 6)");
        }
        StringBuilder out = new StringBuilder(unescaped.length() + 8);
        for (int i = 0; i < unescaped.length(); i++) {
            char c = unescaped.charAt(i);
            int index = CHARACTERS.indexOf(c);
            boolean escapeIt = c == '\\' ? sequenceAt(unescaped, i + 1, true) >= 0 : index >= 0;
            if (escapeIt) {
                out.append('\\').append(SEQUENCES[index]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Undoes the escapes of XEP-0106 §3.3 for display or for a gateway (§4.1 rules 1–2).
     * Only the ten lowercase sequences are undone, each once (so {@code \5c27} becomes
     * {@code \27}); partial sequences, sequences for other characters and uppercase ones are
     * kept as they are (§3.1 "case is significant", §4.1 rule 3, §4.3). It never fails: any
     * localpart can be displayed, even one that an escaping entity would not have made
     * (such as one starting with {@code \20}).
     *
     * @param escaped a localpart, normally a prepared one (§4.1 rule 2)
     * @return the localpart for humans; never to be sent or compared (§4.1 rules 4–5)
     */
    public static String unescape(String escaped) {
        Objects.requireNonNull(escaped, "escaped");
        StringBuilder out = new StringBuilder(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            int index = c == '\\' ? sequenceAt(escaped, i + 1, false) : -1;
            if (index >= 0) {
                out.append(CHARACTERS.charAt(index));
                i += 3;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** How many escape sequences {@link #unescape} would undo in {@code escaped}. */
    static int countSequences(String escaped) {
        int count = 0;
        int i = 0;
        while (i < escaped.length()) {
            if (escaped.charAt(i) == '\\' && sequenceAt(escaped, i + 1, false) >= 0) {
                count++;
                i += 3;
            } else {
                i++;
            }
        }
        return count;
    }

    /** Which of {@link #SEQUENCES} starts at {@code from}, or -1. */
    private static int sequenceAt(String s, int from, boolean ignoreCase) {
        if (from + 2 > s.length()) {
            return -1;
        }
        for (int i = 0; i < SEQUENCES.length; i++) {
            if (s.regionMatches(ignoreCase, from, SEQUENCES[i], 0, 2)) {
                return i;
            }
        }
        return -1;
    }
}
