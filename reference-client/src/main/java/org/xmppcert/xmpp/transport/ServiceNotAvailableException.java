package org.xmppcert.xmpp.transport;

/** The domain's SRV answer says it offers no XMPP client service (RFC 2782 "." target). */
public final class ServiceNotAvailableException extends Exception {
    public ServiceNotAvailableException(String message) {
        super(message);
    }
}
