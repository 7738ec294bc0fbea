package org.xmppcert.xmpp.session;

import java.time.Duration;
import org.xmppcert.xmpp.XmppException;

/** What was awaited did not arrive within its bound. The stream itself may still be usable. */
public final class ResponseTimeoutException extends XmppException {
    private final String awaited;
    private final Duration timeout;

    public ResponseTimeoutException(String awaited, Duration timeout) {
        super("no " + awaited + " within " + timeout.toMillis() + " ms");
        this.awaited = awaited;
        this.timeout = timeout;
    }

    /** A description of what was awaited. */
    public String awaited() {
        return awaited;
    }

    public Duration timeout() {
        return timeout;
    }
}
