package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/**
 * EXTERNAL (RFC 4422 Appendix A; XEP-0178 §2): the client asks to be authenticated by
 * credentials established outside SASL, in XMPP a TLS client certificate.
 *
 * <p>The initial response is the UTF-8 authorization identity, or empty, which goes on the
 * wire as {@code =} (XEP-0178 §2 step 10, Examples 9 and 11; RFC 6120 §6.4.2). XEP-0178 says
 * when to include one: only to act as a JID other than the certificate's, and always when the
 * certificate holds several JIDs.
 */
public final class External extends SingleMessageMechanism {

    private final String authzid;

    /** No authorization identity: act as the identity of the certificate. */
    public External() {
        this.authzid = "";
    }

    /**
     * @param authzid the JID to act as; empty is the same as none (RFC 6120 §6.6)
     * @throws IllegalArgumentException if it contains NUL (RFC 4422 A.1 {@code UTF8-char-no-nul})
     */
    public External(String authzid) {
        Objects.requireNonNull(authzid, "authzid");
        if (authzid.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("authzid contains NUL (RFC 4422 A.1)");
        }
        this.authzid = authzid;
    }

    @Override
    public String name() {
        return "EXTERNAL";
    }

    @Override
    byte[] message() {
        return authzid.getBytes(UTF_8);
    }
}
