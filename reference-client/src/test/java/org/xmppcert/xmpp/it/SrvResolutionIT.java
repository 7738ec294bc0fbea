package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.transport.ConnectTarget;
import org.xmppcert.xmpp.transport.ServiceNotAvailableException;
import org.xmppcert.xmpp.transport.SrvResolver;
import org.xmppcert.xmpp.transport.TargetResolution;

/**
 * {@link SrvResolver} against the private dnsmasq of {@code ci/dnsmasq/start.sh}: RFC 6120 §3.2
 * (RFC 3920 §14.3) with a real DNS server on the wire. Every name and record used here is the
 * zone described in the script's header.
 */
class SrvResolutionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static CiDns dns;
    private static SrvResolver resolver;

    @BeforeAll
    static void load() {
        dns = CiDns.load();
        resolver = dns.resolver(TIMEOUT);
    }

    @Test
    void srvTargetsInPriorityOrder() throws Exception {
        // dnsmasq answers with the priority-20 record first, and dnsjava's Lookup may rotate the
        // answer: asked six times, a resolver that does not sort gets caught.
        for (int i = 0; i < 6; i++) {
            TargetResolution r = resolver.resolve(dns.srvDomain());
            assertThat(r.usedSrv()).isTrue();
            assertThat(r.targets()).extracting(ConnectTarget::host, ConnectTarget::port).containsExactly(
                    tuple(dns.srvPrimary(), dns.xmppPort()), tuple(dns.srvBackup(), dns.xmppPort()));
            assertThat(r.targets()).extracting(ConnectTarget::origin).containsExactly(
                    "SRV _xmpp-client._tcp." + dns.srvDomain() + " (priority 10, weight 0)",
                    "SRV _xmpp-client._tcp." + dns.srvDomain() + " (priority 20, weight 0)");
            assertThat(r.explanation()).isEqualTo("2 SRV record(s) for _xmpp-client._tcp." + dns.srvDomain());
        }
    }

    @Test
    void theSrvTargetHasAnAddressAndTheDomainItselfHasNone() throws Exception {
        assertThat(resolver.addresses(resolver.resolve(dns.srvDomain()).targets().get(0)))
                .containsExactly(new InetSocketAddress(dns.xmppHost(), dns.xmppPort()));
        // What makes a connection through srv.test a proof that the SRV target was used.
        assertThatThrownBy(() -> resolver.addresses(new ConnectTarget(dns.srvDomain(), SrvResolver.CLIENT_PORT, "test")))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("no A or AAAA record for " + dns.srvDomain());
    }

    @Test
    void aDotTargetIsServiceNotAvailable() {
        assertThatThrownBy(() -> resolver.resolve(dns.noServiceDomain()))
                .isInstanceOf(ServiceNotAvailableException.class)
                .hasMessageStartingWith("_xmpp-client._tcp." + dns.noServiceDomain() + " has the target \".\"");
    }

    @Test
    void theDeadTargetComesFirstThenTheLiveOne() throws Exception {
        for (int i = 0; i < 6; i++) {
            TargetResolution r = resolver.resolve(dns.fallthroughDomain());
            assertThat(r.targets()).extracting(ConnectTarget::host, ConnectTarget::port).containsExactly(
                    tuple(dns.fallthroughDead(), dns.closedPort()), tuple(dns.fallthroughLive(), dns.xmppPort()));
        }
    }

    @Test
    void withoutSrvTheDomainOnPort5222() throws Exception {
        TargetResolution r = resolver.resolve(dns.fallbackDomain());
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.explanation()).isEqualTo("no SRV record for _xmpp-client._tcp." + dns.fallbackDomain());
        assertThat(r.targets()).singleElement().satisfies(t -> {
            assertThat(t.host()).isEqualTo(dns.fallbackDomain());
            assertThat(t.port()).isEqualTo(5222);
            assertThat(t.origin()).isEqualTo("fallback to the domain (RFC 6120 §3.2.2)");
        });
        assertThat(resolver.addresses(r.targets().get(0)))
                .containsExactly(new InetSocketAddress(dns.xmppHost(), 5222));
    }

    @Test
    void aAndAaaaThroughTheSameServer() throws Exception {
        assertThat(resolver.addresses(new ConnectTarget(dns.dualHost(), 5222, "test")))
                .containsExactly(new InetSocketAddress("127.0.0.1", 5222), new InetSocketAddress("::1", 5222));
        assertThat(resolver.addresses(new ConnectTarget(dns.v6Host(), 5222, "test")))
                .containsExactly(new InetSocketAddress("::1", 5222));
    }

    @Test
    void anUnknownDomainFallsBackAndHasNoAddress() throws Exception {
        TargetResolution r = resolver.resolve(dns.missingDomain());
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.explanation()).isEqualTo("no SRV record for _xmpp-client._tcp." + dns.missingDomain());
        assertThatThrownBy(() -> resolver.addresses(r.targets().get(0)))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("no A or AAAA record for " + dns.missingDomain());
    }

    @Test
    void theServerForwardsNothing() throws Exception {
        // A name outside the test zone is refused, not looked up elsewhere; the resolver says
        // it got no answer instead of claiming there is no record.
        TargetResolution r = resolver.resolve("example.com");
        assertThat(r.usedSrv()).isFalse();
        assertThat(r.explanation()).isEqualTo("no answer to the SRV query for _xmpp-client._tcp.example.com (REFUSED)");
    }
}
