package org.xmppcert.xmpp.compress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.bytes;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.concat;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.inflateAvailable;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.stanzas;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.mina.core.buffer.IoBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbound path: {@link ZlibDeflate} judged by independent JDK inflaters. */
class ZlibDeflateTest {

    /** The empty stored block a Z_SYNC_FLUSH ends with (RFC 1951 §3.2.4). */
    private static final byte[] SYNC_MARKER = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private final ZlibDeflate deflate = new ZlibDeflate();
    private final List<Inflater> inflaters = new ArrayList<>();

    @AfterEach
    void endAll() {
        deflate.end();
        inflaters.forEach(Inflater::end);
    }

    @Test
    void everyMessageDecodesFromTheBytesSentSoFar() throws DataFormatException {
        List<byte[]> messages = stanzas(40, 1);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        for (int i = 0; i < messages.size(); i++) {
            byte[] segment = compress(messages.get(i));
            sent.writeBytes(segment);

            byte[] decoded = inflateAvailable(newInflater(), sent.toByteArray());

            assertThat(segment).as("segment %d ends with a sync flush", i).endsWith(SYNC_MARKER);
            assertThat(decoded).as("all messages up to %d, nothing held back", i)
                    .isEqualTo(concat(messages.subList(0, i + 1)));
        }
    }

    @Test
    void outputIsOneRfc1950StreamNotRawDeflateNorGzip() throws DataFormatException {
        byte[] first = compress("<stream:stream to='capulet.lit'>".getBytes(UTF_8));
        byte[] second = compress("<presence/>".getBytes(UTF_8));

        int cmf = first[0] & 0xff;
        int flg = first[1] & 0xff;
        assertThat(cmf).as("CMF: deflate, 32 KiB window").isEqualTo(0x78);
        assertThat((cmf << 8 | flg) % 31).as("FCHECK (RFC 1950 §2.2)").isZero();
        assertThat(flg & 0x20).as("FDICT: no preset dictionary").isZero();

        Inflater raw = new Inflater(true);
        inflaters.add(raw);
        raw.setInput(first);
        assertThatThrownBy(() -> raw.inflate(new byte[256]))
                .as("a raw-deflate reader rejects the zlib header")
                .isInstanceOf(DataFormatException.class);

        Inflater continuing = newInflater();
        assertThat(new String(inflateAvailable(continuing, first), UTF_8)).isEqualTo("<stream:stream to='capulet.lit'>");
        assertThat(new String(inflateAvailable(continuing, second), UTF_8))
                .as("the second write continues the same stream, without a new header")
                .isEqualTo("<presence/>");
    }

    @Test
    void oneMebibyteMessageRoundTrips() throws DataFormatException {
        byte[] large = text(1024 * 1024, 7);

        byte[] compressed = compress(large);

        assertThat(compressed.length).isLessThan(large.length / 2);
        assertThat(inflateAvailable(newInflater(), compressed)).isEqualTo(large);
    }

    @Test
    void emptyWriteYieldsEmptyBufferAndLeavesTheStreamIntact() throws DataFormatException {
        Inflater peer = newInflater();

        byte[] before = compress("<a/>".getBytes(UTF_8));
        byte[] empty = compress(new byte[0]);
        byte[] after = compress("<b/>".getBytes(UTF_8));

        assertThat(empty).isEmpty();
        assertThat(new String(inflateAvailable(peer, before), UTF_8)).isEqualTo("<a/>");
        assertThat(new String(inflateAvailable(peer, after), UTF_8)).isEqualTo("<b/>");
    }

    @Test
    void manySmallMessagesEachDecodeOnArrival() throws DataFormatException {
        Inflater peer = newInflater();

        for (int i = 0; i < 10_000; i++) {
            byte[] message = ("<r id='" + i + "'/>").getBytes(UTF_8);
            assertThat(inflateAvailable(peer, compress(message))).as("message %d", i).isEqualTo(message);
        }
    }

    @Test
    void inputIsConsumedSoMinaCountsTheWriteAsDone() {
        ByteBuffer input = ByteBuffer.wrap(text(100_000, 3));

        deflate.compress(input, compressed -> { });

        assertThat(input.hasRemaining()).isFalse();
    }

    @Test
    void directInputBuffersAreCompressedToo() throws DataFormatException {
        byte[] message = text(20_000, 5);
        ByteBuffer direct = ByteBuffer.allocateDirect(message.length).put(message).flip();
        List<byte[]> out = new ArrayList<>();

        deflate.compress(direct, compressed -> out.add(bytes(compressed)));

        assertThat(inflateAvailable(newInflater(), out.get(0))).isEqualTo(message);
    }

    @Test
    void endIsIdempotentAndRefusesLaterWrites() {
        deflate.end();
        deflate.end();

        assertThat(deflate.isEnded()).isTrue();
        assertThatThrownBy(() -> compress(new byte[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended");
    }

    private byte[] compress(byte[] message) {
        List<IoBuffer> out = new ArrayList<>();
        deflate.compress(ByteBuffer.wrap(message), out::add);
        assertThat(out).as("exactly one buffer per write").hasSize(1);
        return bytes(out.get(0));
    }

    private Inflater newInflater() {
        Inflater inflater = new Inflater();
        inflaters.add(inflater);
        return inflater;
    }
}
