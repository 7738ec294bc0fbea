package org.xmppcert.xmpp.compress;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.core.write.WriteRequest;

/**
 * The compressed form of a write, travelling below {@link ZlibCompressionFilter}. Modelled on
 * MINA 2.2's {@code EncryptedWriteRequest}.
 *
 * <p>It shares the parent's {@code WriteFuture}: MINA completes the future of the request that
 * reaches the socket ({@code DefaultIoFilterChain.fireMessageSent}), so sharing is what makes
 * {@code session.write(x).awaitUninterruptibly(t)} above the filter wait for the compressed
 * bytes. On {@code messageSent} the filter hands the parent back up the chain, so the filters
 * and the handler above see the request they wrote.
 */
final class CompressedWriteRequest extends DefaultWriteRequest {

    private final WriteRequest parent;

    CompressedWriteRequest(IoBuffer compressed, WriteRequest parent) {
        super(compressed, parent.getFuture(), parent.getDestination());
        this.parent = parent;
    }

    /** The request this filter received, as {@code EncryptedWriteRequest} does for TLS. */
    @Override
    public WriteRequest getOriginalRequest() {
        return parent;
    }

    @Override
    public Object getOriginalMessage() {
        return parent.getOriginalMessage();
    }
}
