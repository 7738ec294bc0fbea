package org.xmppcert.xmpp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Rcode;

/**
 * {@link SrvResolver} against an in-process DNS server ({@link FakeDnsServer}): RFC 6120 §3.2.1
 * (SRV, "." target), §3.2.2 (fallback to the domain on 5222), A and AAAA lookups through the same
 * server, and no DNS at all for loopback names and IP literals. The dnsmasq-backed counterpart is
 * {@code it/SrvResolutionIT}.
 */
class SrvResolverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private FakeDnsServer dns;
    private SrvResolver resolver;

    @BeforeEach
    void start() throws Exception {
        dns = new FakeDnsServer();
        resolver = SrvResolver.using(dns.address(), TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        dns.close();
    }

    @Test
    void targetsAreOrderedByPriorityWhateverOrderTheServerAnswersIn() throws Exception {
        // Descending: no rotation of it is in priority order (dnsjava's Lookup hands the records
        // of an answer over rotated, "cycled", so an order that some rotation sorts would let a
        // resolver that does not sort pass).
        dns.srv("example.test", 30, 0, 5224, "c.example.test")
                .srv("example.test", 20, 0, 5223, "b.example.test")
                .srv("example.test", 10, 0, 5222, "a.example.test");
        for (int i = 0; i < 6; i++) {
            TargetResolution r = resolver.resolve("example.test");
            assertThat(r.usedSrv()).isTrue();
            assertThat(r.targets()).extracting(ConnectTarget::host, ConnectTarget::port).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a.example.test", 5222),
                    org.assertj.core.groups.Tuple.tuple("b.example.test", 5223),
                    org.assertj.core.groups.Tuple.tuple("c.example.test", 5224));
            assertThat(r.targets().get(0).origin()).contains("_xmpp-client._tcp.example.test")
                    .contains("priority 10");
            assertThat(r.explanation()).contains("3 SRV record(s)");
        }
        assertThat(dns.questions()).allMatch(q -> q.equals("_xmpp-client._tcp.example.test SRV"));
    }

    @Test
    void aSingleDotTargetMeansTheServiceIsNotAvailable() {
        dns.srv("example.test", 0, 0, 0, ".").a("example.test", "127.0.0.1");
        assertThatThrownBy(() -> resolver.resolve("example.test"))
                .isInstanceOf(ServiceNotAvailableException.class)
                .hasMessageContaining("_xmpp-client._tcp.example.test")
                .hasMessageContaining("decidedly not available");
        assertThat(dns.questions()).as("no fallback to the domain's address")
                .containsExactly("_xmpp-client._tcp.example.test SRV");
    }

    @Test
    void severalDotTargetsAndNothingElseAlsoMeanNoService() {
        // Not the single record RFC 6120 §3.2.1 item 3 names, but the same statement twice: a
        // response was received and offers no target, so no fallback either (item 8).
        dns.srv("example.test", 0, 0, 0, ".").srv("example.test", 10, 0, 0, ".").a("example.test", "127.0.0.1");
        assertThatThrownBy(() -> resolver.resolve("example.test")).isInstanceOf(ServiceNotAvailableException.class);
        assertThat(dns.questions()).containsExactly("_xmpp-client._tcp.example.test SRV");
    }

    @Test
    void aDotTargetAmongOthersIsSkipped() throws Exception {
        dns.srv("example.test", 0, 0, 0, ".").srv("example.test", 10, 0, 5222, "xmpp.example.test");
        TargetResolution r = resolver.resolve("example.test");
        assertThat(r.targets()).extracting(ConnectTarget::host).containsExactly("xmpp.example.test");
    }

    @Test
    void withoutSrvRecordTheDomainIsUsedOnPort5222() throws Exception {
        dns.a("example.test", "127.0.0.1"); // the name exists, no SRV: NOERROR without answers
        TargetResolution r = resolver.resolve("example.test");
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.targets()).singleElement().satisfies(t -> {
            assertThat(t.host()).isEqualTo("example.test");
            assertThat(t.port()).isEqualTo(5222);
            assertThat(t.origin()).contains("RFC 6120 §3.2.2");
        });
        assertThat(r.explanation()).isEqualTo("no SRV record for _xmpp-client._tcp.example.test");
    }

    @Test
    void anUnknownDomainAlsoFallsBackAndThenHasNoAddress() throws Exception {
        TargetResolution r = resolver.resolve("nowhere.test"); // NXDOMAIN
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.targets()).extracting(ConnectTarget::toString).containsExactly("nowhere.test:5222");
        assertThatThrownBy(() -> resolver.addresses(r.targets().get(0)))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("no A or AAAA record for nowhere.test");
    }

    @Test
    void aTrailingDotIsTheSameDomain() throws Exception {
        dns.srv("example.test", 10, 0, 5222, "xmpp.example.test");
        assertThat(resolver.resolve("example.test.").targets()).extracting(ConnectTarget::host)
                .containsExactly("xmpp.example.test");
    }

    @Test
    void addressesComeFromAAndAaaaRecordsOfTheSameServer() throws Exception {
        dns.a("dual.test", "127.0.0.1").aaaa("dual.test", "::1").aaaa("v6.test", "::1").a("v4.test", "127.0.0.2");
        assertThat(resolver.addresses(new ConnectTarget("dual.test", 5299, "test")))
                .as("IPv4 first, then IPv6, each with the target's port")
                .containsExactly(new InetSocketAddress("127.0.0.1", 5299), new InetSocketAddress("::1", 5299));
        assertThat(resolver.addresses(new ConnectTarget("v6.test", 5222, "test")))
                .containsExactly(new InetSocketAddress("::1", 5222));
        assertThat(resolver.addresses(new ConnectTarget("v4.test", 5222, "test")))
                .containsExactly(new InetSocketAddress("127.0.0.2", 5222));
        assertThat(dns.questions()).contains("dual.test A", "dual.test AAAA", "v6.test A", "v6.test AAAA");
    }

    @Test
    void addressesCarryTheTargetNameWithoutTheRootDot() throws Exception {
        // What a report shows as where the session went: "xmpp.example.test/127.0.0.1:5222".
        dns.a("xmpp.example.test", "127.0.0.1").aaaa("xmpp.example.test", "::1");
        assertThat(resolver.addresses(new ConnectTarget("xmpp.example.test.", 5222, "test")))
                .extracting(InetSocketAddress::getHostString).containsExactly("xmpp.example.test", "xmpp.example.test");
    }

    @Test
    void aSrvQueryWithoutAnswerFallsBackAndSaysSoRatherThanNoRecord() throws Exception {
        dns.silent("_xmpp-client._tcp.example.test").a("example.test", "127.0.0.1");
        SrvResolver impatient = SrvResolver.using(dns.address(), Duration.ofMillis(300));
        TargetResolution r = impatient.resolve("example.test");
        // RFC 6120 §3.2.1 item 9: no response to the SRV query, so the fallback of §3.2.2.
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.targets()).extracting(ConnectTarget::toString).containsExactly("example.test:5222");
        // dnsjava 3.6 calls a UDP timeout "network error" (older versions said "timed out").
        assertThat(r.explanation()).matches(
                "no answer to the SRV query for _xmpp-client\\._tcp\\.example\\.test \\((timed out|network error)\\)");
        assertThat(impatient.addresses(r.targets().get(0)))
                .containsExactly(new InetSocketAddress("127.0.0.1", 5222));
    }

    @Test
    void aServerFailureIsNamedInTheExplanation() throws Exception {
        dns.rcode("_xmpp-client._tcp.example.test", Rcode.SERVFAIL);
        TargetResolution r = resolver.resolve("example.test");
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.explanation())
                .isEqualTo("no answer to the SRV query for _xmpp-client._tcp.example.test (SERVFAIL)");
    }

    @Test
    void anAddressLookupWithoutAnswerIsNotReportedAsAMissingRecord() {
        dns.silent("xmpp.example.test");
        SrvResolver impatient = SrvResolver.using(dns.address(), Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.addresses(new ConnectTarget("xmpp.example.test", 5222, "test")))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageMatching("no answer to the A and AAAA queries for xmpp\\.example\\.test "
                        + "\\(A: (timed out|network error), AAAA: (timed out|network error)\\)");
    }

    @Test
    void anAddressLookupThatIsRefusedSaysSo() {
        dns.rcode("xmpp.example.test", Rcode.REFUSED);
        assertThatThrownBy(() -> resolver.addresses(new ConnectTarget("xmpp.example.test", 5222, "test")))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageStartingWith("no answer to the A and AAAA queries for xmpp.example.test (A: ")
                .hasMessageContaining("REFUSED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "anon.localhost", "localhost.", "127.0.0.1", "::1", "[::1]"})
    void loopbackNamesAndLiteralsAreNeverSentToDns(String domain) throws Exception {
        // Were it asked, the server would point elsewhere.
        dns.srv("localhost", 10, 0, 5299, "elsewhere.test").srv("anon.localhost", 10, 0, 5299, "elsewhere.test")
                .a("localhost", "127.0.0.9");
        TargetResolution r = resolver.resolve(domain);
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.targets()).singleElement().satisfies(t -> assertThat(t.port()).isEqualTo(5222));
        List<InetSocketAddress> addresses = resolver.addresses(r.targets().get(0));
        assertThat(addresses).isNotEmpty().allMatch(a -> a.getAddress().isLoopbackAddress() && a.getPort() == 5222);
        assertThat(dns.questions()).isEmpty();
    }
}
