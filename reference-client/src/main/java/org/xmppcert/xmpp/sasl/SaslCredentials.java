package org.xmppcert.xmpp.sasl;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client authenticates with: the authentication identity (the JID localpart, RFC 6120
 * §6.3.7 / RFC 3920 §6.1 rule 6) and password, an optional authorization identity (a bare JID
 * in client-to-server streams, RFC 6120 §6.3.8), the server's domain (DIGEST-MD5's digest-uri
 * {@code xmpp/<domain>}, RFC 6120 §6.6 service name), and an optional {@link ChannelBinding}
 * from the TLS layer.
 *
 * <p>Immutable; the password is copied in and handed out as copies. {@link #toString()} never
 * shows the password or the channel-binding data.
 */
public final class SaslCredentials {

    private final String domain;
    private final String authcid;
    private final char[] password;
    private final String authzid;
    private final ChannelBinding channelBinding;

    private SaslCredentials(String domain, String authcid, char[] password, String authzid,
            ChannelBinding channelBinding) {
        this.domain = domain;
        this.authcid = authcid;
        this.password = password;
        this.authzid = authzid;
        this.channelBinding = channelBinding;
    }

    /**
     * Password credentials.
     *
     * @param domain the server's domain (the JID domainpart)
     * @param authcid the authentication identity, normally the JID localpart
     * @param password copied; the caller may wipe its array afterwards
     */
    public static SaslCredentials of(String domain, String authcid, char[] password) {
        requireNonEmpty(domain, "domain");
        requireNonEmpty(authcid, "authcid");
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("password is empty");
        }
        return new SaslCredentials(domain, authcid, password.clone(), null, null);
    }

    /** No password: for EXTERNAL (a client certificate) or ANONYMOUS. */
    public static SaslCredentials withoutPassword(String domain) {
        requireNonEmpty(domain, "domain");
        return new SaslCredentials(domain, null, null, null, null);
    }

    /**
     * The same credentials with an authorization identity. An empty string means none, as
     * RFC 6120 §6.6 says it is equivalent to an absent one.
     */
    public SaslCredentials withAuthzid(String authzid) {
        Objects.requireNonNull(authzid, "authzid");
        return new SaslCredentials(domain, authcid, password, authzid.isEmpty() ? null : authzid, channelBinding);
    }

    /** The same credentials with the channel binding of the current TLS connection. */
    public SaslCredentials withChannelBinding(ChannelBinding channelBinding) {
        Objects.requireNonNull(channelBinding, "channelBinding");
        return new SaslCredentials(domain, authcid, password, authzid, channelBinding);
    }

    public String domain() {
        return domain;
    }

    public Optional<String> authcid() {
        return Optional.ofNullable(authcid);
    }

    public boolean hasPassword() {
        return password != null;
    }

    /**
     * A copy of the password; the caller should wipe it after use.
     *
     * @throws IllegalStateException when these credentials have no password
     */
    public char[] password() {
        if (password == null) {
            throw new IllegalStateException("these credentials have no password");
        }
        return password.clone();
    }

    public Optional<String> authzid() {
        return Optional.ofNullable(authzid);
    }

    public Optional<ChannelBinding> channelBinding() {
        return Optional.ofNullable(channelBinding);
    }

    /** The authcid, or an exception naming the mechanism that needs it. */
    String requireAuthcid(String mechanism) {
        if (authcid == null) {
            throw new IllegalArgumentException(mechanism + " needs an authentication identity and a password");
        }
        return authcid;
    }

    @Override
    public String toString() {
        return "SaslCredentials[authcid=" + authcid + ", domain=" + domain
                + ", password=" + (password == null ? "none" : "(redacted)")
                + ", authzid=" + authzid
                + ", channelBinding=" + (channelBinding == null ? "none" : channelBinding) + "]";
    }

    private static void requireNonEmpty(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }
}
