package org.xmppcert.xmpp.transcript;

/** Which way an entry went. */
public enum Direction {
    /** Received from the peer. */
    IN,
    /** Sent to the peer. */
    OUT,
    /** Something that happened locally: TLS established, connection lost, a stream restart. */
    EVENT
}
