package org.xmppcert.xmpp.session;

import org.xmppcert.xmpp.XmppException;

/**
 * The stream or the connection ended while something was still expected: the peer closed its
 * stream, closed TCP, or the transport failed.
 */
public final class ConnectionLostException extends XmppException {
    private final boolean peerClosedStream;

    public ConnectionLostException(String message, boolean peerClosedStream, Throwable cause) {
        super(message, cause);
        this.peerClosedStream = peerClosedStream;
    }

    /** Whether the peer sent its closing stream tag (RFC 6120 §4.4) before the end. */
    public boolean peerClosedStream() {
        return peerClosedStream;
    }
}
