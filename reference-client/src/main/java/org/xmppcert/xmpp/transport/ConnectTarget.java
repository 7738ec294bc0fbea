package org.xmppcert.xmpp.transport;

import java.util.Objects;

/**
 * A host and port to try, with where they came from (for the report).
 *
 * @param host a host name or IP literal
 * @param port the TCP port
 * @param origin how it was found, e.g. {@code configured}, {@code SRV _xmpp-client._tcp.example.com
 *        (priority 10, weight 5)} or {@code fallback to the domain (RFC 6120 §3.2.2)}
 */
public record ConnectTarget(String host, int port, String origin) {
    public ConnectTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(origin, "origin");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
