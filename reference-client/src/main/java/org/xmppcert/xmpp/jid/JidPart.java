package org.xmppcert.xmpp.jid;

/**
 * The part of a JID that a rule applies to (RFC 3920 §3.1: node, domain and resource
 * identifiers; RFC 7622 §3.1: localpart, domainpart, resourcepart).
 */
public enum JidPart {
    /** The node identifier before the {@code @} (RFC 3920 §3.3, RFC 7622 §3.3). */
    LOCAL,
    /** The domain identifier, the only required part (RFC 3920 §3.2, RFC 7622 §3.2). */
    DOMAIN,
    /** The resource identifier after the {@code /} (RFC 3920 §3.4, RFC 7622 §3.4). */
    RESOURCE,
    /** The JID as a whole, when no single part is to blame (for example, empty input). */
    WHOLE
}
