package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.OtherName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a server certificate identifies a given XMPP domain: RFC 6120 §13.7.2.1,
 * which applies the rules of RFC 6125 with XmppAddr as an extra reference identifier type.
 *
 * <p>For a domain {@code example.com} the reference identifiers are the DNS-ID
 * {@code example.com}, the SRV-ID {@code _xmpp-client.example.com} (a client needs only
 * that service type, RFC 6120 §13.7.1.2.1) and the XmppAddr {@code example.com}. The
 * comparison follows RFC 6125 §6.4:
 * <ul>
 *   <li>domains are compared in their A-label form (IDNA ToASCII) without regard to case
 *       (§6.4.1, §6.4.2);</li>
 *   <li>a wildcard {@code *} counts only as the complete left-most label of a DNS-ID or
 *       CN-ID, and stands for exactly one label (§6.4.3; RFC 6120 §13.7.1.2.1 allows no
 *       other form); it must be followed by at least two labels, so {@code *.com} matches
 *       nothing. SRV-IDs and XmppAddrs never contain wildcards;</li>
 *   <li>the subject CN is consulted only when the certificate has no DNS-ID, SRV-ID or
 *       XmppAddr at all (§6.4.4);</li>
 *   <li>a domain that is an IP literal matches only an iPAddress subjectAltName.</li>
 * </ul>
 *
 * <p>This is a pure function of the certificate and the domain: no trust decision, no
 * clock, no network.
 */
public final class XmppIdentityVerifier {

    /** The SRV service a client looks for, RFC 6120 §13.7.1.2.1 ("_xmpp-client"). */
    public static final String CLIENT_SRV_SERVICE = "_xmpp-client";

    private static final Logger LOG = LoggerFactory.getLogger(XmppIdentityVerifier.class);

    // GeneralName tags, RFC 5280 §4.2.1.6, as numbered by X509Certificate.getSubjectAlternativeNames().
    private static final int OTHER_NAME = 0;
    private static final int RFC822_NAME = 1;
    private static final int DNS_NAME = 2;
    private static final int URI = 6;
    private static final int IP_ADDRESS = 7;

    private XmppIdentityVerifier() {
    }

    /**
     * Checks {@code certificate} against {@code domain}.
     *
     * @param certificate the end-entity certificate the server presented
     * @param domain the domain the client put in the 'to' of its stream header, in
     *     Unicode or A-label form
     */
    public static IdentityVerification verify(X509Certificate certificate, String domain) {
        List<PresentedIdentifier> presented = presentedIdentifiers(certificate);
        ReferenceIdentity reference = ReferenceIdentity.of(domain);
        if (reference.invalidReason().isPresent()) {
            return new IdentityVerification(domain, presented, Optional.empty(), reference.invalidReason().get());
        }
        if (presented.isEmpty()) {
            return new IdentityVerification(domain, presented, Optional.empty(),
                    "the certificate presents no identifiers");
        }
        return reference.isIpAddress() ? matchIp(reference, presented) : matchDomain(reference, presented);
    }

    /**
     * Every identifier in the certificate, subjectAltNames in certificate order then the
     * subject CNs: what a report shows as "the SANs found".
     */
    public static List<PresentedIdentifier> presentedIdentifiers(X509Certificate certificate) {
        List<PresentedIdentifier> identifiers = new ArrayList<>();
        Collection<List<?>> subjectAltNames;
        try {
            subjectAltNames = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            LOG.debug("unparsable subjectAltName in {}: {}", certificate.getSubjectX500Principal(), e.getMessage());
            subjectAltNames = null;
        }
        if (subjectAltNames != null) {
            for (List<?> entry : subjectAltNames) {
                identifiers.add(toPresented((Integer) entry.get(0), entry.get(1)));
            }
        }
        for (String commonName : commonNames(certificate)) {
            identifiers.add(new PresentedIdentifier(IdentifierType.CN_ID, commonName));
        }
        return identifiers;
    }

