package org.xmppcert.xmpp.compress;

/**
 * The two XML namespaces of XEP-0138. They differ by one path segment, and mixing them up is
 * the classic bug: the feature lives in {@code features/}, everything exchanged afterwards in
 * {@code protocol/}.
 */
public final class CompressNamespaces {

    /**
     * Namespace of the {@code <compression/>} stream feature that lists the offered
     * {@code <method/>}s (XEP-0138 §2 Example 1; registered per §9.1).
     */
    public static final String FEATURE = "http://jabber.org/features/compress";

    /**
     * Namespace of {@code <compress/>}, {@code <compressed/>} and {@code <failure/>}
     * (XEP-0138 §2 Examples 2 to 7; registered per §9.2).
     */
    public static final String PROTOCOL = "http://jabber.org/protocol/compress";

    private CompressNamespaces() {
    }
}
