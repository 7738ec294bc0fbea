package org.xmppcert.xmpp.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.apache.mina.filter.ssl.SslEvent;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * Test helper: a STARTTLS server on 127.0.0.1 with a line protocol. "STARTTLS" is answered
 * "PROCEED" in clear, then TLS; afterwards "PING" is answered "PONG". It records what it
 * observes, in order, for the tests to assert on.
 */
final class StartTlsServer implements AutoCloseable {

    /** What the server saw, in order: "received:LINE", "event:SECURED", "exception:…", "closed". */
    final List<String> observations = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> receivedAfterTls = new LinkedBlockingQueue<>();
    final CompletableFuture<SSLSession> secured = new CompletableFuture<>();
    final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** The server's engine, once STARTTLS created it: its channel bindings to compare with the client's. */
    final CompletableFuture<SSLEngine> engine = new CompletableFuture<>();

    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final SSLContext context;
    private final Consumer<SslFilter> configure;
    private volatile String greetingOnSecured;

    StartTlsServer(SSLContext context, Consumer<SslFilter> configure) throws IOException {
        this.context = context;
        this.configure = configure;
        acceptor.setReuseAddress(true);
        acceptor.setHandler(new Handler());
        acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    /** Makes the server write this line as soon as its side of the handshake completes. */
    StartTlsServer greetingOnSecured(String line) {
        this.greetingOnSecured = line;
        return this;
    }

    int port() {
        return acceptor.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        acceptor.getManagedSessions().values().forEach(IoSession::closeNow);
        acceptor.unbind();
        acceptor.dispose(false);
    }

    /**
     * Closing-safe like the client's filter; and MINA's default createEngine resolves the
     * peer's host name (a reverse DNS lookup), which a server has no use for.
     */
    private final class ServerSslFilter extends ClosingSafeSslFilter {
        ServerSslFilter(SSLContext context) {
            super(context);
        }

        @Override
        protected SSLEngine createEngine(IoSession session, InetSocketAddress remote) {
            SSLEngine engine = sslContext.createSSLEngine(remote.getHostString(), remote.getPort());
            engine.setUseClientMode(false);
            if (enabledProtocols != null) {
                engine.setEnabledProtocols(enabledProtocols);
            }
            // Each setter overwrites the other's setting in JSSE: call only the one that applies.
            if (needClientAuth) {
                engine.setNeedClientAuth(true);
            } else if (wantClientAuth) {
                engine.setWantClientAuth(true);
            }
            StartTlsServer.this.engine.complete(engine);
            return engine;
        }
    }

    /** Written through the TLS filter without being encrypted: how a server sends {@code <proceed/>}. */
    private static final class ClearTextWriteRequest extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        ClearTextWriteRequest(Object message) {
            super(message);
        }
    }

    private final class Handler extends IoHandlerAdapter {
        private final LineBuffer lines = new LineBuffer();

        @Override
        public void messageReceived(IoSession session, Object message) {
            for (String line : lines.feed(message)) {
                observations.add("received:" + line);
                if (line.equals("STARTTLS") && !session.getFilterChain().contains(SslFilter.class)) {
                    // The filter goes in before <proceed/> is written, so that no ClientHello
                    // can overtake it; the proceed itself must still go out in clear.
                    SslFilter tls = new ServerSslFilter(context);
                    configure.accept(tls);
                    session.getFilterChain().addFirst("tls", tls);
                    session.getFilterChain().fireFilterWrite(new ClearTextWriteRequest(LineBuffer.line("PROCEED")));
                } else {
                    receivedAfterTls.add(line);
                    if (line.equals("PING")) {
                        session.write(LineBuffer.line("PONG"));
                    }
                }
            }
        }

        @Override
        public void event(IoSession session, FilterEvent event) {
            observations.add("event:" + event);
            if (event == SslEvent.SECURED) {
                secured.complete((SSLSession) session.getAttribute(SslFilter.SSL_SECURED));
                if (greetingOnSecured != null) {
                    session.write(LineBuffer.line(greetingOnSecured));
                }
            }
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            observations.add("exception:" + cause);
            failure.complete(cause);
            session.closeOnFlush(); // lets the TLS alert the engine produced go out first
        }

        @Override
        public void sessionClosed(IoSession session) {
            observations.add("closed");
            closed.complete(null);
        }
    }
}