    private static IdentityVerification matchDomain(ReferenceIdentity reference, List<PresentedIdentifier> presented) {
        String domain = reference.given();
        String ascii = reference.ascii();
        List<String> notes = new ArrayList<>();
        boolean hasSanIdentifiers = false;
        for (PresentedIdentifier candidate : presented) {
            boolean matches = switch (candidate.type()) {
                case DNS_ID -> matchesDnsName(candidate.value(), ascii, notes);
                case SRV_ID -> matchesSrvName(candidate.value(), ascii);
                case XMPP_ADDR -> matchesXmppAddr(candidate.value(), ascii);
                default -> false;
            };
            if (matches) {
                return new IdentityVerification(domain, presented, Optional.of(candidate),
                        candidate + " matches " + describeReference(ascii));
            }
            hasSanIdentifiers |= candidate.type() == IdentifierType.DNS_ID
                    || candidate.type() == IdentifierType.SRV_ID
                    || candidate.type() == IdentifierType.XMPP_ADDR;
        }
        if (!hasSanIdentifiers) {
            for (PresentedIdentifier candidate : presented) {
                if (candidate.type() == IdentifierType.CN_ID && matchesDnsName(candidate.value(), ascii, notes)) {
                    return new IdentityVerification(domain, presented, Optional.of(candidate),
                            candidate + " matches " + ascii
                                    + " (CN fallback: the certificate has no DNS-ID, SRV-ID or XmppAddr)");
                }
            }
        } else if (presented.stream().anyMatch(p -> p.type() == IdentifierType.CN_ID)) {
            notes.add("CN-ID not considered because subjectAltName identifiers are present (RFC 6125 §6.4.4)");
        }
        StringBuilder explanation = new StringBuilder("none of the presented identifiers ")
                .append(presented).append(" matches ").append(describeReference(ascii));
        for (String note : notes) {
            explanation.append("; ").append(note);
        }
        return new IdentityVerification(domain, presented, Optional.empty(), explanation.toString());
    }

    private static IdentityVerification matchIp(ReferenceIdentity reference, List<PresentedIdentifier> presented) {
        InetAddress wanted = reference.ipAddress().orElseThrow();
        for (PresentedIdentifier candidate : presented) {
            if (candidate.type() == IdentifierType.IP_ADDRESS
                    && ReferenceIdentity.ipLiteral(candidate.value()).filter(wanted::equals).isPresent()) {
                return new IdentityVerification(reference.given(), presented, Optional.of(candidate),
                        candidate + " matches the IP address " + wanted.getHostAddress());
            }
        }
        return new IdentityVerification(reference.given(), presented, Optional.empty(),
                "the reference is the IP address " + wanted.getHostAddress()
                        + ", which only an iPAddress subjectAltName can match; presented: " + presented);
    }

    private static String describeReference(String ascii) {
        return "DNS-ID " + ascii + ", SRV-ID " + CLIENT_SRV_SERVICE + "." + ascii + " or XmppAddr " + ascii;
    }

