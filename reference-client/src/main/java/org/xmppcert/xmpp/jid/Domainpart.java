package org.xmppcert.xmpp.jid;

import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.StringPrepParseException;
import java.util.Locale;
import java.util.StringJoiner;
import org.xbill.DNS.Address;

/**
 * Preparation of a domain identifier (RFC 3920 §3.2): an IP literal, or an
 * internationalized domain name whose labels pass Nameprep (RFC 3491) and IDNA ToASCII
 * (RFC 3490 §4.1).
 *
 * <p>Decisions the RFCs leave open:
 * <ul>
 *   <li>ToASCII runs with UseSTD3ASCIIRules: labels are letters, digits and hyphens (or
 *       U-labels). RFC 3490 §2 defines an internationalized label without that flag, but
 *       RFC 7622 §3.2.1 narrows domainparts to NR-LDH labels and U-labels, and a JID whose
 *       domain holds {@code @}, a space or {@code <} cannot be routed anyway.</li>
 *   <li>The prepared form holds U-labels: an A-label ({@code xn--…}) is decoded, as
 *       RFC 7622 §3.2.1 requires, so {@code xn--mller-kva.example} and
 *       {@code müller.example} are one domain (RFC 3490 §4 compares through ToASCII). A
 *       label with the ACE prefix that does not decode (RFC 3490 §4.2) is rejected.</li>
 *   <li>IPv6 addresses are accepted bracketed, as RFC 7622 §3.1 writes them, and bare, as
 *       the ABNF of RFC 3920 §3.1 does; they are kept as written but for the case of hex
 *       digits, so {@code [::1]} and {@code [0::1]} stay different JIDs. Zone identifiers
 *       are not accepted. IPv4 dotted quads need no special case: they are valid LDH
 *       names.</li>
 * </ul>
 */
final class Domainpart {

    /** The label separators of RFC 3490 §3.1 step 1. */
    private static final String DOTS = ".\u3002\uFF0E\uFF61";

    /** ToASCII and ToUnicode flags: unassigned code points refused, STD3 rules applied. */
    @SuppressWarnings("deprecation")
    private static final int IDNA_FLAGS = IDNA.USE_STD3_RULES;

    private Domainpart() {
    }

    /**
     * A prepared domain.
     *
     * @param unicode the form used in JIDs, compared octet for octet
     * @param ascii the form for DNS: A-labels, or the IP literal
     */
    record Prepared(String unicode, String ascii) {
    }

    static Prepared prepare(String domain) {
        if (domain.startsWith("[")) {
            return ipv6Literal(domain);
        }
        if (domain.indexOf(':') >= 0 && isIpv6(domain)) {
            String lower = domain.toLowerCase(Locale.ROOT);
            return new Prepared(lower, lower);
        }
        return name(domain, stripFinalDot(domain));
    }

    private static Prepared ipv6Literal(String domain) {
        if (domain.length() < 2 || !domain.endsWith("]") || !isIpv6(domain.substring(1, domain.length() - 1))) {
            throw new InvalidJidException(JidPart.DOMAIN, "domainpart " + Quoting.quote(domain)
                    + " starts with '[' but is not an IPv6 address in brackets (IP-literal, RFC 7622 §3.1)");
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        return new Prepared(lower, lower);
    }

    private static boolean isIpv6(String s) {
        return Address.toByteArray(s, Address.IPv6) != null;
    }

    /** RFC 7622 §3.2: a final dot is stripped before any other canonicalisation. */
    private static String stripFinalDot(String domain) {
        if (!domain.isEmpty() && DOTS.indexOf(domain.charAt(domain.length() - 1)) >= 0) {
            return domain.substring(0, domain.length() - 1);
        }
        return domain;
    }

    private static Prepared name(String original, String name) {
        if (name.isEmpty()) {
            throw new InvalidJidException(JidPart.DOMAIN, "domainpart " + Quoting.quote(original)
                    + " is empty; the domainpart is required (RFC 3920 §3.2, RFC 7622 §3.2)");
        }
        StringJoiner unicode = new StringJoiner(".");
        StringJoiner ascii = new StringJoiner(".");
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || DOTS.indexOf(name.charAt(i)) >= 0) {
                String label = Stringprep.nameprep(name.substring(start, i));
                if (label.isEmpty()) {
                    throw new InvalidJidException(JidPart.DOMAIN, "domainpart " + Quoting.quote(original)
                            + " has an empty label; labels are 1 to 63 octets (RFC 3490 §4.1 step 8)");
                }
                String asciiLabel = toAscii(label);
                unicode.add(toUnicode(asciiLabel));
                ascii.add(asciiLabel);
                start = i + 1;
            }
        }
        return new Prepared(unicode.toString(), ascii.toString());
    }

    @SuppressWarnings("deprecation") // IDNA2003 is what RFC 3920 cites; UTS #46 is a different standard
    private static String toAscii(String label) {
        try {
            return IDNA.convertToASCII(label, IDNA_FLAGS).toString();
        } catch (StringPrepParseException e) {
            throw new InvalidJidException(JidPart.DOMAIN,
                    "domain label " + Quoting.quote(label) + ": " + toAsciiReason(e), e);
        }
    }

    private static String toAsciiReason(StringPrepParseException e) {
        switch (e.getError()) {
            case StringPrepParseException.STD3_ASCII_RULES_ERROR:
                return "only ASCII letters, digits and hyphens, and no hyphen first or last, are allowed"
                        + " (ToASCII with UseSTD3ASCIIRules, RFC 3490 §4.1 step 3)";
            case StringPrepParseException.LABEL_TOO_LONG_ERROR:
                return "longer than 63 octets in its ASCII form (RFC 3490 §4.1 step 8)";
            case StringPrepParseException.ACE_PREFIX_ERROR:
                return "starts with the ACE prefix \"xn--\" but is not all ASCII (RFC 3490 §4.1 step 5)";
            default:
                return "ToASCII failed (RFC 3490 §4.1): " + e.getMessage();
        }
    }

    /**
     * The U-label of a prepared label. ToUnicode never fails (RFC 3490 §4.2): when the
     * ACE prefix is present but the rest does not decode and re-encode to the same label,
     * it hands back its input, which is how a false A-label shows.
     */
    @SuppressWarnings("deprecation")
    private static String toUnicode(String asciiLabel) {
        if (!asciiLabel.startsWith("xn--")) {
            return asciiLabel;
        }
        String decoded;
        try {
            decoded = IDNA.convertToUnicode(asciiLabel, IDNA_FLAGS).toString();
        } catch (StringPrepParseException e) {
            decoded = asciiLabel;
        }
        if (decoded.equals(asciiLabel)) {
            throw new InvalidJidException(JidPart.DOMAIN, "domain label " + Quoting.quote(asciiLabel)
                    + " has the ACE prefix \"xn--\" but is not a valid A-label (RFC 3490 §4.2)");
        }
        return decoded;
    }
}
