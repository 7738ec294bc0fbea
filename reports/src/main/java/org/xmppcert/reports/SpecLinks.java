package org.xmppcert.reports;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a requirement's specification section can be read: RFCs on rfc-editor.org (section
 * anchors as the RFC Editor's HTML renders them, {@code #section-9.2.3}, {@code #appendix-A.1}),
 * XEPs on xmpp.org (whose section anchors are not derived from the numbers, so the page only).
 * The reports only print these addresses; nothing is ever fetched.
 */
public final class SpecLinks {
    private static final Pattern RFC = Pattern.compile("(?i)^\\s*RFC\\s*-?\\s*(\\d{1,5})\\s*$");
    private static final Pattern XEP = Pattern.compile("(?i)^\\s*XEP\\s*-?\\s*(\\d{1,4})\\s*$");
    private static final Pattern SECTION = Pattern.compile("^\\s*(?:\u00a7\\s*)?([0-9]+(?:\\.[0-9]+)*|[A-Z](?:\\.[0-9]+)*)\\b");

    private SpecLinks() {
    }

    /**
     * The address of {@code section} of {@code spec} (e.g. {@code "RFC 3920"}, {@code "9.2.3"}
     * gives {@code https://www.rfc-editor.org/rfc/rfc3920#section-9.2.3}), or {@code null} when
     * the specification is not one we know how to address.
     */
    public static String url(String spec, String section) {
        if (spec == null) {
            return null;
        }
        Matcher rfc = RFC.matcher(spec);
        if (rfc.matches()) {
            String base = "https://www.rfc-editor.org/rfc/rfc" + Integer.parseInt(rfc.group(1));
            return base + fragment(section);
        }
        Matcher xep = XEP.matcher(spec);
        if (xep.matches()) {
            return String.format(Locale.ROOT, "https://xmpp.org/extensions/xep-%04d.html", Integer.parseInt(xep.group(1)));
        }
        return null;
    }

    private static String fragment(String section) {
        if (section == null) {
            return "";
        }
        Matcher m = SECTION.matcher(section);
        if (!m.find()) {
            return "";
        }
        String s = m.group(1);
        return Character.isDigit(s.charAt(0)) ? "#section-" + s : "#appendix-" + s;
    }
}