    /** RFC 6125 §6.4.1–§6.4.3 for a DNS-ID or CN-ID; {@code notes} collects why wildcards were refused. */
    private static boolean matchesDnsName(String presentedName, String referenceAscii, List<String> notes) {
        // ToASCII without the STD3 rules leaves '*' alone, so wildcards survive the conversion.
        Optional<String> normalized = ReferenceIdentity.toAscii(presentedName);
        if (normalized.isEmpty()) {
            return false;
        }
        String name = normalized.get();
        if (!name.contains("*")) {
            return name.equals(referenceAscii);
        }
        String[] presentedLabels = name.split("\\.", -1);
        String[] referenceLabels = referenceAscii.split("\\.", -1);
        if (!presentedLabels[0].equals("*") || name.indexOf('*') != name.lastIndexOf('*')) {
            notes.add("wildcard in '" + presentedName + "' is not the complete left-most label");
            return false;
        }
        if (presentedLabels.length < 3) {
            notes.add("wildcard '" + presentedName + "' would cover a top-level domain");
            return false;
        }
        if (presentedLabels.length != referenceLabels.length || referenceLabels[0].isEmpty()) {
            return false; // '*' stands for exactly one label
        }
        for (int i = 1; i < presentedLabels.length; i++) {
            if (!presentedLabels[i].equals(referenceLabels[i])) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4985 §2 / RFC 6125 §6.5.1: service and name compared separately, no wildcard. */
    private static boolean matchesSrvName(String srvName, String referenceAscii) {
        int dot = srvName.indexOf('.');
        if (dot < 0 || srvName.contains("*")) {
            return false;
        }
        String service = srvName.substring(0, dot);
        return service.equalsIgnoreCase(CLIENT_SRV_SERVICE)
                && ReferenceIdentity.toAscii(srvName.substring(dot + 1)).filter(referenceAscii::equals).isPresent();
    }

    /** RFC 6120 §13.7.1.4: a server's XmppAddr is a bare domain JID; a user's JID is not the service. */
    private static boolean matchesXmppAddr(String jid, String referenceAscii) {
        if (jid.contains("@") || jid.contains("/") || jid.contains("*")) {
            return false;
        }
        return ReferenceIdentity.toAscii(jid).filter(referenceAscii::equals).isPresent();
    }

    private static PresentedIdentifier toPresented(int tag, Object value) {
        return switch (tag) {
            case DNS_NAME -> new PresentedIdentifier(IdentifierType.DNS_ID, String.valueOf(value));
            case IP_ADDRESS -> new PresentedIdentifier(IdentifierType.IP_ADDRESS, String.valueOf(value));
            case URI -> new PresentedIdentifier(IdentifierType.OTHER, "URI:" + value);
            case RFC822_NAME -> new PresentedIdentifier(IdentifierType.OTHER, "email:" + value);
            case OTHER_NAME -> otherName((byte[]) value);
            default -> new PresentedIdentifier(IdentifierType.OTHER, "GeneralName[" + tag + "]");
        };
    }

    /**
     * JDK 17 returns an otherName as an untagged OtherName SEQUENCE whose value is wrapped in
     * {@code [0]} twice (its encoder re-tags the already tagged value), while the certificate
     * itself is encoded correctly. Both the nesting and a {@code [0]}-tagged GeneralName (as
     * another provider might return) are therefore accepted.
     */
    private static PresentedIdentifier otherName(byte[] der) {
        OtherName otherName;
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (primitive instanceof ASN1TaggedObject tagged) {
                otherName = OtherName.getInstance(ASN1Sequence.getInstance(tagged, false));
            } else {
                otherName = OtherName.getInstance(primitive);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return new PresentedIdentifier(IdentifierType.OTHER, "otherName (unparsable)");
        }
        String oid = otherName.getTypeID().getId();
        ASN1Encodable value = unwrapExplicit(otherName.getValue());
        if (oid.equals(SelfSignedCertificates.ID_ON_XMPP_ADDR) && value instanceof ASN1UTF8String utf8) {
            return new PresentedIdentifier(IdentifierType.XMPP_ADDR, utf8.getString());
        }
        if (oid.equals(SelfSignedCertificates.ID_ON_DNS_SRV) && value instanceof ASN1IA5String ia5) {
            return new PresentedIdentifier(IdentifierType.SRV_ID, ia5.getString());
        }
        // Wrong string type for a known OID, or an OID we do not use: shown, never matched.
        String text = value instanceof ASN1String string ? string.getString() : value.toString();
        return new PresentedIdentifier(IdentifierType.OTHER, "otherName:" + oid + ";" + text);
    }

    private static ASN1Encodable unwrapExplicit(ASN1Encodable value) {
        ASN1Encodable current = value;
        while (current instanceof ASN1TaggedObject tagged) {
            current = tagged.getBaseObject();
        }
        return current;
    }

    private static List<String> commonNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(BCStyle.CN) && attribute.getValue() instanceof ASN1String string) {
                    names.add(string.getString());
                }
            }
        }
        return names;
    }
}
