package org.xmppcert.xmpp.negotiation;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.sasl.MechanismSelector;
import org.xmppcert.xmpp.session.SessionOptions;
import org.xmppcert.xmpp.tls.TlsClientConfig;
import org.xmppcert.xmpp.tls.TlsCredentials;
import org.xmppcert.xmpp.tls.TrustPolicy;

/**
 * Everything needed to open a negotiated session for one account: who, where, how to trust
 * the server, which mechanisms and features to use. Immutable; the password is copied in and
 * out and never shown by {@link #toString()}.
 */
public final class ConnectionConfig {

    private final Jid jid;
    private final char[] password;
    private final String host;
    private final int port;
    private final InetSocketAddress dnsServer;
    private final TlsMode tlsMode;
    private final TlsClientConfig tls;
    private final List<String> saslMechanisms;
    private final MechanismSelector.PlainPolicy plainPolicy;
    private final boolean compression;
    private final String resource;
    private final boolean establishOptionalSession;
    private final SessionOptions sessionOptions;

    private ConnectionConfig(Builder b) {
        this.jid = b.jid;
        this.password = b.password == null ? null : b.password.clone();
        this.host = b.host;
        this.port = b.port;
        this.dnsServer = b.dnsServer;
        this.tlsMode = b.tlsMode;
        this.tls = b.tls != null ? b.tls : TlsClientConfig.of(TrustPolicy.jvmDefault(b.jid.domain()));
        this.saslMechanisms = List.copyOf(b.saslMechanisms);
        this.plainPolicy = b.plainPolicy;
        this.compression = b.compression;
        this.resource = b.resource;
        this.establishOptionalSession = b.establishOptionalSession;
        this.sessionOptions = b.sessionOptions;
    }

    /**
     * Starts a configuration for an account. A JID without a localpart (just the domain) means
     * anonymous login (SASL ANONYMOUS, RFC 6120 §6.3.8 / RFC 4505).
     */
    public static Builder builder(Jid jid) {
        return new Builder(jid);
    }

    /** The account's JID; its resource, if any, is the one requested at binding. */
    public Jid jid() {
        return jid;
    }

    /** The XMPP domain: the JID's domainpart. */
    public String domain() {
        return jid.domain();
    }

    /** A copy of the password, or empty for anonymous or EXTERNAL login. */
    public Optional<char[]> password() {
        return Optional.ofNullable(password == null ? null : password.clone());
    }

    /** The host to connect to instead of resolving the domain (RFC 6120 §3.2.3), if configured. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The port, 0 for the default (5222, or what SRV says). */
    public int port() {
        return port;
    }

    /** A DNS server to ask for SRV records instead of the system's, if configured. */
    public Optional<InetSocketAddress> dnsServer() {
        return Optional.ofNullable(dnsServer);
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    /** Trust, protocol versions and the client certificate for STARTTLS. */
    public TlsClientConfig tls() {
        return tls;
    }

    /** Mechanisms in the caller's order of preference; empty for the default order. */
    public List<String> saslMechanisms() {
        return saslMechanisms;
    }

    /** When SASL PLAIN may be used (RFC 6120 §13.8.3). */
    public MechanismSelector.PlainPolicy plainPolicy() {
        return plainPolicy;
    }

    /** Whether to negotiate XEP-0138 compression when offered. */
    public boolean compression() {
        return compression;
    }

    /** The resource to request at binding, or empty for a server-generated one. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** Whether to establish a session even when the server marks it optional. */
    public boolean establishOptionalSession() {
        return establishOptionalSession;
    }

    public SessionOptions sessionOptions() {
        return sessionOptions;
    }

    @Override
    public String toString() {
        return "ConnectionConfig[" + jid + (host == null ? "" : " via " + host + ":" + port) + ", tls " + tlsMode
                + ", password " + (password == null ? "none" : "set") + "]";
    }

    /** Builds a {@link ConnectionConfig}. */
    public static final class Builder {
        private final Jid jid;
        private char[] password;
        private String host;
        private int port;
        private InetSocketAddress dnsServer;
        private TlsMode tlsMode = TlsMode.REQUIRED;
        private TlsClientConfig tls;
        private List<String> saslMechanisms = List.of();
        private MechanismSelector.PlainPolicy plainPolicy = MechanismSelector.PlainPolicy.VERIFIED_TLS_ONLY;
        private boolean compression = true;
        private String resource;
        private boolean establishOptionalSession;
        private SessionOptions sessionOptions = SessionOptions.defaults();

        private Builder(Jid jid) {
            this.jid = Objects.requireNonNull(jid, "jid");
            this.resource = jid.resource().orElse(null);
        }

        /** The password; the array is copied, the caller may wipe its own. */
        public Builder password(char[] password) {
            this.password = password == null ? null : password.clone();
            return this;
        }

        /** Connects to this host (and port) instead of resolving the domain. */
        public Builder host(String host, int port) {
            this.host = host;
            return port(port);
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder dnsServer(InetSocketAddress dnsServer) {
            this.dnsServer = dnsServer;
            return this;
        }

        public Builder tlsMode(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode);
            return this;
        }

        public Builder tls(TlsClientConfig tls) {
            this.tls = Objects.requireNonNull(tls);
            return this;
        }

        /** Trusts per this policy, with the default TLS versions. */
        public Builder trust(TrustPolicy policy) {
            return tls(TlsClientConfig.of(policy));
        }

        /** Presents this certificate in TLS (for SASL EXTERNAL, XEP-0178). */
        public Builder clientCertificate(TlsCredentials credentials) {
            TlsClientConfig base = tls != null ? tls : TlsClientConfig.of(TrustPolicy.jvmDefault(jid.domain()));
            this.tls = base.withClientCertificate(credentials);
            return this;
        }

        /** Mechanisms in order of preference, overriding the default order. */
        public Builder saslMechanisms(List<String> mechanisms) {
            this.saslMechanisms = List.copyOf(mechanisms);
            return this;
        }

        /** Mechanisms in order of preference, overriding the default order. */
        public Builder saslMechanisms(String... mechanisms) {
            return saslMechanisms(Arrays.asList(mechanisms));
        }

        public Builder plainPolicy(MechanismSelector.PlainPolicy policy) {
            this.plainPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /** The resource to request; {@code null} lets the server generate one (RFC 6120 §7.6). */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder establishOptionalSession(boolean establish) {
            this.establishOptionalSession = establish;
            return this;
        }

        public Builder sessionOptions(SessionOptions options) {
            this.sessionOptions = Objects.requireNonNull(options);
            return this;
        }

        public ConnectionConfig build() {
            return new ConnectionConfig(this);
        }
    }
}
