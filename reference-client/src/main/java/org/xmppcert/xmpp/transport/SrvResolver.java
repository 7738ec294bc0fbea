package org.xmppcert.xmpp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves an XMPP domain to connection targets as RFC 6120 §3.2 describes (RFC 3920 §14.3):
 * SRV records for {@code _xmpp-client._tcp.<domain>} ordered per RFC 2782, a single "." target
 * meaning the service is not offered, and when there is no SRV answer the domain itself on port
 * 5222 (§3.2.2). DNS is done by dnsjava so that a test (or a user) can name the DNS server.
 *
 * <p>{@code localhost}, names under {@code .localhost} and IP literals are never sent to DNS
 * (RFC 6761 §6.3): they resolve to the loopback addresses or to themselves.
 */
public final class SrvResolver {

    /** The IANA-registered port for client-to-server XMPP (RFC 6120 §14.7). */
    public static final int CLIENT_PORT = 5222;

    private final Resolver resolver;
    private final Random random;

    private SrvResolver(Resolver resolver, Random random) {
        this.resolver = resolver;
        this.random = random;
    }

    /** Uses the system's DNS configuration (/etc/resolv.conf). */
    public static SrvResolver system(Duration timeout) {
        ExtendedResolver r = new ExtendedResolver();
        r.setTimeout(timeout);
        return new SrvResolver(r, new Random());
    }

    /** Uses one given DNS server, e.g. a test server on 127.0.0.1. */
    public static SrvResolver using(InetSocketAddress dnsServer, Duration timeout) {
        SimpleResolver r = new SimpleResolver(dnsServer);
        r.setTimeout(timeout);
        return new SrvResolver(r, new Random());
    }

    /**
     * The targets for a domain.
     *
     * @throws ServiceNotAvailableException when the SRV answer is a single "." target
     */
    public TargetResolution resolve(String domain) throws ServiceNotAvailableException {
        String host = stripDot(domain);
        if (isLocalOrLiteral(host)) {
            return new TargetResolution(List.of(new ConnectTarget(host, CLIENT_PORT,
                    "the domain itself (loopback or IP literal: no DNS query, RFC 6761 §6.3)")), false,
                    host + " is not looked up in DNS");
        }
        String service = "_xmpp-client._tcp." + host;
        Answer answer = lookup(service, Type.SRV);
        List<SrvRecord> records = new ArrayList<>();
        for (Record r : answer.records()) {
            SRVRecord srv = (SRVRecord) r;
            records.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(),
                    stripDot(srv.getTarget().toString())));
        }
        // RFC 6120 §3.2.1 item 3 names the single "." record; several of them and nothing else
        // say the same, and falling back to the domain would contradict the answer (item 8).
        if (!records.isEmpty() && records.stream().allMatch(SrvRecord::isNoService)) {
            throw new ServiceNotAvailableException(service + " has the target \".\": the service is decidedly "
                    + "not available at this domain (RFC 2782, RFC 6120 §3.2.1)");
        }
        records.removeIf(SrvRecord::isNoService);
        if (records.isEmpty()) {
            // No record, or no answer at all (RFC 6120 §3.2.1 item 9): both fall back, but the
            // report must not call a timeout or a server failure "no SRV record".
            return new TargetResolution(List.of(new ConnectTarget(host, CLIENT_PORT,
                    "fallback to the domain (RFC 6120 §3.2.2)")), false, answer.failed()
                            ? "no answer to the SRV query for " + service + " (" + answer.error() + ")"
                            : "no SRV record for " + service);
        }
        List<ConnectTarget> targets = new ArrayList<>();
        for (SrvRecord r : SrvOrdering.order(records, random)) {
            targets.add(new ConnectTarget(r.target(), r.port(), String.format(
                    "SRV %s (priority %d, weight %d)", service, r.priority(), r.weight())));
        }
        return new TargetResolution(targets, true, records.size() + " SRV record(s) for " + service);
    }

    /** The IPv4 and IPv6 addresses of a target, literals and loopback names included. */
    public List<InetSocketAddress> addresses(ConnectTarget target) throws UnknownHostException {
        String host = stripDot(target.host());
        List<InetSocketAddress> out = new ArrayList<>();
        if (isIpLiteral(host)) {
            out.add(new InetSocketAddress(InetAddress.getByName(host), target.port()));
            return out;
        }
        if (isLoopbackName(host)) {
            out.add(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), target.port()));
            out.add(new InetSocketAddress(InetAddress.getByName("::1"), target.port()));
            return out;
        }
        List<String> failures = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Answer answer = lookup(host, type);
            if (answer.failed()) {
                failures.add(Type.string(type) + ": " + answer.error());
            }
            for (Record r : answer.records()) {
                InetAddress a = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                // dnsjava names the address after the record's owner, root dot included.
                out.add(new InetSocketAddress(InetAddress.getByAddress(host, a.getAddress()), target.port()));
            }
        }
        if (out.isEmpty()) {
            throw new UnknownHostException(failures.isEmpty() ? "no A or AAAA record for " + host
                    : "no answer to the A and AAAA queries for " + host + " (" + String.join(", ", failures) + ")");
        }
        return out;
    }

    /**
     * What one DNS question got.
     *
     * @param records the answers, empty when there are none
     * @param failed whether no usable response came (timeout, network error, SERVFAIL, REFUSED,
     *        an invalid name), as opposed to a response saying there is no such record
     * @param error dnsjava's description of the outcome
     */
    private record Answer(Record[] records, boolean failed, String error) {
    }

    private Answer lookup(String name, int type) {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name, Name.root), type, DClass.IN);
        } catch (TextParseException e) {
            return new Answer(new Record[0], true, "not a valid DNS name: " + e.getMessage());
        }
        lookup.setResolver(resolver);
        lookup.setCache(new Cache()); // each resolution sees the DNS as it is now
        lookup.setSearchPath((Name[]) null);
        lookup.setHostsFileParser(null);
        Record[] answers = lookup.run();
        int result = lookup.getResult();
        boolean failed = result == Lookup.TRY_AGAIN || result == Lookup.UNRECOVERABLE;
        return new Answer(answers == null ? new Record[0] : answers, failed, lookup.getErrorString());
    }

    private static String stripDot(String s) {
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isLocalOrLiteral(String host) {
        return isIpLiteral(host) || isLoopbackName(host);
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    static boolean isIpLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.indexOf(':') >= 0 && h.matches("[0-9a-fA-F:.]+"));
    }
}
