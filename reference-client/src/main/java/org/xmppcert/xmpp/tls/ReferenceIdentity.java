package org.xmppcert.xmpp.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reference identity of an XMPP service: its domain in the ASCII form used for
 * comparison (RFC 6125 §6.2.1 and §6.4.2: IDNA ToASCII, then case-insensitive), or the IP
 * address when the domain is an IP literal.
 */
final class ReferenceIdentity {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final String given;
    private final String ascii;
    private final InetAddress ipAddress;
    private final String invalidReason;

    private ReferenceIdentity(String given, String ascii, InetAddress ipAddress, String invalidReason) {
        this.given = given;
        this.ascii = ascii;
        this.ipAddress = ipAddress;
        this.invalidReason = invalidReason;
    }

    static ReferenceIdentity of(String domain) {
        String trimmed = stripTrailingDot(domain.trim());
        Optional<InetAddress> ip = ipLiteral(trimmed);
        if (ip.isPresent()) {
            return new ReferenceIdentity(domain, trimmed, ip.get(), null);
        }
        Optional<String> ascii = toAscii(trimmed);
        if (ascii.isEmpty() || trimmed.isEmpty() || trimmed.contains("*")) {
            return new ReferenceIdentity(domain, trimmed, null,
                    "the reference domain '" + domain + "' is not a valid domain name");
        }
        return new ReferenceIdentity(domain, ascii.get(), null, null);
    }

    /**
     * IDNA2003 ToASCII (RFC 3490, {@link IDN}), then lower case. IDNA2003 is the version that
     * RFC 3920's nameprep and RFC 6120's era of deployments use; its output for an
     * all-ASCII name is the name itself.
     */
    static Optional<String> toAscii(String name) {
        try {
            return Optional.of(IDN.toASCII(stripTrailingDot(name)).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<InetAddress> ipLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Only literals reach InetAddress: a name would trigger a DNS lookup here.
        if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    String given() {
        return given;
    }

    /** The A-label form, lower case: what DNS-IDs, SRV-IDs and SNI are compared with. */
    String ascii() {
        return ascii;
    }

    boolean isIpAddress() {
        return ipAddress != null;
    }

    Optional<InetAddress> ipAddress() {
        return Optional.ofNullable(ipAddress);
    }

    Optional<String> invalidReason() {
        return Optional.ofNullable(invalidReason);
    }

    /** The SNI host name to send (RFC 6066 §3): never for an IP literal, whose SNI is forbidden. */
    Optional<String> serverNameIndication() {
        return ipAddress != null || invalidReason != null ? Optional.empty() : Optional.of(ascii);
    }
}
