package org.xmppcert.xmpp.transport;

/**
 * One DNS SRV answer (RFC 2782).
 *
 * @param priority lower is tried first
 * @param weight relative share among records of the same priority
 * @param port the port of the service on the target
 * @param target the host, without a trailing dot; "." means the service is not available
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    /** RFC 2782: a target of "." means the service is decidedly not available at this domain. */
    public boolean isNoService() {
        return target.equals(".") || target.isEmpty();
    }
}
