package org.xmppcert.xmpp.caps;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code <c xmlns='http://jabber.org/protocol/caps'/>} element (XEP-0115 §4): what an
 * entity announces in its presence (§6.1) or a server in its stream features (§6.3).
 *
 * <p>Without {@code hash} it is the <b>legacy format</b> (§13, XEP-0115 v1.3): {@code ver} is
 * then an opaque application version and {@code ext} names feature bundles; nothing in it can be
 * verified against disco#info, so {@link #isLegacy()} values are never cached as verified.
 *
 * @param hash the hash function's IANA name, e.g. {@code sha-1}; {@code null} in the legacy format
 * @param node the URI of the software (§4 "REQUIRED", also in the legacy format)
 * @param ver the verification string (or, legacy, the version)
 * @param ext the deprecated space-separated extension names, or {@code null}
 */
public record Caps(String hash, String node, String ver, String ext) {

    /** The caps namespace, also the disco feature that says an entity supports caps (§7, §11.1). */
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";

    public Caps {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ver, "ver");
    }

    /** A current-format element without {@code ext}. */
    public static Caps of(String hash, String node, String ver) {
        return new Caps(Objects.requireNonNull(hash, "hash"), node, ver, null);
    }

    /**
     * Reads a {@code <c/>} element.
     *
     * @throws ProtocolViolationException if it is not one, or lacks {@code node} or {@code ver}
     *     (§4 table: REQUIRED; §13: {@code node} REQUIRED in the legacy format too)
     */
    public static Caps parse(Element c) throws ProtocolViolationException {
        if (!c.is("c", NAMESPACE)) {
            throw new ProtocolViolationException("not a caps element: <" + c.qualifiedName() + "/> in "
                    + c.namespace(), c);
        }
        String node = c.attribute("node");
        String ver = c.attribute("ver");
        if (node == null || ver == null) {
            throw new ProtocolViolationException("<c/> without " + (node == null ? "'node'" : "'ver'")
                    + ", which XEP-0115 §4 requires", c);
        }
        return new Caps(c.attribute("hash"), node, ver, c.attribute("ext"));
    }

    /**
     * The caps announced inside a presence or a {@code <stream:features/>} element, if any.
     *
     * @throws ProtocolViolationException if there is a {@code <c/>} that cannot be read
     */
    public static Optional<Caps> find(Element parent) throws ProtocolViolationException {
        Element c = parent.child("c", NAMESPACE);
        return c == null ? Optional.empty() : Optional.of(parse(c));
    }

    /** Whether this is the legacy format: no {@code hash} (§13 "by checking for the presence of the 'hash' attribute"). */
    public boolean isLegacy() {
        return hash == null;
    }

    /** The {@code ext} names, none when absent (legacy, §13). */
    public List<String> extensions() {
        return ext == null || ext.isBlank() ? List.of() : Arrays.asList(ext.trim().split("\\s+"));
    }

    /** The disco node to query for this {@code ver}: {@code node#ver} (§6.2). */
    public String discoNode() {
        return node + "#" + ver;
    }

    /** The element as XML. */
    public Element toElement() {
        Element.Builder b = Element.builder("c", NAMESPACE);
        if (hash != null) {
            b.attribute("hash", hash);
        }
        b.attribute("node", node).attribute("ver", ver);
        if (ext != null) {
            b.attribute("ext", ext);
        }
        return b.build();
    }
}
