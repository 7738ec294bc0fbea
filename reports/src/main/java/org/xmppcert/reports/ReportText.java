package org.xmppcert.reports;

/**
 * Text hygiene shared by every writer. Transcripts carry whatever a (possibly hostile) server
 * sent and events carry exception messages, so before any text reaches a file it is made
 * representable: XML 1.0 (junit.xml) forbids most control characters and lone surrogates, and a
 * browser would render them as garbage. Escaping for the target format is each writer's job;
 * this class only makes the characters legal and bounds the length.
 */
public final class ReportText {
    /** What replaces a character no report format can carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private ReportText() {
    }

    /**
     * The text with every character that XML 1.0 §2.2 does not allow (C0 controls other than
     * tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) replaced by
     * U+FFFD; {@code ""} for {@code null}. Returns the same instance when nothing needs
     * replacing, so the common case allocates nothing.
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        int i = 0;
        while (i < n && legalAt(s, i)) {
            i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (legalAt(s, i)) {
                if (Character.isHighSurrogate(c)) {
                    b.append(c).append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                b.append(c);
            } else {
                b.append(REPLACEMENT);
            }
            i++;
        }
        return b.toString();
    }

    private static boolean legalAt(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false; // a low surrogate reached on its own is unpaired
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }

    /**
     * {@link #clean(String) Cleaned} text cut to at most {@code max} characters, with a note of
     * how much was left out; a report of a flood stays readable and its size bounded.
     */
    public static String cap(String s, int max) {
        String c = clean(s);
        if (c.length() <= max) {
            return c;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(c.charAt(end - 1))) {
            end--; // never split a pair
        }
        return c.substring(0, end) + " \u2026 [" + (c.length() - end) + " more characters]";
    }
}
