package org.xmppcert.xmpp.compress;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.mina.core.buffer.IoBuffer;

/**
 * The inbound half: inflates the peer's RFC 1950 zlib stream into chunks of at most
 * {@code chunkSize} bytes, each handed on as soon as it exists. Internal to
 * {@link ZlibCompressionFilter}.
 *
 * <p>A few hundred compressed bytes can inflate to megabytes (a zlib bomb). Nothing here
 * accumulates output, so memory stays at one chunk per call whatever the ratio; limiting
 * the size of a stanza is the XML layer's job, on inflated data.
 *
 * <p>Life cycle:
 * <ol>
 *   <li>{@code ACTIVE}: input is inflated.</li>
 *   <li>{@code PEER_FINISHED}: the peer ended its zlib stream (Z_FINISH). Nothing may follow;
 *       any further byte is a data error.</li>
 *   <li>{@code FAILED}: a data error was reported once; the native state is released and all
 *       later input is dropped, so one corruption yields one exception.</li>
 *   <li>{@code ENDED}: {@link #end()} was called; input is dropped.</li>
 * </ol>
 */
final class ZlibInflate {

    /**
     * Deflate's densest code (RFC 1951 §3.2.5): a 258-byte match at distance 1 can be coded in
     * 2 bits (1-bit length code, 1-bit distance code), so one input byte yields at most
     * 4 × 258 = 1032 output bytes.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    /** zlib's bit accumulator can carry a few bytes of already-consumed input between calls. */
    private static final int HELD_BYTES = 8;

    private static final byte[] NO_INPUT = new byte[0];

    private enum State { ACTIVE, PEER_FINISHED, FAILED, ENDED }

    private final Object lock = new Object();
    private final Inflater inflater = new Inflater(false);
    private final int chunkSize;
    private State state = State.ACTIVE;
    private long droppedBytes;

    ZlibInflate(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * Inflates all of {@code input} (its position ends at its limit), giving each chunk to
     * {@code upstream} as it is produced.
     *
     * <p>The lock is taken per chunk and released around {@code upstream}, so that
     * {@link #end()} from another thread is not held up by a long inflation and the layer
     * above may remove the filter from inside {@code upstream}. Chunk order still holds
     * because MINA calls {@code messageReceived} for one session from one thread at a time.
     *
     * @throws CompressionStreamException once, on the first data error; later calls drop input
     */
    void inflate(ByteBuffer input, Consumer<IoBuffer> upstream) throws CompressionStreamException {
        int inputLength = input.remaining();
        if (inputLength == 0) {
            return;
        }
        synchronized (lock) {
            if (state == State.FAILED || state == State.ENDED) {
                drop(input);
                return;
            }
            if (state == State.PEER_FINISHED) {
                drop(input);
                throw fail(new CompressionStreamException(
                        inputLength + " bytes after the end of the zlib stream"));
            }
            inflater.setInput(input);
        }
        try {
            inflateAll(input, inputLength, upstream);
        } catch (CompressionStreamException e) {
            synchronized (lock) {
                drop(input);
            }
            throw e;
        }
    }

    private void inflateAll(ByteBuffer input, int inputLength, Consumer<IoBuffer> upstream)
            throws CompressionStreamException {
        // Bounded by what deflate can encode in this input plus the few bits zlib may still
        // hold from earlier input, plus the final partial chunk and the call that observes
        // "needs input": a faulty inflater cannot make this spin.
        long maxChunks = (inputLength + HELD_BYTES) * MAX_DEFLATE_RATIO / chunkSize + 2;
        byte[] chunk = null;
        for (long chunks = 0; chunks <= maxChunks; chunks++) {
            if (chunk == null) {
                chunk = new byte[chunkSize];
            }
            int produced;
            synchronized (lock) {
                if (state != State.ACTIVE) {
                    drop(input);
                    return;
                }
                produced = inflateChunk(chunk);
                if (produced == 0) {
                    afterLastChunk(input);
                    return;
                }
            }
            // A fresh array per chunk: the layer above may keep the buffer it is given.
            upstream.accept(IoBuffer.wrap(chunk, 0, produced));
            chunk = null;
        }
        synchronized (lock) {
            throw fail(new CompressionStreamException(
                    "more output than deflate can encode in " + inputLength + " bytes"));
        }
    }

    private int inflateChunk(byte[] chunk) throws CompressionStreamException {
        try {
            return inflater.inflate(chunk);
        } catch (DataFormatException e) {
            throw fail(new CompressionStreamException(String.valueOf(e.getMessage()), e));
        }
    }

    /**
     * No output with room to spare: zlib stopped for want of input, at the end of the stream,
     * or for a dictionary. Anything else would mean unread input we could not account for.
     */
    private void afterLastChunk(ByteBuffer input) throws CompressionStreamException {
        if (inflater.finished()) {
            state = State.PEER_FINISHED;
            int trailing = inflater.getRemaining();
            inflater.setInput(NO_INPUT);
            drop(input);
            if (trailing > 0) {
                throw fail(new CompressionStreamException(
                        trailing + " bytes after the end of the zlib stream"));
            }
        } else if (inflater.needsDictionary()) {
            throw fail(new CompressionStreamException(
                    "the stream asks for a preset dictionary (FDICT), which XEP-0138 does not define"));
        } else if (inflater.needsInput()) {
            inflater.setInput(NO_INPUT);
        } else {
            throw fail(new CompressionStreamException("the inflater stopped with input left over"));
        }
    }

    private CompressionStreamException fail(CompressionStreamException e) {
        state = State.FAILED;
        inflater.end();
        return e;
    }

    private void drop(ByteBuffer input) {
        droppedBytes += input.remaining();
        input.position(input.limit());
    }

    /** Frees the native zlib state; later input is dropped. Idempotent. */
    void end() {
        synchronized (lock) {
            if (state != State.FAILED && state != State.ENDED) {
                inflater.end();
            }
            state = State.ENDED;
        }
    }

    /** True once the native state is released, by {@link #end()} or by a data error. */
    boolean isEnded() {
        synchronized (lock) {
            return state == State.FAILED || state == State.ENDED;
        }
    }

    /** "compressed in → inflated out" byte counts, for the log line at the end. */
    String totals() {
        synchronized (lock) {
            return state == State.FAILED || state == State.ENDED
                    ? "ended, " + droppedBytes + " dropped"
                    : inflater.getBytesRead() + " → " + inflater.getBytesWritten();
        }
    }
}
