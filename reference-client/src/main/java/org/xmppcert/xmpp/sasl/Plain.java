package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Objects;

/**
 * PLAIN (RFC 4616 §2): one message, {@code [authzid] NUL authcid NUL passwd}, in UTF-8.
 *
 * <p>The strings are sent as given: RFC 4616 §2 puts preparation (SASLprep) on the server.
 * RFC 6120 §13.8.3 allows PLAIN only over TLS with full certificate validation; that rule
 * is {@link MechanismSelector}'s, not this class's, so that a harness can still use PLAIN
 * where it chooses to.
 */
public final class Plain extends SingleMessageMechanism {

    private static final byte[] NUL = {0};

    private final String authzid;
    private final String authcid;
    private final SaslCredentials credentials;

    /**
     * @throws IllegalArgumentException if the credentials have no password, or a part
     *     contains NUL (RFC 4616 §2: it MUST NOT appear) or an unpaired surrogate
     */
    public Plain(SaslCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.authcid = credentials.requireAuthcid("PLAIN");
        this.authzid = credentials.authzid().orElse("");
        check(authcid.toCharArray(), "authcid");
        check(authzid.toCharArray(), "authzid");
        check(credentials.password(), "password");
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    byte[] message() {
        byte[] password = utf8(credentials.password());
        try {
            return Octets.concat(utf8(authzid.toCharArray()), NUL, utf8(authcid.toCharArray()), NUL, password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Checks a part and wipes it: the array is a throw-away copy. */
    private static void check(char[] value, String what) {
        try {
            if (Octets.contains(value, '\0')) {
                throw new IllegalArgumentException(what + " contains NUL (RFC 4616 §2)");
            }
            Arrays.fill(Octets.encode(value, UTF_8), (byte) 0);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid Unicode (unpaired surrogate)");
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    private static byte[] utf8(char[] value) {
        try {
            return Octets.encode(value, UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("checked at construction");
        } finally {
            Arrays.fill(value, '\0');
        }
    }
}
