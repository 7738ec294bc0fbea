package org.xmppcert.xmpp.transport;

import java.util.List;

/**
 * The outcome of resolving an XMPP domain to connection targets.
 *
 * @param targets the targets in the order to try them
 * @param usedSrv whether they came from SRV records; RFC 6120 §3.2.1 item 8 says not to fall back
 *        to the domain when SRV targets fail
 * @param explanation how they were found, for the report
 */
public record TargetResolution(List<ConnectTarget> targets, boolean usedSrv, String explanation) {
    public TargetResolution {
        targets = List.copyOf(targets);
    }
}
