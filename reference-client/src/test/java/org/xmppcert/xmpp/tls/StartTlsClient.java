package org.xmppcert.xmpp.tls;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * Test helper standing in for the session layer: connects in clear, sends "STARTTLS", and on
 * "PROCEED" adds the {@link XmppTlsFilter} first in the chain from inside
 * {@code messageReceived}, as the real session layer does on {@code <proceed/>}.
 */
final class StartTlsClient implements AutoCloseable {

    /** What the IoHandler saw, in order: "received:LINE", "event:SECURED", "exception:Type", "closed". */
    final List<String> observations = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> receivedAfterTls = new LinkedBlockingQueue<>();
    final CompletableFuture<Boolean> securedEvent = new CompletableFuture<>();
    final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    final CompletableFuture<Throwable> addFailure = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    volatile WriteFuture writeDuringHandshake;
    volatile boolean handshakeDoneAtSecuredEvent;
    volatile Object securedAttributeAtSecuredEvent;

    private final NioSocketConnector connector = new NioSocketConnector();
    private final XmppTlsFilter filter;
    private final String lineDuringHandshake;
    private IoSession session;

    StartTlsClient(XmppTlsFilter filter, String lineDuringHandshake) {
        this.filter = filter;
        this.lineDuringHandshake = lineDuringHandshake;
        connector.setConnectTimeoutMillis(5_000);
        connector.setHandler(new Handler());
    }

    StartTlsClient connect(int port) {
        ConnectFuture future = connector.connect(new InetSocketAddress("127.0.0.1", port));
        if (!future.awaitUninterruptibly(5, TimeUnit.SECONDS) || !future.isConnected()) {
            throw new IllegalStateException("no connection to 127.0.0.1:" + port, future.getException());
        }
        session = future.getSession();
        return this;
    }

    IoSession session() {
        return session;
    }

    WriteFuture send(String line) {
        return session.write(LineBuffer.line(line));
    }

    @Override
    public void close() {
        if (session != null) {
            session.closeNow();
        }
        connector.dispose(false);
    }

    private final class Handler extends IoHandlerAdapter {
        private final LineBuffer lines = new LineBuffer();

        @Override
        public void sessionOpened(IoSession session) {
            session.write(LineBuffer.line("STARTTLS"));
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            for (String line : lines.feed(message)) {
                observations.add("received:" + line);
                if (line.equals("PROCEED") && !session.getFilterChain().contains(XmppTlsFilter.NAME)) {
                    try {
                        session.getFilterChain().addFirst(XmppTlsFilter.NAME, filter);
                    } catch (RuntimeException e) {
                        addFailure.complete(e);
                        return;
                    }
                    if (lineDuringHandshake != null) {
                        writeDuringHandshake = session.write(LineBuffer.line(lineDuringHandshake));
                    }
                } else {
                    receivedAfterTls.add(line);
                }
            }
        }

        @Override
        public void event(IoSession session, FilterEvent event) {
            observations.add("event:" + event);
            if (event == SslEvent.SECURED) {
                handshakeDoneAtSecuredEvent = filter.handshake().isDone();
                securedAttributeAtSecuredEvent = session.getAttribute(SslFilter.SSL_SECURED);
                securedEvent.complete(true);
            }
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            observations.add("exception:" + cause.getClass().getSimpleName());
            failure.complete(cause);
        }

        @Override
        public void sessionClosed(IoSession session) {
            observations.add("closed");
            closed.complete(null);
        }
    }
}
