package org.xmppcert.xmpp.compress;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.apache.mina.core.buffer.IoBuffer;

/** Independent zlib on both sides of the code under test: plain JDK Deflater and Inflater. */
final class ZlibTestSupport {

    private ZlibTestSupport() {
    }

    /** Everything an inflater can produce from {@code compressed} without more input. */
    static byte[] inflateAvailable(Inflater inflater, byte[] compressed) throws DataFormatException {
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int produced;
        while ((produced = inflater.inflate(buffer)) > 0) {
            out.write(buffer, 0, produced);
        }
        return out.toByteArray();
    }

    /** What a well-behaved peer sends for one stanza: deflate, then Z_SYNC_FLUSH. */
    static byte[] deflateSyncFlushed(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int produced;
        do {
            produced = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, produced);
        } while (produced == buffer.length);
        return out.toByteArray();
    }

    static byte[] bytes(IoBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return copy;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Stanzas of varying shape and size, reproducible. */
    static List<byte[]> stanzas(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> stanzas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String stanza = switch (i % 3) {
                case 0 -> "<message to='juliet@capulet.lit/balcony' id='m" + i + "' type='chat'><body>"
                        + words(random, random.nextInt(1, 60)) + "</body></message>";
                case 1 -> "<presence id='p" + i + "'><show>away</show><status>"
                        + words(random, random.nextInt(1, 10)) + "</status></presence>";
                default -> "<iq type='get' id='i" + i + "'><ping xmlns='urn:xmpp:ping'/></iq>";
            };
            stanzas.add(stanza.getBytes(UTF_8));
        }
        return stanzas;
    }

    /** Text that compresses like XML does, neither trivially nor not at all. */
    static byte[] text(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(size + 16);
        while (text.length() < size) {
            text.append(words(random, 8)).append('\n');
        }
        return text.substring(0, size).getBytes(UTF_8);
    }

    private static String words(SplittableRandom random, int count) {
        String[] words = {"wherefore", "art", "thou", "Romeo", "deny", "thy", "father", "and", "refuse",
                "name", "or", "if", "wilt", "not", "be", "but", "sworn", "my", "love", "I'll", "no",
                "longer", "a", "Capulet", "ø", "€", "&amp;"};
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sentence.append(' ');
            }
            sentence.append(words[random.nextInt(words.length)]);
            if (random.nextInt(20) == 0) {
                sentence.append(random.nextLong());
            }
        }
        return sentence.toString();
    }
}
