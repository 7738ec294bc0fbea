package org.xmppcert.xmpp.tls;

import java.util.Arrays;
import java.util.Objects;

/**
 * Channel binding data for a SASL mechanism such as SCRAM-SHA-1-PLUS (RFC 5802 §6,
 * RFC 6120 §13.9.4): the channel binding type name (RFC 5929) and its bytes.
 *
 * <p>The bytes never appear in {@link #toString()}: they go into the SASL exchange,
 * which the transcript redacts.
 *
 * @param type the registered type name, e.g. {@code tls-server-end-point}
 * @param data the channel binding data; copied in and out
 */
public record ChannelBindingData(String type, byte[] data) {

    public ChannelBindingData {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelBindingData that && type.equals(that.type) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelBindingData[" + type + ", " + data.length + " bytes]";
    }
}
