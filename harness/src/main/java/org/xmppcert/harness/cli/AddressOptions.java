package org.xmppcert.harness.cli;

import picocli.CommandLine.Option;

/**
 * The picocli mixin of {@code --host} and {@code --port}: where to connect when not where DNS
 * says (RFC 6120 §3.2). Shared by every command that connects to a server.
 */
final class AddressOptions {

    @Option(names = "--host", paramLabel = "HOST",
            description = "Connect to this host instead of resolving _xmpp-client._tcp.<domain> (RFC 6120 §3.2).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 5222, or the SRV record's).")
    private Integer port;

    /** The host to connect to, or {@code null} to resolve the domain's SRV records. */
    String host() {
        return host;
    }

    /** The TCP port, or {@code null} for the default or the SRV record's. */
    Integer port() {
        return port;
    }
}
