package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;

/**
 * ANONYMOUS (RFC 4505): one message, an optional trace token, empty when absent (sent as
 * {@code =}, RFC 6120 §6.4.2).
 *
 * <p>RFC 4505 is not among the texts in the spec folder; the one rule enforced here is the
 * one RFC 6120 §6.5.8 restates: a token of more than 255 UTF-8-encoded Unicode characters
 * violates the {@code token} production. The "trace" stringprep profile is not applied.
 */
public final class Anonymous extends SingleMessageMechanism {

    private static final int MAX_TOKEN_CHARACTERS = 255;

    private final String trace;

    /** No trace information. */
    public Anonymous() {
        this.trace = "";
    }

    /**
     * @param trace trace information, e.g. an email address
     * @throws IllegalArgumentException if it is empty or longer than 255 characters
     */
    public Anonymous(String trace) {
        Objects.requireNonNull(trace, "trace");
        int characters = trace.codePointCount(0, trace.length());
        if (characters == 0 || characters > MAX_TOKEN_CHARACTERS) {
            throw new IllegalArgumentException("trace must have 1 to 255 characters (RFC 6120 §6.5.8), has " + characters);
        }
        this.trace = trace;
    }

    @Override
    public String name() {
        return "ANONYMOUS";
    }

    @Override
    byte[] message() {
        return trace.getBytes(UTF_8);
    }
}
