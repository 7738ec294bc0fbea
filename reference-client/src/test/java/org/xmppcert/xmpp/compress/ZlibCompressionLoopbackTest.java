package org.xmppcert.xmpp.compress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.filter.codec.textline.LineDelimiter;
import org.apache.mina.filter.codec.textline.TextLineCodecFactory;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real acceptor and connector on 127.0.0.1 that switch to compression mid-session the way
 * XEP-0138 §2 does: an uncompressed exchange, {@code compress}, {@code compressed}, then a
 * restart that is already compressed. Lines stand in for stanzas; the text-line codec stands
 * in for the XML codec, above the compression filter.
 */
class ZlibCompressionLoopbackTest {

    private static final long TIMEOUT_MS = 10_000;
    private static final int MAX_LINE = 2 * 1024 * 1024;

    private final Side server = new Side();
    private final Side client = new Side();
    private final RawCapture serverWire = new RawCapture();
    private NioSocketAcceptor acceptor;
    private NioSocketConnector connector;
    private IoSession session;

    @BeforeEach
    void connectAndNegotiate() throws Exception {
        acceptor = new NioSocketAcceptor(1);
        acceptor.getFilterChain().addLast("wire", serverWire);
        acceptor.getFilterChain().addLast("codec", lineCodec());
        acceptor.setHandler(server);
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));

        connector = new NioSocketConnector(1);
        connector.setConnectTimeoutMillis(TIMEOUT_MS);
        connector.getFilterChain().addLast("codec", lineCodec());
        connector.setHandler(client);
        ConnectFuture connect = connector.connect(acceptor.getLocalAddress());
        assertThat(connect.awaitUninterruptibly(TIMEOUT_MS)).isTrue();
        session = connect.getSession();

        assertThat(written(session.write("hello uncompressed"))).isTrue();
        assertThat(server.next()).isEqualTo("hello uncompressed");
        assertThat(written(session.write("compress zlib"))).isTrue();
        assertThat(client.next()).isEqualTo("compressed");
        assertThat(server.next()).as("the restart, compressed").isEqualTo("restart");
        assertThat(client.next()).isEqualTo("restarted");
        assertThat(client.filter.get()).isNotNull();
        assertThat(server.filter.get()).isNotNull();
    }

    @AfterEach
    void shutDown() {
        if (session != null) {
            session.closeNow();
        }
        connector.dispose();
        acceptor.dispose();
    }

    @Test
    void bytesOnTheWireAreZlibAfterTheSwitch() {
        byte[] raw = serverWire.since(serverWire.switchMark);

        assertThat(raw[0] & 0xff).as("zlib header of the client's new stream").isEqualTo(0x78);
        assertThat(new String(raw, UTF_8)).doesNotContain("restart");
        assertThat(new String(serverWire.since(0), UTF_8)).startsWith("hello uncompressed\ncompress zlib\n");
    }

    @Test
    void messagesFlowBothWaysAndWriteFuturesComplete() {
        for (int i = 0; i < 50; i++) {
            WriteFuture future = session.write("ping " + i);
            assertThat(written(future)).as("write future %d", i).isTrue();
            assertThat(client.next()).isEqualTo("pong " + i);
        }
        assertThat(client.sent).contains("ping 0", "ping 49");
        // messageSent is fired after the write future completes, possibly after the client read it.
        assertThat(server.awaitSent("pong 49")).as("messageSent reaches the handler with its own message").isTrue();
    }

    @Test
    void oneMebibyteLinesCrossInBothDirections() {
        String large = new String(ZlibTestSupport.text(1024 * 1024, 29), UTF_8).replace('\n', ' ');

        assertThat(written(session.write("echo " + large))).isTrue();

        assertThat(client.next()).isEqualTo("echoed " + large);
    }

    @Test
    void concurrentWritersOverTheNetworkKeepTheStreamValid() throws Exception {
        int writers = 4;
        int perWriter = 250;
        Set<String> expected = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                for (int i = 0; i < perWriter; i++) {
                    expected.add("note " + writer + "-" + i);
                }
                results.add(pool.submit(() -> {
                    WriteFuture last = null;
                    for (int i = 0; i < perWriter; i++) {
                        last = session.write("note " + writer + "-" + i);
                    }
                    return written(last);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> received = new HashSet<>();
        for (int i = 0; i < writers * perWriter; i++) {
            received.add(server.next());
        }
        assertThat(received).isEqualTo(expected);
        assertThat(server.exceptions).isEmpty();
    }

    @Test
    void closingTheSessionEndsZlibOnBothSides() throws InterruptedException {
        session.closeNow();

        // The CloseFuture is set before sessionClosed travels the chain (DefaultIoFilterChain
        // .fireSessionClosed), so wait for the handlers, which come after the filter.
        assertThat(client.closed.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(server.closed.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(client.filter.get().isEnded()).isTrue();
        assertThat(server.filter.get().isEnded()).isTrue();
        assertThat(client.exceptions).isEmpty();
        assertThat(server.exceptions).isEmpty();
    }

    private static boolean written(WriteFuture future) {
        return future.awaitUninterruptibly(TIMEOUT_MS) && future.isWritten();
    }

    private static ProtocolCodecFilter lineCodec() {
        TextLineCodecFactory lines = new TextLineCodecFactory(UTF_8, LineDelimiter.UNIX, LineDelimiter.UNIX);
        lines.setDecoderMaxLineLength(MAX_LINE);
        lines.setEncoderMaxLineLength(MAX_LINE);
        return new ProtocolCodecFilter(lines);
    }

    /** Both roles in one handler; each side only ever sees the lines of its role. */
    private final class Side extends IoHandlerAdapter {
        final AtomicReference<ZlibCompressionFilter> filter = new AtomicReference<>();
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<Object> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final BlockingQueue<Object> sentQueue = new LinkedBlockingQueue<>();

        /** Waits, within the test's bound, until the handler has been told that this message was sent. */
        boolean awaitSent(Object message) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
            try {
                for (Object m; (m = sentQueue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
                    if (m.equals(message)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        final List<Throwable> exceptions = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void messageReceived(IoSession s, Object message) {
            String line = (String) message;
            if (line.equals("compress zlib")) {
                // Server: answer uncompressed, then switch. The answer has already gone down the
                // chain into the write queue, so it stays uncompressed.
                s.write("compressed");
                serverWire.switchMark = serverWire.size();
                insert(s, "tls");
            } else if (line.equals("compressed")) {
                // Client: switch on this thread, before the restart is written (XEP-0138 §2).
                insert(s, "tls");
                s.write("restart");
                lines.add(line);
            } else if (line.equals("restart")) {
                s.write("restarted");
                lines.add(line);
            } else if (line.startsWith("ping ")) {
                s.write("pong " + line.substring(5));
                lines.add(line);
            } else if (line.startsWith("echo ")) {
                s.write("echoed " + line.substring(5));
            } else {
                lines.add(line);
            }
        }

        private void insert(IoSession s, String tlsName) {
            ZlibCompressionFilter compression = new ZlibCompressionFilter();
            if (s.getFilterChain().contains("wire")) {
                s.getFilterChain().addAfter("wire", ZlibCompressionFilter.NAME, compression);
            } else {
                compression.insertAboveTls(s.getFilterChain(), tlsName);
            }
            filter.set(compression);
        }

        String next() {
            try {
                String line = lines.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                assertThat(line).as("a line within %d ms", TIMEOUT_MS).isNotNull();
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        @Override
        public void messageSent(IoSession s, Object message) {
            sent.add(message);
            sentQueue.add(message);
        }

        @Override
        public void exceptionCaught(IoSession s, Throwable cause) {
            exceptions.add(cause);
        }

        @Override
        public void sessionClosed(IoSession s) {
            closed.countDown();
        }
    }

    /** Below everything on the server: the bytes exactly as TCP delivered them. */
    private static final class RawCapture extends IoFilterAdapter {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile int switchMark;

        @Override
        public void messageReceived(NextFilter next, IoSession s, Object message) {
            synchronized (received) {
                received.writeBytes(ZlibTestSupport.bytes(((IoBuffer) message).duplicate()));
            }
            next.messageReceived(s, message);
        }

        int size() {
            synchronized (received) {
                return received.size();
            }
        }

        byte[] since(int mark) {
            synchronized (received) {
                byte[] all = received.toByteArray();
                return java.util.Arrays.copyOfRange(all, mark, all.length);
            }
        }
    }
}
