package org.xmppcert.xmpp.negotiation;

/** Whether the client negotiates STARTTLS (RFC 6120 §5). */
public enum TlsMode {
    /** Negotiate TLS; a server that does not offer STARTTLS is refused. The default. */
    REQUIRED,
    /** Negotiate TLS when offered; go on without it otherwise. */
    OPTIONAL,
    /** Never negotiate TLS, even when offered: to see how a server enforces it. */
    DISABLED
}
