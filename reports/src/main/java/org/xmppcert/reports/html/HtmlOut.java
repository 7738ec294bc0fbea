package org.xmppcert.reports.html;

import java.io.IOException;
import java.io.Writer;
import org.xmppcert.reports.ReportText;

/**
 * A writer of HTML in which every piece of data goes through one escaping path. Markup is
 * written with {@link #raw}, which only ever receives literals of this package; everything that
 * came from the report (server text, names, messages) goes through {@link #text}, which escapes
 * the five characters that matter in both text and quoted attribute values
 * ({@code & < > " '}), so hostile transcript text such as {@code </script><img onerror=…>}
 * is shown, never interpreted.
 */
final class HtmlOut {
    private final Writer out;

    HtmlOut(Writer out) {
        this.out = out;
    }

    /** Markup, written as is: literals only. */
    HtmlOut raw(String markup) throws IOException {
        out.write(markup);
        return this;
    }

    /** Data, cleaned and escaped (safe in element content and in quoted attribute values). */
    HtmlOut text(String data) throws IOException {
        escape(ReportText.clean(data), out);
        return this;
    }

    /** A number. */
    HtmlOut num(long n) throws IOException {
        out.write(Long.toString(n));
        return this;
    }

    /** {@code name="value"} with a leading space, the value escaped. */
    HtmlOut attr(String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        text(value);
        out.write('"');
        return this;
    }

    /** The escaped form of {@code s}, for tests and small strings. */
    static String escape(String s) {
        java.io.StringWriter w = new java.io.StringWriter(s.length() + 16);
        try {
            escape(s, w);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    private static void escape(String s, Writer w) throws IOException {
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            String rep = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (i > start) {
                    w.write(s, start, i - start);
                }
                w.write(rep);
                start = i + 1;
            }
        }
        if (start < n) {
            w.write(s, start, n - start);
        }
    }
}
