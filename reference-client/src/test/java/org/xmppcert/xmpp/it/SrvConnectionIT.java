package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.CloseOutcome;
import org.xmppcert.xmpp.session.ConnectFailedException;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.session.StreamErrorException;
import org.xmppcert.xmpp.session.XmppClient;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.tls.TrustPolicy;
import org.xmppcert.xmpp.transcript.Transcript;
import org.xmppcert.xmpp.transport.SrvResolver;
import org.xmppcert.xmpp.transport.TargetResolution;

/**
 * Connections through DNS (RFC 6120 §3.2, RFC 3920 §14.3): the private dnsmasq of
 * {@code ci/dnsmasq/start.sh} points the test zone at the CI Prosody of
 * {@code ci/prosody/start.sh}.
 *
 * <p>Prosody serves only {@code localhost} (and {@code anon.localhost}), which the resolver by
 * design never looks up in DNS (RFC 6761 §6.3). So a stream through SRV goes to a domain of the
 * test zone that Prosody does not serve, and Prosody's answer, the stream error
 * {@code <host-unknown/>}, is the typed outcome that proves the stream reached it through the
 * record. TLS is never reached that way: the certificate side (it must match the XMPP domain,
 * not the host connected to, RFC 6120 §13.7.2.1) is covered with a configured host resolved
 * through the same DNS server.
 */
class SrvConnectionIT {
    private static CiDns dns;
    private static CiServer prosody;
    private static XmppClient client;

    @BeforeAll
    static void start() {
        dns = CiDns.load();
        prosody = CiServer.prosody();
        client = new XmppClient();
        // The zone's working targets must be the CI Prosody, or nothing below means anything.
        assertThat(new InetSocketAddress(dns.xmppHost(), dns.xmppPort()))
                .as("the SRV targets of ci/dnsmasq (DNSMASQ_XMPP_PORT) must be the CI Prosody of ci/prosody")
                .isEqualTo(new InetSocketAddress(prosody.host(), prosody.port()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    private static SessionOptions options(Transcript transcript) {
        return SessionOptions.builder().replyTimeout(Negotiation.TIMEOUT).connectTimeout(Negotiation.TIMEOUT)
                .transcriptListener(transcript).build();
    }

    /** An account at a domain of the zone, with no host: the negotiator must resolve the domain. */
    private static ConnectionConfig throughDns(String domain, Transcript transcript) throws Exception {
        return ConnectionConfig.builder(Jid.of(prosody.user(), domain, null))
                .password(prosody.password(prosody.user()).toCharArray())
                .dnsServer(dns.address())
                .trust(TrustPolicy.caFile(domain, prosody.caFile()))
                .sessionOptions(options(transcript))
                .build();
    }

    private static InetSocketAddress prosodyAddress() {
        return new InetSocketAddress(prosody.host(), prosody.port());
    }

    @Test
    void theNegotiatorReachesTheSrvTargetWithoutAConfiguredHost() throws Exception {
        Transcript transcript = new Transcript();
        ConnectionConfig config = throughDns(dns.srvDomain(), transcript);
        assertThat(config.host()).isEmpty();
        SessionNegotiator n = new SessionNegotiator(client, config);

        // srv.test has no address of its own: only its SRV record leads to Prosody, and Prosody
        // does not serve srv.test.
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(StreamErrorException.class,
                e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.HOST_UNKNOWN));
        assertThat(n.report().connectedTo()).hasValueSatisfying(c -> assertThat(c).endsWith("/" + prosody.host()
                + ":" + prosody.port() + " (2 SRV record(s) for _xmpp-client._tcp." + dns.srvDomain() + ")"));
        assertThat(transcript.render()).contains("to='" + dns.srvDomain() + "'").contains("<host-unknown");
    }

    @Test
    void theNegotiatorFallsBackToTheDomainOnPort5222WithoutSrvRecord() throws Exception {
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, throughDns(dns.fallbackDomain(), transcript));
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(StreamErrorException.class,
                e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.HOST_UNKNOWN));
        assertThat(n.report().connectedTo()).hasValueSatisfying(c -> assertThat(c).endsWith("/" + prosody.host()
                + ":5222 (no SRV record for _xmpp-client._tcp." + dns.fallbackDomain() + ")"));
    }

    @Test
    void theNegotiatorDoesNotConnectWhenTheTargetIsDot() throws Exception {
        // noservice.test has an A record pointing at Prosody: a fallback would reach it.
        Transcript transcript = new Transcript();
        SessionNegotiator n = new SessionNegotiator(client, throughDns(dns.noServiceDomain(), transcript));
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(ConnectFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(ConnectFailedException.Reason.SERVICE_NOT_AVAILABLE));
        assertThat(n.session()).isNull();
        assertThat(n.report().connectedTo()).isEmpty();
        assertThat(transcript.render()).doesNotContain("stream:stream");
    }

