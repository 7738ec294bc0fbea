package org.xmppcert.xmpp.compress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.bytes;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.concat;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.deflateSyncFlushed;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.inflateAvailable;
import static org.xmppcert.xmpp.compress.ZlibTestSupport.stanzas;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.filterchain.IoFilterLifeCycleException;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter inside a real {@code DefaultIoFilterChain}: MINA's {@link DummySession} writes
 * synchronously, so every outcome is observable when {@code write} returns.
 */
class ZlibCompressionFilterTest {

    private static final long TIMEOUT_MS = 5_000;

    private final DummySession session = new DummySession();
    private final Recorder handler = new Recorder();
    private final Wire wire = new Wire();
    private final ZlibCompressionFilter filter = new ZlibCompressionFilter();
    private final Deflater peerDeflater = new Deflater();
    private final Inflater peerInflater = new Inflater();

    @BeforeEach
    void chain() {
        session.setHandler(handler);
        session.getFilterChain().addLast("wire", wire);
        session.getFilterChain().addLast(ZlibCompressionFilter.NAME, filter);
    }

    @AfterEach
    void release() {
        session.closeNow();
        peerDeflater.end();
        peerInflater.end();
    }

    @Test
    void writeFutureCompletesWithTheCompressedWriteAndTheHandlerSeesItsOwnMessage()
            throws DataFormatException {
        byte[] stanza = "<message><body>compressed</body></message>".getBytes(UTF_8);
        IoBuffer written = IoBuffer.wrap(stanza);

        WriteFuture future = session.write(written);

        assertThat(future.awaitUninterruptibly(TIMEOUT_MS)).isTrue();
        assertThat(future.isWritten()).isTrue();
        assertThat(wire.requestTypes).containsExactly(CompressedWriteRequest.class);
        assertThat(inflateAvailable(peerInflater, wire.bytes())).isEqualTo(stanza);
        assertThat(handler.sent).containsExactly(written);
        assertThat(session.getWrittenMessages()).as("MINA's counters see one message done").isOne();
        assertThat(session.getScheduledWriteMessages()).isZero();
    }

    @Test
    void writeFutureWaitsForTheCompressedBytesNotForTheDeflater() {
        session.suspendWrite();

        WriteFuture future = session.write(IoBuffer.wrap("<presence/>".getBytes(UTF_8)));

        assertThat(wire.requestTypes).as("compressed and queued").hasSize(1);
        assertThat(future.isDone()).isFalse();
        session.resumeWrite();
        session.getProcessor().flush(session);
        assertThat(future.awaitUninterruptibly(TIMEOUT_MS)).isTrue();
        assertThat(future.isWritten()).isTrue();
    }

