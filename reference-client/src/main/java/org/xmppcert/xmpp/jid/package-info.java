/**
 * JIDs: RFC 3920 §3 (revised by RFC 6120 §2.1, which defers the address format to
 * RFC 7622), and XEP-0106 JID Escaping.
 *
 * <p>{@link org.xmppcert.xmpp.jid.Jid} parses, prepares and compares addresses with the
 * stringprep profiles that XMPP Basic Client 2008 (XEP-0211) requires: Nodeprep
 * (RFC 3920 Appendix A) for the localpart, Nameprep (RFC 3491) with IDNA ToASCII
 * (RFC 3490) for the domainpart, Resourceprep (RFC 3920 Appendix B) for the resourcepart.
 * The profiles and IDNA come from ICU4J, the IPv6 address syntax from dnsjava; only the
 * split of a JID into its parts and XEP-0106 escaping
 * ({@link org.xmppcert.xmpp.jid.JidEscaping}) are written here, because no library does
 * them.
 *
 * <p>Where RFC 7622 (PRECIS) gives a different answer than RFC 3920 stringprep, this
 * package follows RFC 3920, the specification XEP-0211 requires: {@code fußball} and
 * {@code fussball} are the same localpart, U+2163 ROMAN NUMERAL FOUR is mapped to
 * {@code iv} rather than rejected, and a resourcepart may start with a space. RFC 7622 is
 * followed where RFC 3920 is silent or has been clarified: the split order (§3.2), the
 * stripping of a final dot in the domainpart (§3.2) and bracketed IPv6 literals (§3.1).
 */
package org.xmppcert.xmpp.jid;
