package org.xmppcert.xmpp.xml;

/**
 * The XML 1.0 {@code Char} production (XML §2.2), which RFC 6120 §11.8 makes the only
 * character set of an XMPP stream. Elements built here cannot carry characters that would make
 * the stream not well-formed; a scenario that wants to send such data sends raw text instead.
 */
public final class XmlChars {
    private XmlChars() {
    }

    /** Whether the code point is allowed in an XML 1.0 document. */
    public static boolean isValid(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Returns the index of the first invalid character (or unpaired surrogate), or -1. */
    public static int firstInvalid(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
            } else if (Character.isSurrogate(c)) {
                return i;
            } else {
                cp = c;
            }
            if (!isValid(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static void requireValid(CharSequence s, String what) {
        int bad = firstInvalid(s);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "%s contains U+%04X at index %d, which XML 1.0 does not allow", what, (int) s.charAt(bad), bad));
        }
    }
}