    @Test
    void theNegotiatorReportsAnUnknownHostForADomainWithoutAnyRecord() throws Exception {
        SessionNegotiator n = new SessionNegotiator(client, throughDns(dns.missingDomain(), new Transcript()));
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(ConnectFailedException.class, e -> {
            assertThat(e.reason()).isEqualTo(ConnectFailedException.Reason.UNKNOWN_HOST);
            assertThat(e.getMessage()).contains("no A or AAAA record for " + dns.missingDomain());
        });
        assertThat(n.session()).isNull();
    }

    @Test
    void theClientFallsThroughToTheNextSrvTargetWhenTheFirstRefuses() throws Exception {
        SrvResolver resolver = dns.resolver(Negotiation.TIMEOUT);
        TargetResolution targets = resolver.resolve(dns.fallthroughDomain());
        assertThat(targets.targets().get(0).host()).as("the dead target is tried first")
                .isEqualTo(dns.fallthroughDead());
        assertRefuses(new InetSocketAddress(dns.xmppHost(), dns.closedPort()));

        // The first target alone: refused (so the next assertion really is a fall-through).
        TargetResolution firstOnly = new TargetResolution(List.of(targets.targets().get(0)), true, "first only");
        assertThatThrownBy(() -> client.connect(dns.fallthroughDomain(), firstOnly, resolver,
                options(new Transcript()))).isInstanceOfSatisfying(ConnectFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectFailedException.Reason.REFUSED));

        // RFC 6120 §3.2.1 item 7: on to the next target, which is Prosody.
        Transcript transcript = new Transcript();
        XmppSession session = client.connect(dns.fallthroughDomain(), targets, resolver, options(transcript));
        try {
            assertThat(session.remoteAddress()).isEqualTo(prosodyAddress());
            // And it is an XMPP server that answers there (one that does not serve the domain).
            session.openStream(StreamHeader.initial(dns.fallthroughDomain(), null, null));
            session.awaitStreamHeader(Negotiation.TIMEOUT);
            assertThatThrownBy(() -> session.awaitFeatures(Negotiation.TIMEOUT))
                    .isInstanceOfSatisfying(StreamErrorException.class, e -> assertThat(e.error().condition())
                            .isEqualTo(StreamErrorCondition.HOST_UNKNOWN));
        } finally {
            session.close(Negotiation.TIMEOUT);
        }
    }

    @Test
    void theNegotiatorFallsThroughToo() throws Exception {
        SessionNegotiator n = new SessionNegotiator(client, throughDns(dns.fallthroughDomain(), new Transcript()));
        assertThatThrownBy(n::negotiate).isInstanceOfSatisfying(StreamErrorException.class,
                e -> assertThat(e.error().condition()).isEqualTo(StreamErrorCondition.HOST_UNKNOWN));
        assertThat(n.report().connectedTo()).hasValueSatisfying(c -> assertThat(c).endsWith("/" + prosody.host()
                + ":" + dns.xmppPort() + " (2 SRV record(s) for _xmpp-client._tcp." + dns.fallthroughDomain() + ")"));
    }

    /**
     * RFC 6120 §3.2.3 and §13.7.2.1: a configured host (here a name of the test zone, resolved
     * through the configured DNS server, not the system's) changes where the client connects,
     * not whom it expects: the certificate must match the XMPP domain ({@code localhost}), which
     * the name connected to ({@code xmpp1.srv.test}) is not. A client that checked the host
     * name would reject Prosody's certificate here.
     */
    @Test
    void aConfiguredHostIsResolvedThroughTheDnsServerAndTheCertificateMatchesTheXmppDomain() throws Exception {
        Transcript transcript = new Transcript();
        ConnectionConfig config = ConnectionConfig.builder(Jid.of(prosody.user(), prosody.domain(), null))
                .password(prosody.password(prosody.user()).toCharArray())
                .host(dns.srvPrimary(), dns.xmppPort())
                .dnsServer(dns.address())
                .trust(TrustPolicy.caFile(prosody.domain(), prosody.caFile()))
                .sessionOptions(options(transcript))
                .build();
        SessionNegotiator n = new SessionNegotiator(client, config);
        XmppSession session = n.negotiate();
        try {
            assertThat(session.remoteAddress()).isEqualTo(prosodyAddress());
            assertThat(n.report().connectedTo()).hasValueSatisfying(c -> assertThat(c).endsWith(" (configured host)"));
            assertThat(n.report().tls().orElseThrow().verdict().trusted()).isTrue();
            assertThat(n.report().jid().orElseThrow().domain()).isEqualTo(prosody.domain());
        } finally {
            assertThat(session.close(Negotiation.TIMEOUT)).isEqualTo(CloseOutcome.PEER_CLOSED_STREAM);
        }
    }

    private static void assertRefuses(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, (int) Negotiation.TIMEOUT.toMillis());
            fail("something listens on " + address + ", the port ci/dnsmasq uses as the refusing target; "
                    + "restart ci/dnsmasq/start.sh with another DNSMASQ_CLOSED_PORT");
        } catch (ConnectException expected) {
            // refused, as the zone says
        } catch (IOException e) {
            fail("connecting to " + address + " failed otherwise than refused: " + e);
        }
    }
}
