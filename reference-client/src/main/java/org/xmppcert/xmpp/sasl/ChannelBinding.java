package org.xmppcert.xmpp.sasl;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel binding the TLS layer supplies for SCRAM-SHA-1-PLUS (RFC 5802 §6 and §7; RFC 5056;
 * RFC 6120 §13.9.4): the type name, e.g. {@code tls-server-end-point}, {@code tls-unique} or
 * {@code tls-exporter}, and the binding data of that type for the current TLS connection.
 *
 * <p>The data is never shown by {@link #toString()}.
 */
public final class ChannelBinding {

    /** RFC 5802 §7: {@code cb-name = 1*(ALPHA / DIGIT / "." / "-")}. */
    private static final Pattern CB_NAME = Pattern.compile("[A-Za-z0-9.-]+");

    private final String type;
    private final byte[] data;

    private ChannelBinding(String type, byte[] data) {
        this.type = type;
        this.data = data;
    }

    /**
     * @param type the channel binding type name (RFC 5802 §7 {@code cb-name})
     * @param data the binding data; copied
     */
    public static ChannelBinding of(String type, byte[] data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!CB_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("channel binding type is not an RFC 5802 cb-name: " + type);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("channel binding data is empty (RFC 5802 §7: cbind-data = 1*OCTET)");
        }
        return new ChannelBinding(type, data.clone());
    }

    public String type() {
        return type;
    }

    /** A copy of the binding data. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "ChannelBinding[" + type + ", " + data.length + " bytes]";
    }
}
