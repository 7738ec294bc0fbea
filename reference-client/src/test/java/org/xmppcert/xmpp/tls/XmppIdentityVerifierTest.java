package org.xmppcert.xmpp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmppcert.xmpp.tls.SelfSignedCertificates.Builder;
import org.xmppcert.xmpp.tls.SelfSignedCertificates.KeyType;

/** RFC 6120 §13.7.2.1 with RFC 6125 §6.4, case by case. */
class XmppIdentityVerifierTest {

    /** A case: a certificate (CN plus whatever the lambda adds), the reference domain, the expected match. */
    static Stream<Arguments> cases() {
        return Stream.of(
                match("DNS-ID exact", "x", b -> b.dnsNames("example.com"), "example.com", IdentifierType.DNS_ID),
                match("DNS-ID differs only in case", "x", b -> b.dnsNames("Example.COM"), "eXample.com",
                        IdentifierType.DNS_ID),
                match("reference with a trailing dot", "x", b -> b.dnsNames("example.com"), "example.com.",
                        IdentifierType.DNS_ID),
                match("wildcard as the whole left-most label", "x", b -> b.dnsNames("*.example.com"),
                        "chat.example.com", IdentifierType.DNS_ID),
                none("wildcard does not match the parent domain", "x", b -> b.dnsNames("*.example.com"),
                        "example.com"),
                none("wildcard matches exactly one label", "x", b -> b.dnsNames("*.example.com"),
                        "a.b.example.com"),
                none("partial-label wildcard is refused", "x", b -> b.dnsNames("f*.example.com"),
                        "foo.example.com"),
                none("wildcard that is not left-most is refused", "x", b -> b.dnsNames("a.*.example.com"),
                        "a.b.example.com"),
                none("wildcard over a top-level domain is refused", "x", b -> b.dnsNames("*.com"), "example.com"),
                none("a DNS-ID that merely ends like the domain", "x", b -> b.dnsNames("notexample.com"),
                        "example.com"),
                none("a DNS-ID that merely starts like the domain", "x", b -> b.dnsNames("example.com.evil"),
                        "example.com"),
                match("IDN reference in Unicode, DNS-ID in A-labels", "x", b -> b.dnsNames("xn--bcher-kva.example"),
                        "bücher.example", IdentifierType.DNS_ID),
                match("IDN reference already in A-labels", "x", b -> b.dnsNames("xn--bcher-kva.example"),
                        "XN--BCHER-KVA.example", IdentifierType.DNS_ID),
                match("wildcard over an IDN label", "x", b -> b.dnsNames("*.xn--bcher-kva.example"),
                        "chat.bücher.example", IdentifierType.DNS_ID),
                match("SRV-ID for _xmpp-client", "x", b -> b.srvNames("_xmpp-client.example.com"), "example.com",
                        IdentifierType.SRV_ID),
                match("SRV-ID service compared without case", "x", b -> b.srvNames("_XMPP-Client.Example.com"),
                        "example.com", IdentifierType.SRV_ID),
                none("SRV-ID for _xmpp-server does not identify a client's server", "example.com",
                        b -> b.srvNames("_xmpp-server.example.com"), "example.com"),
                none("SRV-ID never takes a wildcard", "x", b -> b.srvNames("_xmpp-client.*.example.com"),
                        "chat.example.com"),
                match("XmppAddr with the domain", "x", b -> b.xmppAddrs("example.com"), "example.com",
                        IdentifierType.XMPP_ADDR),
                match("XmppAddr in Unicode, reference in A-labels", "x", b -> b.xmppAddrs("bücher.example"),
                        "xn--bcher-kva.example", IdentifierType.XMPP_ADDR),
                none("XmppAddr of a user is not the service", "x", b -> b.xmppAddrs("juliet@example.com"),
                        "example.com"),
                none("XmppAddr never takes a wildcard", "x", b -> b.xmppAddrs("*.example.com"), "chat.example.com"),
                match("CN fallback when there is no subjectAltName", "example.com", b -> b, "example.com",
                        IdentifierType.CN_ID),
                match("CN fallback with a wildcard CN", "*.example.com", b -> b, "chat.example.com",
                        IdentifierType.CN_ID),
                none("CN ignored when a DNS-ID is present", "example.com", b -> b.dnsNames("other.example"),
                        "example.com"),
                none("CN ignored when only an XmppAddr is present", "example.com",
                        b -> b.xmppAddrs("other.example"), "example.com"),
                match("an iPAddress SAN does not suppress the CN fallback", "example.com",
                        b -> b.ipAddresses("192.0.2.1"), "example.com", IdentifierType.CN_ID),
                none("an iPAddress SAN does not match a domain", "Test server", b -> b.ipAddresses("127.0.0.1"),
                        "example.com"),
                match("an IP-literal domain matches an iPAddress SAN", "x", b -> b.ipAddresses("127.0.0.1"),
                        "127.0.0.1", IdentifierType.IP_ADDRESS),
                match("an IPv6-literal domain matches an iPAddress SAN", "x", b -> b.ipAddresses("::1"),
                        "[::1]", IdentifierType.IP_ADDRESS),
                none("an IP-literal domain is not matched by a DNS-ID", "127.0.0.1", b -> b.dnsNames("127.0.0.1"),
                        "127.0.0.1"),
                none("no usable identifier: no SAN, the CN names an organisation", "Example Internet Services",
                        b -> b, "example.net"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void identity(String description, X509Certificate certificate, String domain, IdentifierType expected) {
        IdentityVerification verification = XmppIdentityVerifier.verify(certificate, domain);

        if (expected == null) {
            assertThat(verification.matched()).as(verification.explanation()).isFalse();
            assertThat(verification.explanation()).startsWith(
                    domain.contains(":") || domain.startsWith("127") ? "the reference is the IP" : "none of");
        } else {
            assertThat(verification.matched()).as(verification.explanation()).isTrue();
            assertThat(verification.matchedBy().orElseThrow().type()).isEqualTo(expected);
            assertThat(verification.explanation()).contains("matches");
        }
        assertThat(verification.referenceDomain()).isEqualTo(domain);
    }

    @Test
    void explanationNamesTheIgnoredCnAndTheRefusedWildcard() {
        X509Certificate certificate = certificate("example.com", b -> b.dnsNames("f*.example.com"));

        IdentityVerification verification = XmppIdentityVerifier.verify(certificate, "example.com");

        assertThat(verification.matched()).isFalse();
        assertThat(verification.presentedIdentifiers()).containsExactly(
                new PresentedIdentifier(IdentifierType.DNS_ID, "f*.example.com"),
                new PresentedIdentifier(IdentifierType.CN_ID, "example.com"));
        assertThat(verification.explanation())
                .contains("DNS-ID example.com, SRV-ID _xmpp-client.example.com or XmppAddr example.com")
                .contains("not the complete left-most label")
                .contains("RFC 6125 §6.4.4");
    }

    @Test
    void anInvalidReferenceDomainMatchesNothing() {
        X509Certificate certificate = certificate("x", b -> b.dnsNames("*.example.com"));

        IdentityVerification verification = XmppIdentityVerifier.verify(certificate, "*.example.com");

        assertThat(verification.matched()).isFalse();
        assertThat(verification.explanation()).contains("not a valid domain name");
    }

    @Test
    void unknownOtherNamesAndUrisAreListedButNeverMatch() {
        X509Certificate certificate = certificate("x", b -> b.ipAddresses("192.0.2.7").xmppAddrs("user@example.com"));

        assertThat(XmppIdentityVerifier.presentedIdentifiers(certificate)).containsExactly(
                new PresentedIdentifier(IdentifierType.IP_ADDRESS, "192.0.2.7"),
                new PresentedIdentifier(IdentifierType.XMPP_ADDR, "user@example.com"),
                new PresentedIdentifier(IdentifierType.CN_ID, "x"));
    }

    private static Arguments match(String description, String commonName, UnaryOperator<Builder> sans,
            String domain, IdentifierType expected) {
        return Arguments.of(description, certificate(commonName, sans), domain, expected);
    }

    private static Arguments none(String description, String commonName, UnaryOperator<Builder> sans, String domain) {
        return Arguments.of(description, certificate(commonName, sans), domain, null);
    }

    private static X509Certificate certificate(String commonName, UnaryOperator<Builder> sans) {
        return sans.apply(SelfSignedCertificates.forSubject(commonName).keyType(KeyType.EC_P256))
                .generate().certificate();
    }
}
