package org.xmppcert.xmpp.session;

/** How the closing handshake of RFC 6120 §4.4 went. */
public enum CloseOutcome {
    /** We sent our closing tag and the peer answered with its own before closing TCP. */
    PEER_CLOSED_STREAM,
    /** The peer closed TCP without sending its closing stream tag. */
    PEER_CLOSED_CONNECTION_ONLY,
    /** The peer sent neither within the bound; we closed TCP. */
    TIMED_OUT,
    /** The session had already ended before close was called. */
    ALREADY_CLOSED,
    /** No stream had been opened in either direction, so there was nothing to close but TCP. */
    NO_STREAM
}
