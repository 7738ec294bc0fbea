package org.xmppcert.xmpp.tls;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRejectedException;
import org.apache.mina.core.write.WriteToClosedSessionException;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's TLS layer for STARTTLS (RFC 6120 §5.4.3; RFC 3920 §5): MINA's
 * {@link org.apache.mina.filter.ssl.SslFilter} in client mode, with the engine aimed at the XMPP domain and the
 * certificate judged by an {@link XmppTrustManager}.
 *
 * <p>Life cycle, one filter per connection:
 * <ol>
 *   <li>The session layer receives {@code <proceed/>} and adds the filter in front of
 *       everything: {@code session.getFilterChain().addFirst(XmppTlsFilter.NAME, filter)}.
 *       Adding it sends the ClientHello at once (RFC 6120 §5.4.2.3: negotiation begins right
 *       after the {@code '>'} of {@code <proceed/>}). If even that fails (no protocol
 *       version the JVM allows, say), {@code addFirst} throws MINA's
 *       {@code IoFilterLifeCycleException}, the filter is not added, {@link #handshake()}
 *       fails and the session is closed.</li>
 *   <li>The server's certificate is judged inside the handshake; a rejection aborts it
 *       before any application data leaves the client.</li>
 *   <li>Success: {@link #handshake()} completes with a {@link TlsInfo}, which carries the
 *       channel bindings the engine exported at that moment (Bouncy Castle's only:
 *       {@link ChannelBindings#exportedBy}), then the handler's
 *       {@code event(session, SslEvent.SECURED)} is called, always before the first
 *       decrypted byte reaches the chain above. The session layer restarts the stream
 *       (RFC 6120 §5.3.2).</li>
 *   <li>Failure: {@link #handshake()} completes exceptionally with a
 *       {@link CertificateRejectedException} or another {@link TlsFailureException}; the
 *       handler's {@code exceptionCaught} receives that same typed exception (the JSSE
 *       exception is its cause), and the filter closes the session (RFC 6120 §13.7.2:
 *       "unilaterally terminate the session").</li>
 *   <li>A TLS failure after SECURED (a TLS 1.3 server refusing the client certificate
 *       does it then) reaches {@code exceptionCaught} as a {@link TlsFailureException} too,
 *       and the session is closed likewise.</li>
 * </ol>
 *
 * <p>Easy to get wrong: the handshake runs on the session's I/O thread, the thread that
 * calls the IoHandler. Never block on {@link #handshake()} inside an IoHandler callback
 * (that includes the {@code messageReceived} that saw {@code <proceed/>}); chain on the
 * future, or wait from another thread with a timeout.
 *
 * <p>Writes made before the handshake completes are held back and sent encrypted after it;
 * if it fails they are dropped, never sent in clear.
 */
public final class XmppTlsFilter extends ClosingSafeSslFilter {

    /** The name under which the session layer adds the filter. */
    public static final String NAME = "tls";

    private static final Logger LOG = LoggerFactory.getLogger(XmppTlsFilter.class);

    private final TlsClientConfig config;
    private final XmppTrustManager trustManager;
    private final ReferenceIdentity reference;
    private final CompletableFuture<TlsInfo> handshake = new CompletableFuture<>();
    private final AtomicReference<IoSession> boundSession = new AtomicReference<>();
    /** The engine of our one connection: the channel bindings are read from it when the handshake completes. */
    private final AtomicReference<SSLEngine> engine = new AtomicReference<>();
    private final AtomicBoolean securedSignalled = new AtomicBoolean();
    private volatile Throwable reportedFailure;

    private XmppTlsFilter(TlsClientConfig config, XmppTrustManager trustManager) {
        super(TlsContexts.client(trustManager, config.clientCertificate(), config.implementation()));
        this.config = config;
        this.trustManager = trustManager;
        this.reference = ReferenceIdentity.of(config.trustPolicy().domain());
    }

    /** A filter with the default versions and no client certificate. */
    public static XmppTlsFilter forClient(TrustPolicy trustPolicy) {
        return forClient(TlsClientConfig.of(trustPolicy));
    }

    public static XmppTlsFilter forClient(TlsClientConfig config) {
        return new XmppTlsFilter(config, new XmppTrustManager(config.trustPolicy()));
    }

    /**
     * Completes when the handshake does: normally with the {@link TlsInfo}, exceptionally
     * with a {@link TlsFailureException}. It has no timeout of its own; bound the wait, e.g.
     * {@code handshake().orTimeout(10, SECONDS)}, and close the session if it expires.
     *
     * <p>Each call returns a new future, so a caller's timeout or cancellation does not
     * reach the filter's own state; it fails with the {@link TlsFailureException} itself, not
     * wrapped in a {@code CompletionException}. It completes before the handler's
     * {@code event(SECURED)} is called.
     */
    public CompletableFuture<TlsInfo> handshake() {
        CompletableFuture<TlsInfo> view = new CompletableFuture<>();
        handshake.whenComplete((info, failure) -> {
            if (failure != null) {
                view.completeExceptionally(failure);
            } else {
                view.complete(info);
            }
        });
        return view;
    }

    /** The verdict on the server's certificate, once the handshake got that far. */
    public Optional<CertificateVerdict> verdict() {
        return trustManager.verdict();
    }

    public TlsClientConfig config() {
        return config;
    }

    /**
     * Our trust manager does the RFC 6120 §13.7.2.1 identity check; a JSSE endpoint
     * identification algorithm would be ignored by it, so setting one is refused rather
     * than silently ineffective.
     */
    @Override
    public void setEndpointIdentificationAlgorithm(String identificationAlgorithm) {
        throw new UnsupportedOperationException("XmppTlsFilter verifies the XMPP domain itself (RFC 6120 §13.7.2.1)");
    }

    /**
     * The engine addresses the XMPP domain, not the host the connection went to (RFC 3920
     * §5.1 rule 8; RFC 6120 §13.7.2.1), and sends it as SNI (RFC 6120 §5.4.3.1 rule 4)
     * unless it is an IP literal, for which RFC 6066 §3 forbids SNI.
     */
    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress remote) {
        int port = remote == null ? -1 : remote.getPort();
        SSLEngine engine = sslContext.createSSLEngine(reference.ascii(), port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(config.protocols().toArray(String[]::new));
        if (enabledCipherSuites != null) {
            parameters.setCipherSuites(enabledCipherSuites);
        }
        List<SNIServerName> serverNames = reference.serverNameIndication()
                .<List<SNIServerName>>map(name -> List.of(new SNIHostName(name)))
                .orElse(List.of());
        parameters.setServerNames(serverNames);
        parameters.setEndpointIdentificationAlgorithm(null);
        engine.setSSLParameters(parameters);
        this.engine.set(engine);
        LOG.debug("{} TLS engine for {} port {}, protocols {}, SNI {}", config.implementation(), reference.ascii(), port,
                config.protocols(), serverNames);
        return engine;
    }

    @Override
    public void onPreAdd(IoFilterChain parent, String name, NextFilter next) throws Exception {
        IoSession session = parent.getSession();
        if (!boundSession.compareAndSet(null, session) && boundSession.get() != session) {
            throw new IllegalStateException("an XmppTlsFilter serves one connection; make a new one per connection");
        }
        super.onPreAdd(parent, name, next);
    }

    @Override
    public void onPostAdd(IoFilterChain parent, String name, NextFilter next) throws Exception {
        try {
            super.onPostAdd(parent, name, new SecuredSignal(next));
        } catch (Exception | Error e) {
            // MINA removes the filter again and throws to the caller of addFirst; the
            // stream is committed to TLS by <proceed/>, so the connection is of no further use.
            TlsFailureException failure = failure(e);
            handshake.completeExceptionally(failure);
            parent.getSession().closeNow();
            throw e;
        }
    }

    @Override
    public void onPreRemove(IoFilterChain parent, String name, NextFilter next) throws Exception {
        super.onPreRemove(parent, name, new SecuredSignal(next));
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        super.sessionOpened(new SecuredSignal(next), session);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        // MINA 2.2.5's handler forwards encrypted records outside its own lock, from the reading
        // thread and from writing threads alike: two of them at once can hand records to the socket
        // out of order, and the peer fails the stream with bad_record_mac. One lock per connection
        // (the filter's, which SslFilter's own open and close already take) keeps them in order.
        synchronized (this) {
            super.messageReceived(new SecuredSignal(next), session, message);
        }
    }

    @Override
    public void messageSent(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        // The acknowledgement of a written record lets MINA flush the next ones from here, on the
        // I/O thread: the same forwarding as in filterWrite, under the same lock.
        synchronized (this) {
            super.messageSent(new SecuredSignal(next), session, request);
        }
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        synchronized (this) {
            super.filterWrite(new SecuredSignal(next), session, request);
        }
    }

    /**
     * MINA's SslFilter rethrows a handshake failure from {@code messageReceived}; the chain
     * turns it into this call. MINA itself would leave the session open.
     */
    @Override
    public void exceptionCaught(NextFilter next, IoSession session, Throwable cause) throws Exception {
        if (cause == reportedFailure) {
            // MINA 2.2.5 rethrows a failed handshake's exception from every later call (see
            // ClosingSafeSslFilter); the session layer has had it once, typed.
            LOG.debug("repeated TLS failure suppressed: {}", cause.getMessage());
            return;
        }
        if (handshake.isDone()) {
            if (!handshake.isCompletedExceptionally() && cause instanceof SSLException) {
                // The TLS layer died after SECURED, e.g. a TLS 1.3 server refusing our client
                // certificate: it can only say so after the client has finished its handshake.
                reportedFailure = cause;
                session.closeOnFlush();
                next.exceptionCaught(session, new TlsFailureException(
                        "TLS with " + reference.given() + " failed after negotiation: " + reasonOf(cause), cause));
                return;
            }
            next.exceptionCaught(session, cause);
            return;
        }
        TlsFailureException failure = failure(cause);
        reportedFailure = cause;
        handshake.completeExceptionally(failure);
        LOG.debug("TLS negotiation with {} failed: {}", reference.given(), failure.getMessage());
        // On flush: the TLS alert the engine produced is still queued and the server should get it.
        session.closeOnFlush();
        next.exceptionCaught(session, failure);
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        if (!handshake.isDone()) {
            handshake.completeExceptionally(new TlsFailureException(
                    "the connection to " + reference.given() + " closed during TLS negotiation", null));
        }
        super.sessionClosed(new SecuredSignal(next), session);
    }

    private TlsFailureException failure(Throwable cause) {
        if (cause instanceof TlsFailureException typed) {
            return typed;
        }
        Optional<CertificateVerdict> verdict = trustManager.verdict();
        if (verdict.isPresent() && !verdict.get().trusted() && verdict.get().enforced()) {
            return new CertificateRejectedException(verdict.get(), cause);
        }
        return new TlsFailureException("TLS negotiation with " + reference.given() + " failed: " + reasonOf(cause),
                cause);
    }

    private static String reasonOf(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /**
     * Completes {@link #handshake()} exactly once. Returns whether SECURED may be passed on:
     * not when a handshake ended without our trust manager being asked (a resumed session,
     * which {@link TlsContexts#client} rules out), because nothing would then have judged
     * the certificate.
     */
    private boolean onSecured(IoSession session) {
        if (!securedSignalled.compareAndSet(false, true)) {
            return false;
        }
        SSLSession sslSession = (SSLSession) session.getAttribute(SSL_SECURED);
        Optional<CertificateVerdict> verdict = trustManager.verdict();
        if (sslSession == null || verdict.isEmpty()) {
            TlsFailureException failure = new TlsFailureException(
                    "the TLS handshake with " + reference.given() + " ended without a certificate check", null);
            handshake.completeExceptionally(failure);
            session.closeNow();
            return false;
        }
        // Read now, from the engine that did this handshake: SASL runs right after it, and
        // tls-unique is the first Finished of the most recent handshake (RFC 5929 §3). This
        // client never renegotiates, so the value stays the connection's.
        TlsInfo info = TlsInfo.ofClientSession(sslSession, verdict.get(),
                ChannelBindings.exportedBy(engine.get(), sslSession.getProtocol()));
        LOG.debug("TLS established with {}: {}", reference.given(), info);
        handshake.complete(info);
        return true;
    }

    /**
     * Stands between MINA's SslFilter and the rest of the chain. MINA forwards the data
     * decrypted from a read before the SECURED event of that same read (SSLHandlerG1
     * {@code receive}: {@code forward_received} then {@code forward_events}); this passes
     * SECURED first, so the session layer never sees data of the new stream while it still
     * believes it is on the old one.
     */
    private final class SecuredSignal implements NextFilter {
        private final NextFilter next;

        SecuredSignal(NextFilter next) {
            this.next = next;
        }

        @Override
        public void event(IoSession session, FilterEvent event) {
            if (event != SslEvent.SECURED || onSecured(session)) {
                next.event(session, event);
            }
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            if (!securedSignalled.get() && session.getAttribute(SSL_SECURED) != null && onSecured(session)) {
                next.event(session, SslEvent.SECURED);
            }
            next.messageReceived(session, message);
        }

        @Override
        public void sessionCreated(IoSession session) {
            next.sessionCreated(session);
        }

        @Override
        public void sessionOpened(IoSession session) {
            next.sessionOpened(session);
        }

        @Override
        public void sessionClosed(IoSession session) {
            next.sessionClosed(session);
        }

        @Override
        public void sessionIdle(IoSession session, IdleStatus status) {
            next.sessionIdle(session, status);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            if (cause instanceof WriteRejectedException rejected) {
                // Writes held back when the session closes (after a failed handshake, say):
                // MINA drops them without completing their futures, which would leave a
                // caller waiting on them until its own timeout.
                for (WriteRequest request : rejected.getRequests()) {
                    request.getFuture().setException(rejected);
                }
            }
            next.exceptionCaught(session, cause);
        }

        @Override
        public void inputClosed(IoSession session) {
            next.inputClosed(session);
        }

        @Override
        public void messageSent(IoSession session, WriteRequest writeRequest) {
            next.messageSent(session, writeRequest);
        }

        @Override
        public void filterWrite(IoSession session, WriteRequest writeRequest) {
            if (!session.isConnected() && handshake.isCompletedExceptionally()) {
                // Bouncy Castle fails inside unwrap() and leaves its fatal alert queued in the
                // engine; MINA wraps it only in sessionClosed, when nothing can be written any
                // more. Passed on, it would come back as a WriteToClosedSessionException after
                // the handler's sessionClosed. The layer above has had the TLS failure, typed.
                LOG.debug("TLS record after the failed handshake's connection closed: not sent");
                writeRequest.getFuture().setException(new WriteToClosedSessionException(writeRequest));
                return;
            }
            next.filterWrite(session, writeRequest);
        }

        @Override
        public void filterClose(IoSession session) {
            next.filterClose(session);
        }
    }
}