    @Test
    void writingSomethingOtherThanBytesFailsTheWriteAndSendsNothing() {
        WriteFuture future = session.write("<presence/>");

        assertThat(future.awaitUninterruptibly(TIMEOUT_MS)).isTrue();
        assertThat(future.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
        assertThat(wire.requestTypes).isEmpty();
        assertThat(handler.exceptions).hasSize(1);
    }

    @Test
    void concurrentWritersNeverReorderCompressedSegments() throws Exception {
        int writers = 4;
        int perWriter = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> IntStream.range(0, perWriter).forEach(i -> session.write(
                        IoBuffer.wrap(("<m w='" + writer + "' i='" + i + "'/>\n").getBytes(UTF_8))))));
            }
            for (Future<?> writer : done) {
                writer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        String received = new String(inflateAvailable(peerInflater, wire.bytes()), UTF_8);

        List<String> lines = Arrays.asList(received.split("\n"));
        assertThat(lines).hasSize(writers * perWriter).doesNotHaveDuplicates()
                .allMatch(line -> line.matches("<m w='\\d' i='\\d+'/>"));
    }

    @Test
    void receivedBytesAreInflatedAcrossArbitraryReads() {
        List<byte[]> stanzas = stanzas(30, 23);
        byte[] compressed = concat(stanzas.stream().map(s -> deflateSyncFlushed(peerDeflater, s)).toList());

        for (int from = 0; from < compressed.length; from += 37) {
            int to = Math.min(compressed.length, from + 37);
            session.getFilterChain().fireMessageReceived(IoBuffer.wrap(Arrays.copyOfRange(compressed, from, to)));
        }

        assertThat(handler.received.toByteArray()).isEqualTo(concat(stanzas));
        assertThat(handler.exceptions).isEmpty();
    }

    @Test
    void bytesReadBeforeInsertionAreInflatedAheadOfLaterReads() {
        List<byte[]> stanzas = stanzas(4, 31);
        byte[] compressed = concat(stanzas.stream().map(s -> deflateSyncFlushed(peerDeflater, s)).toList());
        int early = compressed.length / 3;

        filter.receiveBytesReadBeforeInsertion(session, IoBuffer.wrap(Arrays.copyOfRange(compressed, 0, early)));
        fire(Arrays.copyOfRange(compressed, early, compressed.length));

        assertThat(handler.received.toByteArray()).isEqualTo(concat(stanzas));
        assertThat(wire.requestTypes).isEmpty();
    }

    @Test
    void bytesReadBeforeInsertionNeedTheFilterInTheChain() {
        ZlibCompressionFilter notInserted = new ZlibCompressionFilter();

        assertThatThrownBy(() -> notInserted.receiveBytesReadBeforeInsertion(session, IoBuffer.allocate(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * One GiB of zeros in about a MiB of zlib, through a heap of at most 512 MiB (surefire's
     * -Xmx512m): holding the output anywhere would end in OutOfMemoryError. The handler counts
     * and keeps nothing.
     */
    @Test
    void zlibBombIsForwardedInBoundedChunksWithoutMaterialising() {
        long bombSize = 1L << 30;
        assumeTrue(Runtime.getRuntime().maxMemory() < bombSize,
                "needs a heap smaller than the bomb, as surefire's -Xmx512m gives");
        DummySession target = new DummySession();
        AtomicLong total = new AtomicLong();
        AtomicInteger largest = new AtomicInteger();
        AtomicInteger chunks = new AtomicInteger();
        target.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                int size = ((IoBuffer) message).remaining();
                total.addAndGet(size);
                largest.accumulateAndGet(size, Math::max);
                chunks.incrementAndGet();
            }
        });
        ZlibCompressionFilter bombed = new ZlibCompressionFilter();
        target.getFilterChain().addLast(ZlibCompressionFilter.NAME, bombed);

        // A sync-flushed segment that encodes zeros with back-references only decodes to
        // zeros wherever the window already holds zeros: repeating it builds a valid stream
        // of any length without deflating a GiB here.
        byte[] mebibyte = new byte[1 << 20];
        byte[] head = deflateSyncFlushed(peerDeflater, mebibyte);
        byte[] repeat = deflateSyncFlushed(peerDeflater, mebibyte);
        target.getFilterChain().fireMessageReceived(IoBuffer.wrap(head));
        for (int i = 1; i < bombSize / mebibyte.length; i++) {
            target.getFilterChain().fireMessageReceived(IoBuffer.wrap(repeat));
        }
        target.closeNow();

        assertThat(head.length + repeat.length * 1023L).as("compressed size").isLessThan(2L << 20);
        assertThat(total.get()).isEqualTo(bombSize);
        assertThat(largest.get()).isEqualTo(ZlibCompressionFilter.DEFAULT_CHUNK_SIZE);
        assertThat(chunks.get()).isEqualTo((int) (bombSize / ZlibCompressionFilter.DEFAULT_CHUNK_SIZE));
        assertThat(bombed.isEnded()).isTrue();
    }

    @Test
    void corruptInputRaisesOneTypedExceptionThenNothingWhileWritesStillWork() throws DataFormatException {
        byte[] good = "<message><body>before</body></message>".getBytes(UTF_8);
        byte[] garbage = new byte[100];
        Arrays.fill(garbage, (byte) 0xa5);

        fire(deflateSyncFlushed(peerDeflater, good));
        fire(garbage);
        fire(deflateSyncFlushed(peerDeflater, "<message><body>after</body></message>".getBytes(UTF_8)));
        fire(garbage);

        assertThat(handler.exceptions).singleElement()
                .isInstanceOf(CompressionStreamException.class)
                .extracting(Throwable::getMessage).asString().startsWith("zlib data error from peer: ");
        assertThat(handler.received.toByteArray()).isEqualTo(good);

        byte[] streamError = ("<stream:error><undefined-condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<failure xmlns='http://jabber.org/protocol/compress'><processing-failed/></failure>"
                + "</stream:error>").getBytes(UTF_8);
        assertThat(session.write(IoBuffer.wrap(streamError)).awaitUninterruptibly(TIMEOUT_MS)).isTrue();
        assertThat(inflateAvailable(peerInflater, wire.bytes())).as("Example 7 can still be sent")
                .isEqualTo(streamError);
    }

    @Test
    void closingTheSessionEndsBothZlibStreams() {
        session.write(IoBuffer.wrap("<a/>".getBytes(UTF_8)));

        session.closeNow().awaitUninterruptibly(TIMEOUT_MS);

        assertThat(handler.closed).isTrue();
        assertThat(filter.isEnded()).isTrue();
        assertThat(handler.exceptions).as("ending twice (sessionClosed, then chain.clear) is harmless").isEmpty();
    }

    @Test
    void removingTheFilterEndsBothZlibStreams() {
        session.getFilterChain().remove(ZlibCompressionFilter.NAME);

        assertThat(filter.isEnded()).isTrue();
    }

    @Test
    void anInstanceServesOneSessionOnly() {
        DummySession other = new DummySession();

        assertThatThrownBy(() -> other.getFilterChain().addFirst(ZlibCompressionFilter.NAME, filter))
                .isInstanceOf(IoFilterLifeCycleException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void insertedDirectlyAboveTlsWhenPresent() {
        DummySession tlsSession = new DummySession();
        IoFilterChain chain = tlsSession.getFilterChain();
        chain.addLast("tls", new IoFilterAdapter());
        chain.addLast("transcript", new IoFilterAdapter());
        chain.addLast("xml", new IoFilterAdapter());

        new ZlibCompressionFilter().insertAboveTls(chain, "tls");

        assertThat(names(chain)).containsExactly("tls", ZlibCompressionFilter.NAME, "transcript", "xml");
    }

    @Test
    void insertedFirstWithoutTls() {
        DummySession plainSession = new DummySession();
        IoFilterChain chain = plainSession.getFilterChain();
        chain.addLast("transcript", new IoFilterAdapter());
        chain.addLast("xml", new IoFilterAdapter());

        new ZlibCompressionFilter().insertAboveTls(chain, "tls");

        assertThat(names(chain)).containsExactly(ZlibCompressionFilter.NAME, "transcript", "xml");
    }

    private void fire(byte[] bytes) {
        session.getFilterChain().fireMessageReceived(IoBuffer.wrap(bytes));
    }

    private static List<String> names(IoFilterChain chain) {
        return chain.getAll().stream().map(IoFilterChain.Entry::getName).toList();
    }

    /** Stands for TLS and the socket: sees what compression produced, passes it on. */
    private static final class Wire extends IoFilterAdapter {
        final List<Class<?>> requestTypes = Collections.synchronizedList(new ArrayList<>());
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void filterWrite(NextFilter next, IoSession session, WriteRequest request) {
            requestTypes.add(request.getClass());
            synchronized (bytes) {
                bytes.writeBytes(ZlibTestSupport.bytes(((IoBuffer) request.getMessage()).duplicate()));
            }
            next.filterWrite(session, request);
        }

        byte[] bytes() {
            synchronized (bytes) {
                return bytes.toByteArray();
            }
        }
    }

    private static final class Recorder extends IoHandlerAdapter {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<Object> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> exceptions = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;

        @Override
        public void messageReceived(IoSession session, Object message) {
            IoBuffer chunk = (IoBuffer) message;
            assertThat(chunk.remaining()).isBetween(1, ZlibCompressionFilter.DEFAULT_CHUNK_SIZE);
            received.writeBytes(bytes(chunk));
        }

        @Override
        public void messageSent(IoSession session, Object message) {
            sent.add(message);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            exceptions.add(cause);
        }

        @Override
        public void sessionClosed(IoSession session) {
            closed = true;
        }
    }
}
