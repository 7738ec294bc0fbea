package org.xmppcert.xmpp.xml;

/**
 * Bounds on what a peer may make the parser hold, so that a hostile peer cannot exhaust memory
 * (RFC 6120 §13.12 "Denial of Service", XEP-0205). A peer that exceeds them gets a
 * {@code <policy-violation/>} stream error (RFC 6120 §4.9.3.14).
 *
 * @param maxStanzaBytes the largest first-level element (stanza, features, …) in bytes of UTF-8
 *        on the wire; RFC 6120 §13.12 asks servers to accept at least 10000 bytes. Also bounds
 *        the stream header and whitespace runs between elements.
 * @param maxDepth the deepest nesting, counting the stream root as depth 1
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth) {

    /** 1 MiB stanzas, 100 levels: far above what any Basic Client 2008 exchange needs. */
    public static final XmlLimits DEFAULT = new XmlLimits(1024 * 1024, 100);

    public XmlLimits {
        if (maxStanzaBytes < 10_000) {
            throw new IllegalArgumentException("maxStanzaBytes must be at least 10000 (RFC 6120 §13.12), was "
                    + maxStanzaBytes);
        }
        if (maxDepth < 3) {
            throw new IllegalArgumentException("maxDepth must be at least 3 (stream, stanza, child), was " + maxDepth);
        }
    }
}
