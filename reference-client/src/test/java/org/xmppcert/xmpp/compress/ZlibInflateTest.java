package org.xmppcert.xmpp.compress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.bytes;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.concat;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.deflateSyncFlushed;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.stanzas;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbound path: {@link ZlibInflate} fed by an independent JDK deflater. */
class ZlibInflateTest {

    private static final int CHUNK = 8 * 1024;

    private final Deflater peer = new Deflater();
    private final ByteArrayOutputStream upstream = new ByteArrayOutputStream();

    @AfterEach
    void endPeer() {
        peer.end();
    }

    @Test
    void everySplitPointOfASmallStreamInflatesToTheOriginal() throws CompressionStreamException {
        List<byte[]> messages = stanzas(3, 11);
        byte[] original = concat(messages);
        byte[] compressed = concat(messages.stream().map(m -> deflateSyncFlushed(peer, m)).toList());

        for (int split = 0; split <= compressed.length; split++) {
            ZlibInflate inflate = new ZlibInflate(CHUNK);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            inflate.inflate(ByteBuffer.wrap(compressed, 0, split), chunk -> out.writeBytes(bytes(chunk)));
            inflate.inflate(ByteBuffer.wrap(compressed, split, compressed.length - split),
                    chunk -> out.writeBytes(bytes(chunk)));
            inflate.end();

            assertThat(out.toByteArray()).as("split at %d of %d", split, compressed.length).isEqualTo(original);
        }
    }

    @Test
    void oneByteAtATimeInflatesToTheOriginal() throws CompressionStreamException {
        byte[] original = text(50_000, 13);
        byte[] compressed = deflateSyncFlushed(peer, original);
        ZlibInflate inflate = new ZlibInflate(CHUNK);

        for (byte b : compressed) {
            inflate.inflate(ByteBuffer.wrap(new byte[] {b}), chunk -> upstream.writeBytes(bytes(chunk)));
        }
        inflate.end();

        assertThat(upstream.toByteArray()).isEqualTo(original);
    }

    @Test
    void outputComesInChunksNoLargerThanConfigured() throws CompressionStreamException {
        byte[] original = text(100_000, 17);
        ZlibInflate inflate = new ZlibInflate(7);
        int[] largest = {0};

        inflate.inflate(ByteBuffer.wrap(deflateSyncFlushed(peer, original)), chunk -> {
            largest[0] = Math.max(largest[0], chunk.remaining());
            upstream.writeBytes(bytes(chunk));
        });
        inflate.end();

        assertThat(largest[0]).isEqualTo(7);
        assertThat(upstream.toByteArray()).isEqualTo(original);
    }

    @Test
    void corruptDataFailsOnceThenEverythingIsDropped() throws CompressionStreamException {
        byte[] good = "<message><body>hi</body></message>".getBytes(UTF_8);
        byte[] stream = deflateSyncFlushed(peer, good);
        byte[] corrupt = new byte[64];
        Arrays.fill(corrupt, (byte) 0xff);
        ZlibInflate inflate = new ZlibInflate(CHUNK);
        inflate.inflate(ByteBuffer.wrap(stream), chunk -> upstream.writeBytes(bytes(chunk)));

        ByteBuffer bad = ByteBuffer.wrap(corrupt);
        assertThatThrownBy(() -> inflate.inflate(bad, chunk -> upstream.writeBytes(bytes(chunk))))
                .isInstanceOf(CompressionStreamException.class)
                .hasMessageStartingWith("zlib data error from peer: ");
        byte[] more = deflateSyncFlushed(peer, "<presence/>".getBytes(UTF_8));
        inflate.inflate(ByteBuffer.wrap(more), chunk -> upstream.writeBytes(bytes(chunk)));

        assertThat(upstream.toByteArray()).as("only what came before the corruption").isEqualTo(good);
        assertThat(bad.hasRemaining()).isFalse();
        assertThat(inflate.isEnded()).as("native state released at the error").isTrue();
    }

    @Test
    void presetDictionaryIsRefused() {
        Deflater withDictionary = new Deflater();
        withDictionary.setDictionary("<message".getBytes(UTF_8));
        byte[] stream = deflateSyncFlushed(withDictionary, "<message/>".getBytes(UTF_8));
        withDictionary.end();
        ZlibInflate inflate = new ZlibInflate(CHUNK);

        assertThatThrownBy(() -> inflate.inflate(ByteBuffer.wrap(stream), chunk -> { }))
                .isInstanceOf(CompressionStreamException.class)
                .hasMessageContaining("preset dictionary");
    }

    @Test
    void endOfTheZlibStreamIsAcceptedButNothingMayFollowIt() throws CompressionStreamException {
        byte[] last = "</stream:stream>".getBytes(UTF_8);
        byte[] finished = finish(last);
        ZlibInflate inflate = new ZlibInflate(CHUNK);

        inflate.inflate(ByteBuffer.wrap(finished), chunk -> upstream.writeBytes(bytes(chunk)));

        assertThat(upstream.toByteArray()).isEqualTo(last);
        assertThatThrownBy(() -> inflate.inflate(ByteBuffer.wrap(new byte[] {0x01}), chunk -> { }))
                .isInstanceOf(CompressionStreamException.class)
                .hasMessage("zlib data error from peer: 1 bytes after the end of the zlib stream");
    }

    @Test
    void bytesAfterTheEndInTheSameReadAreAnError() throws CompressionStreamException {
        byte[] last = "</stream:stream>".getBytes(UTF_8);
        byte[] finished = finish(last);
        byte[] withTrailer = Arrays.copyOf(finished, finished.length + 3);
        ZlibInflate inflate = new ZlibInflate(CHUNK);

        assertThatThrownBy(() -> inflate.inflate(ByteBuffer.wrap(withTrailer),
                        chunk -> upstream.writeBytes(bytes(chunk))))
                .isInstanceOf(CompressionStreamException.class)
                .hasMessageContaining("3 bytes after the end");
        assertThat(upstream.toByteArray()).isEqualTo(last);
        assertThat(inflate.isEnded()).isTrue();
    }

    @Test
    void endedInflaterDropsInputQuietly() throws CompressionStreamException {
        ZlibInflate inflate = new ZlibInflate(CHUNK);
        inflate.end();
        inflate.end();
        ByteBuffer input = ByteBuffer.wrap(deflateSyncFlushed(peer, "<a/>".getBytes(UTF_8)));

        inflate.inflate(input, chunk -> upstream.writeBytes(bytes(chunk)));

        assertThat(upstream.size()).isZero();
        assertThat(input.hasRemaining()).isFalse();
    }

    @Test
    void endFromInsideTheUpperLayerStopsTheLoop() throws CompressionStreamException {
        ZlibInflate inflate = new ZlibInflate(16);
        int[] chunks = {0};

        inflate.inflate(ByteBuffer.wrap(deflateSyncFlushed(peer, text(10_000, 19))), chunk -> {
            chunks[0]++;
            inflate.end();
        });

        assertThat(chunks[0]).isOne();
    }

    private byte[] finish(byte[] data) {
        peer.setInput(data);
        peer.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!peer.finished()) {
            out.write(buffer, 0, peer.deflate(buffer));
        }
        return out.toByteArray();
    }
}
