package org.xmppcert.xmpp.stream;

/** Namespace names of the core protocols and of the extensions the reference client negotiates. */
public final class XmppNamespaces {
    private XmppNamespaces() {
    }

    /** The stream namespace (RFC 6120 §4.8.1). */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** The content namespace of client-to-server streams (RFC 6120 §4.8.3). */
    public static final String CLIENT = "jabber:client";
    /** The content namespace of server-to-server streams (RFC 6120 §4.8.3). */
    public static final String SERVER = "jabber:server";
    /** Stream error conditions (RFC 6120 §4.9.2). */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** Stanza error conditions (RFC 6120 §8.3.2). */
    public static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /** STARTTLS (RFC 6120 §5.4). */
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    /** SASL (RFC 6120 §6.4). */
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    /** Resource binding (RFC 6120 §7). */
    public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    /** Session establishment (RFC 3921 §3; kept as an optional feature by RFC 6121 Appendix E). */
    public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    /** The stream compression feature (XEP-0138 §2). */
    public static final String COMPRESS_FEATURE = "http://jabber.org/features/compress";
    /** The stream compression protocol (XEP-0138 §2). */
    public static final String COMPRESS_PROTOCOL = "http://jabber.org/protocol/compress";
    /** In-band registration offered as a stream feature (XEP-0077 §5). */
    public static final String REGISTER_FEATURE = "http://jabber.org/features/iq-register";
    /** Roster versioning offered as a stream feature (RFC 6121 §2.6.1). */
    public static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";
    /** Subscription pre-approval offered as a stream feature (RFC 6121 §3.4.1). */
    public static final String PRE_APPROVAL = "urn:xmpp:features:pre-approval";
}
