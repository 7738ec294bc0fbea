package org.xmppcert.xmpp.version;

import org.xmppcert.xmpp.xml.Element;

/**
 * What a XEP-0092 result says: {@code <name/>}, {@code <version/>} and the optional
 * {@code <os/>}. Parsed leniently: a missing element is {@code null}, so a report can say which
 * one a server left out.
 *
 * @param name the software's name, or {@code null} when missing
 * @param version its version, or {@code null} when missing
 * @param os the operating system, or {@code null} (optional)
 */
public record VersionInfo(String name, String version, String os) {

    /** The {@code <query/>} of a result carrying these values; a {@code null} value is left out. */
    public Element toQuery() {
        Element.Builder q = Element.builder("query", SoftwareVersion.NAMESPACE);
        add(q, "name", name);
        add(q, "version", version);
        add(q, "os", os);
        return q.build();
    }

    /** Reads the {@code <query/>} of a result. */
    public static VersionInfo parse(Element query) {
        return new VersionInfo(query.childText("name", SoftwareVersion.NAMESPACE),
                query.childText("version", SoftwareVersion.NAMESPACE), query.childText("os", SoftwareVersion.NAMESPACE));
    }

    /** Whether the two required elements are present. */
    public boolean complete() {
        return name != null && version != null;
    }

    /** e.g. {@code Prosody 0.12.3 (Linux)}, for a report. */
    public String describe() {
        String s = (name == null ? "(no name)" : name) + " " + (version == null ? "(no version)" : version);
        return os == null ? s : s + " (" + os + ")";
    }

    private static void add(Element.Builder q, String element, String value) {
        if (value != null) {
            q.childWithText(element, SoftwareVersion.NAMESPACE, value);
        }
    }
}
