package org.xmppcert.xmpp.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A ring of the last bytes read, kept as evidence for an error report. */
final class RecentBytes {
    private final byte[] ring;
    private int next;
    private int size;

    RecentBytes(int capacity) {
        this.ring = new byte[capacity];
    }

    void add(byte[] data, int off, int len) {
        int skip = Math.max(0, len - ring.length);
        for (int i = off + skip; i < off + len; i++) {
            ring[next] = data[i];
            next = (next + 1) % ring.length;
        }
        size = Math.min(ring.length, size + len);
    }

    byte[] toArray() {
        byte[] out = new byte[size];
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    /** The bytes as text; malformed UTF-8 becomes U+FFFD and control characters are shown escaped. */
    String asLenientUtf8() {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(toArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 && cp != '\n' && cp != '\t') {
                sb.append(String.format("\\x%02X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
