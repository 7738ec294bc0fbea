package org.xmppcert.xmpp.it;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.xmppcert.xmpp.transport.SrvResolver;

/**
 * The private DNS server of {@code ci/dnsmasq/start.sh} and the names of its test zone, read
 * from the {@code env} file the script leaves under {@code ${xmppcert.ci.dir}/dnsmasq}. A missing
 * file fails the test with the command to run, as {@link CiServer} does. The zone itself is
 * described in the header of the script.
 *
 * @param host the DNS server's address (127.0.0.1)
 * @param port the DNS server's port
 * @param xmppHost the address every working SRV target has (the CI Prosody's)
 * @param xmppPort the port of the working SRV targets (the CI Prosody's c2s port)
 * @param closedPort the port of the dead target, on which nothing listens
 * @param srvDomain SRV priority 10 {@code srvPrimary}, priority 20 {@code srvBackup}; no address
 * @param srvPrimary the priority-10 target of {@code srvDomain}
 * @param srvBackup the priority-20 target of {@code srvDomain}
 * @param noServiceDomain a single SRV record with the target "."; an A record
 * @param fallthroughDomain SRV priority 10 {@code fallthroughDead}:closedPort, 20
 *        {@code fallthroughLive}:xmppPort; no address
 * @param fallthroughDead the target that refuses connections
 * @param fallthroughLive the target that works
 * @param fallbackDomain no SRV record, an A record
 * @param dualHost A 127.0.0.1 and AAAA ::1
 * @param v6Host AAAA ::1 only
 * @param missingDomain no record at all (NXDOMAIN)
 */
public record CiDns(String host, int port, String xmppHost, int xmppPort, int closedPort, String srvDomain,
        String srvPrimary, String srvBackup, String noServiceDomain, String fallthroughDomain,
        String fallthroughDead, String fallthroughLive, String fallbackDomain, String dualHost, String v6Host,
        String missingDomain) {

    public static CiDns load() {
        Path env = Path.of(System.getProperty("xmppcert.ci.dir", "/tmp/xmppcert-ci"), "dnsmasq", "env");
        if (!Files.isReadable(env)) {
            throw new IllegalStateException("no DNS server for the SRV integration tests: " + env
                    + " is missing. Start it with: sudo ci/dnsmasq/start.sh");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(env, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + env, e);
        }
        return new CiDns(get(p, env, "DNS_HOST"), Integer.parseInt(get(p, env, "DNS_PORT")),
                get(p, env, "DNS_XMPP_HOST"), Integer.parseInt(get(p, env, "DNS_XMPP_PORT")),
                Integer.parseInt(get(p, env, "DNS_CLOSED_PORT")), get(p, env, "DNS_SRV_DOMAIN"),
                get(p, env, "DNS_SRV_PRIMARY"), get(p, env, "DNS_SRV_BACKUP"), get(p, env, "DNS_NO_SERVICE_DOMAIN"),
                get(p, env, "DNS_FALLTHROUGH_DOMAIN"), get(p, env, "DNS_FALLTHROUGH_DEAD"),
                get(p, env, "DNS_FALLTHROUGH_LIVE"), get(p, env, "DNS_FALLBACK_DOMAIN"), get(p, env, "DNS_DUAL_HOST"),
                get(p, env, "DNS_V6_HOST"), get(p, env, "DNS_MISSING_DOMAIN"));
    }

    private static String get(Properties p, Path env, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(env + " has no " + key + ": re-run ci/dnsmasq/start.sh");
        }
        return v.trim();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** A resolver that asks this server only. */
    public SrvResolver resolver(Duration timeout) {
        return SrvResolver.using(address(), timeout);
    }
}
