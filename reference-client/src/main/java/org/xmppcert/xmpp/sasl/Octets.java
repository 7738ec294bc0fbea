package org.xmppcert.xmpp.sasl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/** Strict text/octet conversions that keep passwords out of immutable Strings. */
final class Octets {

    private Octets() {
    }

    /**
     * Encodes without ever building a String, and wipes the intermediate buffer.
     *
     * @throws CharacterCodingException if a character cannot be encoded (an unpaired
     *     surrogate for UTF-8, anything above U+00FF for ISO-8859-1)
     */
    static byte[] encode(char[] chars, Charset charset) throws CharacterCodingException {
        ByteBuffer buffer = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        return encode(text.toCharArray(), charset);
    }

    /** Decodes, rejecting malformed input instead of replacing it. */
    static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static boolean contains(char[] chars, char c) {
        for (char each : chars) {
            if (each == c) {
                return true;
            }
        }
        return false;
    }
}
