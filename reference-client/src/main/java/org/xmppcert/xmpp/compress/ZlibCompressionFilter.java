package org.xmppcert.xmpp.compress;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XEP-0138 zlib stream compression as a MINA filter: every byte written is compressed into one
 * RFC 1950 zlib stream (XEP-0138 §4) and every byte read is inflated.
 *
 * <p>Why not MINA's own {@code CompressionFilter} (mina-filter-compression, built on JZlib):
 * it inflates each received buffer into one auto-expanding output buffer, whose optional
 * ceiling defaults to {@code Integer.MAX_VALUE} and aborts rather than streams, so a few
 * kilobytes from a hostile server can become gigabytes in memory. A compliance tool must
 * survive the servers it judges. This filter uses the JDK's {@link java.util.zip.Inflater},
 * the well-kept zlib shipped with the JDK, which inflates into an output array of our choosing:
 * data goes up the chain in chunks of bounded size as soon as each exists, and stanza size
 * limits stay with the XML layer above, on inflated data. Outbound it sync-flushes after every write, as XEP-0138 §6
 * asks, so the peer can decode each stanza as it arrives.
 *
 * <p>Life cycle, for the session layer:
 * <ol>
 *   <li>Send {@code <compress><method>zlib</method></compress>} (XEP-0138 §2 Example 2) without
 *       this filter.</li>
 *   <li>On {@code <compressed/>} (Example 5), still inside the {@code messageReceived} call
 *       that delivered it, on the I/O processor thread, {@link #insertAboveTls insert} a new
 *       instance: above TLS, below the XML codec and the transcript. Doing it on that thread,
 *       before returning, guarantees the next bytes read go through the filter.</li>
 *   <li>Only then write the new stream header (Example 6). The server answers only after it
 *       has read that header (RFC 6120 §4.3.3), so its compressed bytes cannot arrive before
 *       the filter is in place. Bytes the XML decoder already holds after
 *       {@code <compressed/>} were sent by a server that did not wait: record them as
 *       evidence, and if the session is to go on, hand them to
 *       {@link #receiveBytesReadBeforeInsertion} instead of parsing them as XML.</li>
 *   <li>A {@link CompressionStreamException} arrives through {@code exceptionCaught} at most
 *       once; the session stays open and writes are still compressed, so the session layer
 *       can send the stream error of Example 7 and close.</li>
 *   <li>Closing the session, or removing the filter, frees the native zlib state.</li>
 * </ol>
 *
 * <p>Warnings:
 * <ul>
 *   <li>One instance per session, never reused: the zlib streams live in the instance, and a
 *       second {@code add} is refused.</li>
 *   <li>Everything written through it must already be an {@link IoBuffer}; anything else
 *       fails its write future, since uncompressed bytes would corrupt the stream.</li>
 *   <li>Do not place an {@code ExecutorFilter} with unordered delivery below it: inflation
 *       relies on MINA delivering one session's reads one at a time.</li>
 * </ul>
 */
public final class ZlibCompressionFilter extends IoFilterAdapter {

    /** The name under which {@link #insertAboveTls} adds the filter. */
    public static final String NAME = "compress";

    /** Largest inflated buffer handed up the chain by default. */
    public static final int DEFAULT_CHUNK_SIZE = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ZlibCompressionFilter.class);

    private final ZlibDeflate deflate = new ZlibDeflate();
    private final ZlibInflate inflate;
    private boolean added;

    public ZlibCompressionFilter() {
        this(DEFAULT_CHUNK_SIZE);
    }

    /** @param chunkSize the largest inflated buffer handed up the chain, in bytes */
    public ZlibCompressionFilter(int chunkSize) {
        this.inflate = new ZlibInflate(chunkSize);
    }

    /**
     * Adds this filter as {@value #NAME} directly above the TLS filter if the chain has one,
     * else first, next to the socket: compression applies to plaintext, TLS to what compression
     * produced (XEP-0138 §3 allows stream compression after TLS).
     *
     * @param tlsFilterName the name the TLS filter was added under
     */
    public void insertAboveTls(IoFilterChain chain, String tlsFilterName) {
        if (chain.contains(tlsFilterName)) {
            chain.addAfter(tlsFilterName, NAME, this);
        } else {
            chain.addFirst(NAME, this);
        }
    }

    /**
     * Inflates bytes that were read before this filter was inserted, typically what the XML
     * decoder had buffered past {@code <compressed/>}, and passes them up the chain as if they
     * had just arrived. Call it on the I/O processor thread, right after insertion, so that
     * they stay ahead of the next read.
     */
    public void receiveBytesReadBeforeInsertion(IoSession session, IoBuffer compressed) {
        NextFilter next = session.getFilterChain().getNextFilter(this);
        if (next == null) {
            throw new IllegalStateException("insert the filter into the session's chain first");
        }
        messageReceived(next, session, compressed);
    }

    @Override
    public synchronized void onPreAdd(IoFilterChain parent, String name, NextFilter nextFilter) {
        if (added) {
            throw new IllegalStateException(
                    "a ZlibCompressionFilter holds one session's zlib streams: create one per session");
        }
        added = true;
    }

    @Override
    public void onPostRemove(IoFilterChain parent, String name, NextFilter nextFilter) {
        end(parent.getSession());
    }

    @Override
    public void sessionClosed(NextFilter nextFilter, IoSession session) throws Exception {
        end(session);
        nextFilter.sessionClosed(session);
    }

    @Override
    public void filterWrite(NextFilter nextFilter, IoSession session, WriteRequest writeRequest) {
        Object message = writeRequest.getMessage();
        if (!(message instanceof IoBuffer)) {
            throw new IllegalArgumentException("ZlibCompressionFilter compresses bytes; a "
                    + message.getClass().getName() + " must be encoded by a filter above it");
        }
        deflate.compress(((IoBuffer) message).buf(),
                compressed -> nextFilter.filterWrite(session, new CompressedWriteRequest(compressed, writeRequest)));
    }

    @Override
    public void messageSent(NextFilter nextFilter, IoSession session, WriteRequest writeRequest) {
        if (writeRequest instanceof CompressedWriteRequest) {
            nextFilter.messageSent(session, writeRequest.getOriginalRequest());
        } else {
            nextFilter.messageSent(session, writeRequest);
        }
    }

    @Override
    public void messageReceived(NextFilter nextFilter, IoSession session, Object message) {
        if (!(message instanceof IoBuffer)) {
            nextFilter.messageReceived(session, message);
            return;
        }
        try {
            inflate.inflate(((IoBuffer) message).buf(), chunk -> nextFilter.messageReceived(session, chunk));
        } catch (CompressionStreamException e) {
            nextFilter.exceptionCaught(session, e);
        }
    }

    private void end(IoSession session) {
        if (LOG.isDebugEnabled() && !(deflate.isEnded() && inflate.isEnded())) {
            LOG.debug("zlib ends for session {}: out {}, in {}", session.getId(), deflate.totals(), inflate.totals());
        }
        deflate.end();
        inflate.end();
    }

    /** Test hook: both native zlib states are released. */
    boolean isEnded() {
        return deflate.isEnded() && inflate.isEnded();
    }
}
