package org.xmppcert.xmpp.session;

import org.xmppcert.xmpp.XmppException;

/** No TCP connection could be made to any target of the domain (RFC 6120 §3.2). */
public final class ConnectFailedException extends XmppException {

    /** Why the last attempt failed. */
    public enum Reason {
        /** The target answered with a reset: nothing listens there. */
        REFUSED,
        /** The attempt did not complete within the connect timeout. */
        TIMEOUT,
        /** A name could not be resolved. */
        UNKNOWN_HOST,
        /** The domain's SRV record says it offers no client service. */
        SERVICE_NOT_AVAILABLE,
        /** Any other network error (unreachable network, …). */
        NETWORK
    }

    private final Reason reason;

    public ConnectFailedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
