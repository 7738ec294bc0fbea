package org.xmppcert.xmpp.compress;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import org.apache.mina.core.buffer.IoBuffer;

/**
 * The outbound half: one RFC 1950 zlib stream for the whole session, sync-flushed after
 * every write. Internal to {@link ZlibCompressionFilter}.
 *
 * <p>XEP-0138 §6 asks the sender to "complete a partial flush of ZLIB when its current send
 * is complete", so that the receiver can act on a stanza without waiting for the next one.
 * The JDK does not expose zlib's Z_PARTIAL_FLUSH; {@link Deflater#SYNC_FLUSH} (Z_SYNC_FLUSH)
 * does the same job and more: it also aligns the output on a byte boundary with an empty
 * stored block, which every inflater decodes. {@link Deflater#FULL_FLUSH} would also reset
 * the dictionary and throw away most of the compression, for nothing.
 */
final class ZlibDeflate {

    private static final byte[] NO_INPUT = new byte[0];
    private static final int SCRATCH_SIZE = 8 * 1024;

    private final Object lock = new Object();
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
    private final byte[] scratch = new byte[SCRATCH_SIZE];
    private boolean ended;

    /**
     * Compresses all of {@code input} (its position ends at its limit) and hands the
     * sync-flushed result to {@code downstream}, still holding the lock.
     *
     * <p>Why the lock spans the hand-off: the peer decodes one continuous zlib stream, so
     * compressed pieces must reach the wire in the order they were deflated. Two writers
     * that deflate under the lock but forward outside it can overtake each other and corrupt
     * the peer's stream. Downstream in MINA only queues the bytes, so the lock is held briefly.
     *
     * <p>Empty input is handed on as an empty buffer without touching the deflater: the
     * write still completes, and the stream gets no needless empty block.
     *
     * @throws IllegalStateException if {@link #end()} was called
     */
    void compress(ByteBuffer input, Consumer<IoBuffer> downstream) {
        synchronized (lock) {
            if (ended) {
                throw new IllegalStateException("zlib compression has ended for this session");
            }
            downstream.accept(input.hasRemaining() ? deflate(input) : IoBuffer.allocate(0));
        }
    }

    private IoBuffer deflate(ByteBuffer input) {
        IoBuffer out = IoBuffer.allocate(input.remaining() / 2 + 64).setAutoExpand(true);
        deflater.setInput(input);
        int produced;
        do {
            // Javadoc of Deflater.deflate: with SYNC_FLUSH, a full output buffer means
            // "call again"; anything less means all input is consumed and flushed.
            produced = deflater.deflate(scratch, 0, scratch.length, Deflater.SYNC_FLUSH);
            out.put(scratch, 0, produced);
        } while (produced == scratch.length);
        // Drop our reference to the caller's buffer.
        deflater.setInput(NO_INPUT);
        return out.flip();
    }

    /** Frees the native zlib state; later {@link #compress} calls fail. Idempotent. */
    void end() {
        synchronized (lock) {
            if (!ended) {
                ended = true;
                deflater.end();
            }
        }
    }

    boolean isEnded() {
        synchronized (lock) {
            return ended;
        }
    }

    /** "uncompressed in → compressed out" byte counts, for the log line at the end. */
    String totals() {
        synchronized (lock) {
            return ended ? "ended" : deflater.getBytesRead() + " → " + deflater.getBytesWritten();
        }
    }
}
