package org.xmppcert.xmpp.sasl;

import java.util.Base64;
import java.util.Objects;

/**
 * XMPP's base 64 rules for the character data of the SASL elements.
 *
 * <ul>
 *   <li>Encoding follows RFC 4648 §4 with padding and no line breaks (RFC 6120 §6.3.5
 *       item 2; RFC 3920 §6.1 rule 5 with RFC 3548 §3).</li>
 *   <li>A zero-length initial response is sent as a single {@code =} (RFC 6120 §6.4.2,
 *       RFC 3920 §6.2 step 3), which is distinct from sending no initial response. The same
 *       holds for additional data with success (RFC 6120 §6.4.6).</li>
 *   <li>An empty {@code <response/>} has no character data at all: RFC 3920 §6.5 step 8
 *       sends {@code <response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>}; the {@code =}
 *       marker is defined only for {@code <auth/>} and {@code <success/>}.</li>
 *   <li>Decoding is strict, as RFC 6120 §13.9.1 requires: any character outside the
 *       alphabet (whitespace and line breaks included) is rejected, not ignored; a pad
 *       character anywhere but at the end is rejected; padding bits must be zero.</li>
 * </ul>
 *
 * <p>Hand-written checks in front of {@link Base64#getDecoder()}: the JDK decoder accepts
 * missing padding and ignores non-zero padding bits, both of which RFC 6120 §13.9.1 forbids.
 */
public final class SaslPayloads {

    private static final byte[] EMPTY = new byte[0];

    private SaslPayloads() {
    }

    /**
     * Character data of {@code <auth/>} for a present initial response (RFC 6120 §6.4.2):
     * {@code =} when it is empty. Also the form of additional data with {@code <success/>}
     * (RFC 6120 §6.4.6).
     */
    public static String encodeInitialResponse(byte[] initialResponse) {
        Objects.requireNonNull(initialResponse, "initialResponse");
        return initialResponse.length == 0 ? "=" : Base64.getEncoder().encodeToString(initialResponse);
    }

    /**
     * Character data of {@code <response/>}: the empty string (an empty element) when the
     * response is empty, as in RFC 3920 §6.5 step 8.
     */
    public static String encodeResponse(byte[] response) {
        Objects.requireNonNull(response, "response");
        return Base64.getEncoder().encodeToString(response);
    }

    /**
     * Decodes the character data of a {@code <challenge/>} or {@code <success/>} element.
     * The empty string (no character data) and a lone {@code =} both give zero bytes. Pass
     * the character data exactly as received, untrimmed: whitespace in it is something the
     * client MUST reject, and so must see.
     *
     * @throws SaslException with {@link SaslException.Reason#INCORRECT_ENCODING} when the
     *     data breaks RFC 6120 §6.3.5 item 2 or §13.9.1; the detail names the rule and the
     *     offset, never the data
     */
    public static byte[] decode(String characterData) throws SaslException {
        Objects.requireNonNull(characterData, "characterData");
        if (characterData.isEmpty() || characterData.equals("=")) {
            return EMPTY;
        }
        checkStrictBase64(characterData);
        return Base64.getDecoder().decode(characterData);
    }

    private static void checkStrictBase64(String s) throws SaslException {
        int length = s.length();
        int firstPad = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                firstPad = Math.min(firstPad, i);
            } else if (firstPad < length) {
                throw incorrect("pad character '=' before the end of the data, at offset " + firstPad
                        + " (RFC 6120 §13.9.1)");
            } else if (sextet(c) < 0) {
                throw incorrect(describe(c) + " at offset " + i
                        + " is outside the base 64 alphabet (RFC 6120 §13.9.1)");
            }
        }
        if (length % 4 != 0) {
            throw incorrect("length " + length
                    + " is not a multiple of 4: padding missing or data truncated (RFC 4648 §4)");
        }
        int pads = length - firstPad;
        if (pads > 2) {
            throw incorrect(pads + " pad characters; at most 2 are possible (RFC 4648 §4)");
        }
        // One pad: the last data character carries 2 unused bits; two pads: 4 unused bits.
        int unusedBitsMask = pads == 1 ? 0x03 : pads == 2 ? 0x0F : 0;
        if ((sextet(s.charAt(firstPad - 1)) & unusedBitsMask) != 0) {
            throw incorrect("padding bits are not zero (RFC 6120 §6.3.5 item 2, §13.9.1)");
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }

    // Whitespace is named (it is the usual mistake, and not secret); any other character is
    // not quoted, since it is a piece of the payload.
    private static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return String.format("whitespace U+%04X", (int) c);
        }
        return "a character";
    }

    private static SaslException incorrect(String detail) {
        return new SaslException(SaslException.Reason.INCORRECT_ENCODING, detail);
    }
}
