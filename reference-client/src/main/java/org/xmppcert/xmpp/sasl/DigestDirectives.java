package org.xmppcert.xmpp.sasl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 2831's directive lists, {@code 1#( token "=" ( token | quoted-string ) )} with the
 * implied LWS and null elements of its §7.1, and the quoting of §7.2.
 *
 * <p>Works on octet strings: each char is one octet (ISO-8859-1 mapping), so the server's
 * values are echoed back and hashed exactly as received, whatever their charset.
 *
 * <p>Written by hand with {@link DigestMd5}, for the same reason; the grammar is HTTP's
 * (RFC 2831 §7), and nothing on the classpath parses it for SASL.
 */
final class DigestDirectives {

    /** A directive; the name lower-cased (directive names are case-insensitive), the value unquoted. */
    record Directive(String name, String value) {
    }

    private final String octets;
    private int at;

    private DigestDirectives(String octets) {
        this.octets = octets;
    }

    /**
     * @throws SaslException {@link SaslException.Reason#MALFORMED_CHALLENGE}; the detail gives
     *     an offset, never the text
     */
    static List<Directive> parse(String octets) throws SaslException {
        return new DigestDirectives(octets).directives();
    }

    /** {@code quoted-string} of RFC 2831 §7.2: backslash before {@code "} and {@code \}. */
    static String quote(String octets) {
        StringBuilder quoted = new StringBuilder(octets.length() + 2).append('"');
        for (int i = 0; i < octets.length(); i++) {
            char c = octets.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    private List<Directive> directives() throws SaslException {
        List<Directive> directives = new ArrayList<>();
        while (true) {
            skipLws();
            if (at == octets.length()) {
                return directives;
            }
            if (octets.charAt(at) == ',') {
                at++; // a null element (RFC 2831 §7.1 #rule)
                continue;
            }
            String name = token();
            if (name.isEmpty()) {
                throw malformed("expected a directive name");
            }
            skipLws();
            if (at == octets.length() || octets.charAt(at) != '=') {
                throw malformed("expected '=' after a directive name");
            }
            at++;
            skipLws();
            boolean quoted = at < octets.length() && octets.charAt(at) == '"';
            String value = quoted ? quotedString() : token();
            if (value.isEmpty() && !quoted) {
                throw malformed("expected a token or a quoted-string value");
            }
            directives.add(new Directive(name.toLowerCase(Locale.ROOT), value));
            skipLws();
            if (at < octets.length() && octets.charAt(at) != ',') {
                throw malformed("expected ',' between directives");
            }
        }
    }

    private String token() {
        int start = at;
        while (at < octets.length() && isTokenChar(octets.charAt(at))) {
            at++;
        }
        return octets.substring(start, at);
    }

    private String quotedString() throws SaslException {
        int start = at++;
        StringBuilder value = new StringBuilder();
        while (at < octets.length()) {
            char c = octets.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (at == octets.length()) {
                    break;
                }
                c = octets.charAt(at++);
            }
            value.append(c);
        }
        at = start;
        throw malformed("unterminated quoted-string");
    }

    private void skipLws() {
        while (at < octets.length()) {
            char c = octets.charAt(at);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            at++;
        }
    }

    // RFC 2831 §7.2: token = 1*<any CHAR except CTLs or separators>
    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private SaslException malformed(String what) {
        return new SaslException(SaslException.Reason.MALFORMED_CHALLENGE,
                what + " at offset " + at + " (RFC 2831 §7)");
    }
}
