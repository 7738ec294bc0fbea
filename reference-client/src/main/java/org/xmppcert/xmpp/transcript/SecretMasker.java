package org.xmppcert.xmpp.transcript;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last line of defence: replaces known secrets wherever they appear in a string, for data
 * that no structural rule covers (raw bytes kept as evidence of malformed input, raw data a test
 * sends on purpose, an echo from a hostile peer). {@link Redactor} does the structural work;
 * this catches what slips past it.
 */
public final class SecretMasker {
    private static final String MASK = "[redacted]";
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /**
     * Registers a password: it and the base64 forms a SASL exchange would put on the wire
     * (the password alone, and PLAIN's {@code authzid NUL authcid NUL password}, RFC 4616) are
     * masked from now on.
     */
    public void addPassword(String username, char[] password) {
        String pw = new String(password);
        add(pw);
        add(b64(pw));
        if (username != null) {
            add(b64("\0" + username + "\0" + pw));
        }
    }

    /** Registers any other secret string (ignored when shorter than 3 characters). */
    public void add(String secret) {
        if (secret != null && secret.length() >= 3 && !secrets.contains(secret)) {
            secrets.add(secret);
            secrets.sort((a, b) -> b.length() - a.length()); // longest first: masks overlapping forms whole
        }
    }

    /** The text with every registered secret replaced. */
    public String mask(String text) {
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
