package org.xmppcert.xmpp.jid;

import com.ibm.icu.lang.UCharacter;

/**
 * Quotes input for error messages. Messages end up in HTML, JSON and JUnit XML reports,
 * and the input may come from a hostile peer: invisible and control characters are shown
 * by code point (U+0000 would even make the JUnit XML unreadable), and very long input is
 * cut.
 */
final class Quoting {

    private static final int MAX_QUOTED_CHARS = 256;

    private Quoting() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED_CHARS) + 16).append('"');
        int end = Math.min(s.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < end; ) {
            int cp = s.codePointAt(i);
            if (isVisible(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("<U+%04X>", cp));
            }
            i += Character.charCount(cp);
        }
        out.append('"');
        if (end < s.length()) {
            out.append(" (first ").append(end).append(" of ").append(s.length()).append(" chars)");
        }
        return out.toString();
    }

    /** Code point in U+XXXX form with its Unicode name, for naming a culprit. */
    static String codePoint(int cp) {
        return String.format("U+%04X %s", cp, UCharacter.getExtendedName(cp));
    }

    private static boolean isVisible(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
