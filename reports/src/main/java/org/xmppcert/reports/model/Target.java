package org.xmppcert.reports.model;

/**
 * What was certified.
 *
 * @param mode {@code server} or {@code client}
 * @param domain the XMPP domain
 * @param host the host connected to (server mode) or listened on (client mode), or {@code null}
 * @param port the port, 0 when resolved by SRV
 * @param software what the target says it is, or {@code null} when it would not say
 */
public record Target(String mode, String domain, String host, int port, Software software) {
}
