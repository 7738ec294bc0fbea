package org.xmppcert.xmpp.tls;

/**
 * The kinds of identifier a certificate can present (RFC 6120 §13.7.1.2 and §13.7.2.1,
 * applying RFC 6125 §1.8). Only {@link #DNS_ID}, {@link #SRV_ID}, {@link #XMPP_ADDR} and,
 * as a last resort, {@link #CN_ID} can identify an XMPP service by its domain; the other
 * kinds are listed so that a report shows everything the certificate contained.
 */
public enum IdentifierType {
    /** A subjectAltName dNSName (RFC 5280 §4.2.1.6). */
    DNS_ID("DNS-ID"),
    /** A subjectAltName otherName SRVName, id-on-dnsSRV (RFC 4985), e.g. {@code _xmpp-client.example.com}. */
    SRV_ID("SRV-ID"),
    /** A subjectAltName otherName id-on-xmppAddr UTF8String (RFC 6120 §13.7.1.4). */
    XMPP_ADDR("XmppAddr"),
    /** A common name in the subject: considered only when no SAN of the kinds above exists (RFC 6125 §6.4.4). */
    CN_ID("CN-ID"),
    /** A subjectAltName iPAddress: matches only a reference domain that is an IP literal. */
    IP_ADDRESS("IP"),
    /** Any other subjectAltName (URI, rfc822Name, unknown otherName…): never matches a domain. */
    OTHER("other");

    private final String label;

    IdentifierType(String label) {
        this.label = label;
    }

    /** The name used in RFC 6125 and in reports, e.g. {@code DNS-ID}. */
    public String label() {
        return label;
    }
}
