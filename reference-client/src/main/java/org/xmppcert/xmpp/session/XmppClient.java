package org.xmppcert.xmpp.session;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;
import org.xmppcert.xmpp.stream.StreamEvent;
import org.xmppcert.xmpp.stream.XmppStreamCodec;
import org.xmppcert.xmpp.transport.ConnectTarget;
import org.xmppcert.xmpp.transport.SrvResolver;
import org.xmppcert.xmpp.transport.TargetResolution;

/**
 * Opens TCP connections to XMPP servers and hands back {@link XmppSession}s. One client owns one
 * MINA connector and its I/O threads and can serve many sessions at once; close it when done.
 *
 * <p>Targets are tried in order, each address of each target in turn (RFC 6120 §3.2.1 items
 * 6–7), every attempt bounded by the connect timeout.
 */
public final class XmppClient implements AutoCloseable {

    private static final AttributeKey SESSION = new AttributeKey(XmppClient.class, "session");

    private final NioSocketConnector connector;
    /** The threads the sessions write from (each session through its own serial queue). */
    private final java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xmppcert-writer");
        t.setDaemon(true);
        return t;
    });

    public XmppClient() {
        connector = new NioSocketConnector(Math.max(2, Runtime.getRuntime().availableProcessors()));
        connector.getSessionConfig().setTcpNoDelay(true);
        connector.setHandler(new Dispatcher());
    }

    /**
     * Connects to the first reachable target. Nothing is sent yet: the caller opens the stream.
     *
     * @param domain the XMPP domain (for the session and its stream headers)
     * @param targets where to connect, in order
     * @param resolver resolves target host names to addresses
     */
    public XmppSession connect(String domain, TargetResolution targets, SrvResolver resolver, SessionOptions options)
            throws ConnectFailedException {
        List<String> attempts = new ArrayList<>();
        ConnectFailedException last = null;
        for (ConnectTarget target : targets.targets()) {
            List<InetSocketAddress> addresses;
            try {
                addresses = resolver.addresses(target);
            } catch (UnknownHostException e) {
                last = new ConnectFailedException(ConnectFailedException.Reason.UNKNOWN_HOST,
                        "cannot resolve " + target.host() + ": " + e.getMessage(), e);
                attempts.add(target + " (unknown host)");
                continue;
            }
            for (InetSocketAddress address : addresses) {
                try {
                    XmppSession session = connect(domain, address, options);
                    if (!attempts.isEmpty()) {
                        // The report must show the targets that failed before this one (RFC 6120 §3.2.1 items 6-7).
                        session.recordEvent("connected to " + address + " (" + target.origin() + ") after: "
                                + String.join(", ", attempts));
                    }
                    return session;
                } catch (ConnectFailedException e) {
                    last = e;
                    attempts.add(address + " (" + e.reason().name().toLowerCase().replace('_', ' ') + ")");
                }
            }
        }
        if (last == null) {
            throw new ConnectFailedException(ConnectFailedException.Reason.UNKNOWN_HOST,
                    "no target to connect to for " + domain, null);
        }
        throw new ConnectFailedException(last.reason(), attempts.size() == 1 ? last.getMessage()
                : "could not connect to " + domain + ": tried " + String.join(", ", attempts), last.getCause());
    }

    /** Connects to one address. */
    public XmppSession connect(String domain, InetSocketAddress address, SessionOptions options)
            throws ConnectFailedException {
        ConnectFuture future = connector.connect(address, (IoSession io, ConnectFuture f) -> {
            XmppSession session = new XmppSession(io, domain, options, writers);
            io.setAttribute(SESSION, session);
            io.getFilterChain().addLast(XmppStreamCodec.NAME,
                    new XmppStreamCodec(options.xmlLimits(), XmppStreamCodec.Role.INITIATING));
        });
        long timeoutMillis = options.connectTimeout().toMillis();
        if (!future.awaitUninterruptibly(timeoutMillis)) {
            future.cancel();
            throw new ConnectFailedException(ConnectFailedException.Reason.TIMEOUT,
                    "connection to " + address + " timed out after " + timeoutMillis + " ms", null);
        }
        if (!future.isConnected()) {
            Throwable cause = future.getException();
            throw new ConnectFailedException(classify(cause), "cannot connect to " + address + ": "
                    + (cause == null ? "unknown error" : cause.getMessage()), cause);
        }
        XmppSession session = (XmppSession) future.getSession().getAttribute(SESSION);
        session.recordEvent("connected to " + address);
        return session;
    }

    private static ConnectFailedException.Reason classify(Throwable cause) {
        if (cause instanceof ConnectException && !(cause instanceof NoRouteToHostException)) {
            return ConnectFailedException.Reason.REFUSED;
        }
        if (cause instanceof UnknownHostException) {
            return ConnectFailedException.Reason.UNKNOWN_HOST;
        }
        return ConnectFailedException.Reason.NETWORK;
    }

    /** Stops the I/O threads. Sessions still open are dropped. */
    @Override
    public void close() {
        connector.dispose(false);
        writers.shutdown();
    }

    /** Routes MINA's callbacks to the session they belong to. */
    private static final class Dispatcher extends IoHandlerAdapter {
        private static XmppSession of(IoSession io) {
            return (XmppSession) io.getAttribute(SESSION);
        }

        @Override
        public void messageReceived(IoSession io, Object message) {
            XmppSession s = of(io);
            if (s != null && message instanceof StreamEvent event) {
                s.onStreamEvent(event);
            }
        }

        @Override
        public void sessionClosed(IoSession io) {
            XmppSession s = of(io);
            if (s != null) {
                s.onTransportClosed();
            }
        }

        @Override
        public void exceptionCaught(IoSession io, Throwable cause) {
            XmppSession s = of(io);
            if (s != null) {
                s.onTransportError(cause);
            } else {
                io.closeNow();
            }
        }
    }
}
