package org.xmppcert.xmpp.session;

import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamErrorCondition;
import org.xmppcert.xmpp.stream.StreamEvent;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.stream.XmppStreamCodec;
import org.xmppcert.xmpp.transcript.Direction;
import org.xmppcert.xmpp.transcript.Redactor;
import org.xmppcert.xmpp.transcript.TranscriptEntry;
import org.xmppcert.xmpp.transcript.TranscriptListener;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.NamespaceScope;
import org.xmppcert.xmpp.xml.XmlWriter;

/**
 * One client connection and the XML streams on it, driven step by step: open a stream, send,
 * wait for what must come back, restart, close. The negotiation ({@link SessionNegotiator}) and
 * the harness's scenarios are built on these steps.
 *
 * <p>What arrives is kept in a bounded queue until a {@link #waitFor waiter} takes it or a
 * {@link #addHandler handler} consumes it on arrival. Every wait has a bound; when the stream
 * ends, waiters fail at once with the typed cause ({@link StreamErrorException},
 * {@link MalformedStreamException}, {@link ConnectionLostException}).
 *
 * <p>The session answers the peer as RFC 6120 requires without being asked: a received stream
 * error or closing tag is answered with our closing tag (§4.9.1.1, §4.4); data that breaks XML or
 * XMPP's restrictions is answered with the matching stream error (§11).
 *
 * <p>Thread-safe. Handlers and transcript listeners run on the I/O thread and must not block.
 */
public final class XmppSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XmppSession.class);

    private final IoSession io;
    private final String domain;
    private final SessionOptions options;
    private final StanzaIds ids = new StanzaIds();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
    private volatile Jid localJid;

    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Every write of this session runs here, one at a time and in order. The filter chain below
     * the codec is not safe for two threads writing at once: an automatic answer sent by a
     * handler on the I/O thread (a pong, a push acknowledgement) racing the caller's next request
     * interleaved inside TLS and the server failed the stream with {@code bad_record_mac}. And the
     * I/O thread must never write itself: it holds the TLS filter while it delivers what it read,
     * so waiting there for a writer would deadlock.
     */
    private final SerialExecutor writer;
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Element> queue = new ArrayDeque<>();
    private long queuedChars;
    private long dropped;
    private StreamHeader peerHeader;
    private int peerHeaderCount;
    private int restarts;
    private XmppException ended;
    private boolean peerClosedStream;
    private boolean weClosedStream;
    private boolean transportClosed;

    private volatile StreamHeader ourHeader;
    private volatile NamespaceScope outScope = NamespaceScope.EMPTY;
    private volatile NamespaceScope inScope = NamespaceScope.EMPTY;
    private volatile WriteFuture lastWrite;

    XmppSession(IoSession io, String domain, SessionOptions options, java.util.concurrent.Executor writers) {
        this.writer = new SerialExecutor(writers);
        this.io = Objects.requireNonNull(io, "io");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The XMPP domain this session talks to. */
    public String domain() {
        return domain;
    }

    public SessionOptions options() {
        return options;
    }

    /** The remote socket address. */
    public SocketAddress remoteAddress() {
        return io.getRemoteAddress();
    }

    /** The MINA session, for inserting the TLS and compression filters below the codec. */
    public IoSession ioSession() {
        return io;
    }

    /** A fresh stanza id, unique within this session. */
    public String nextId() {
        return ids.next();
    }

    // ---------------------------------------------------------------- streams

    /**
     * Sends a stream header (RFC 6120 §4.2), preceded by an XML declaration (§11.5). Stanzas
     * sent afterwards are written relative to its namespaces.
     */
    public void openStream(StreamHeader header) throws XmppException {
        ourHeader = header;
        outScope = header.scope();
        String xml = header.toXml();
        write(xml, options.masker().mask(xml));
    }

    /** The header we sent last, or {@code null}. */
    public StreamHeader ourHeader() {
        return ourHeader;
    }

    /**
     * Waits for the peer's stream header of the current stream (the one after the latest
     * {@link #restartStream()}).
     */
    public StreamHeader awaitStreamHeader(Duration timeout) throws XmppException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (peerHeaderCount <= restarts) {
                if (ended != null) {
                    throw ended;
                }
                if (!awaitUntil(deadline)) {
                    throw new ResponseTimeoutException("stream header from the server", timeout);
                }
            }
            return peerHeader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmppException("interrupted while waiting for the stream header", e);
        } finally {
            lock.unlock();
        }
    }

    /** The peer's header of the current stream, or {@code null} before it arrived. */
    public StreamHeader peerHeader() {
        lock.lock();
        try {
            return peerHeaderCount > restarts ? peerHeader : null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next {@code <stream:features/>} (RFC 6120 §4.3.2). */
    public StreamFeatures awaitFeatures(Duration timeout) throws XmppException {
        return new StreamFeatures(waitFor(StreamFeatures::isFeatures, timeout, "stream features"));
    }

    /**
     * Prepares a stream restart (RFC 6120 §4.3.3): the codec starts a new XML document, and
     * elements of the old stream still queued are discarded, as are bytes the server sent after
     * the restart point (recorded in the transcript as the violation they are). Call it after
     * inserting any new filter and before sending the new header.
     */
    public void restartStream() {
        lock.lock();
        try {
            restarts++;
            queue.clear();
            queuedChars = 0;
        } finally {
            lock.unlock();
        }
        long discarded = XmppStreamCodec.restart(io);
        recordEvent(discarded == 0 ? "stream restart" : "stream restart; discarded " + discarded
                + " bytes the server sent before our new stream header (RFC 6120 §4.3.3 forbids that)");
    }

    /** How many times the stream was restarted. */
    public int restarts() {
        lock.lock();
        try {
            return restarts;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- sending

    /** Sends an element on the current stream. */
    public void send(Element element) throws XmppException {
        String xml = XmlWriter.toXml(element, outScope);
        write(xml, render(element, outScope));
    }

    /**
     * Sends text as it is, well-formed or not: for tests that must send what a conforming
     * client never would. Recorded in the transcript with secrets masked.
     */
    public void sendRaw(String text) throws XmppException {
        write(text, options.masker().mask(text));
    }

    /**
     * Sends an IQ request and waits for its response: an IQ of type result or error with the
     * same id (RFC 6120 §8.2.3). The id is added when the request has none.
     *
     * @return the response, of type result or error
     */
    public Element request(Element iq, Duration timeout) throws XmppException {
        if (!iq.is("iq", XmppNamespaces.CLIENT)) {
            throw new IllegalArgumentException("not an IQ stanza: " + iq.qualifiedName());
        }
        String id = iq.attribute("id");
        Element toSend = id == null ? iq.toBuilder().attribute("id", id = nextId()).build() : iq;
        final String expectedId = id;
        String to = toSend.attribute("to");
        send(toSend);
        return waitFor(e -> e.is("iq", XmppNamespaces.CLIENT) && expectedId.equals(e.attribute("id"))
                        && ("result".equals(e.attribute("type")) || "error".equals(e.attribute("type")))
                        && isFromAddressee(e.attribute("from"), to),
                timeout, "response to IQ " + expectedId + (to == null ? "" : " from " + to));
    }

    /**
     * Whether a response comes from the entity the request went to (RFC 6120 §8.2.3): a reply
     * with the right id from anyone else is not the answer, whoever sent it (a spoofing risk
     * clients are known to fall for). A request without {@code to} is handled by the server on
     * behalf of the account (§10.3.3), which answers without {@code from} or from the account's
     * bare or full JID, or, in practice, from its domain.
     */
    boolean isFromAddressee(String from, String to) {
        if (to == null) {
            if (from == null) {
                return true;
            }
            Jid self = localJid;
            Optional<Jid> f = Jid.tryParse(from);
            return f.isPresent() && (self == null ? f.get().domain().equals(domain)
                    : f.get().equals(self) || f.get().equals(self.bare()) || f.get().equals(Jid.of(self.domain())));
        }
        if (from == null) {
            // The server answers for the account with no 'from' when the request went to our bare JID.
            Jid self = localJid;
            return self != null && Jid.tryParse(to).map(t -> t.equals(self.bare())).orElse(false);
        }
        Optional<Jid> f = Jid.tryParse(from);
        Optional<Jid> t = Jid.tryParse(to);
        return f.isPresent() && t.isPresent() ? f.get().equals(t.get()) : from.equals(to);
    }

    /** Waits (bounded) until everything written so far has been handed to the network. */
    public void flush(Duration timeout) throws XmppException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.concurrent.CompletableFuture<Void> queued = new java.util.concurrent.CompletableFuture<>();
        writer.execute(() -> queued.complete(null));
        try {
            queued.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new ResponseTimeoutException("the writes queued so far", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XmppException("interrupted while flushing", e);
        }
        WriteFuture f = lastWrite;
        long left = Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        if (f != null && !f.awaitUninterruptibly(left)) {
            throw new ResponseTimeoutException("completion of the last write", timeout);
        }
    }

    /**
     * Queues a write on the session's writer. The state is checked now, so that writing after the
     * stream ended fails at once; the transcript records the write when it is handed to the
     * chain, before the peer can answer it.
     */
    private void write(Object message, String recorded) throws XmppException {
        lock.lock();
        try {
            if (transportClosed || weClosedStream) {
                throw notWritable();
            }
        } finally {
            lock.unlock();
        }
        writer.execute(() -> handToChain(message, recorded));
    }

    private void handToChain(Object message, String recorded) {
        if (!io.isConnected()) {
            return; // the connection went while this write waited; the end is already recorded
        }
        record(Direction.OUT, recorded);
        lastWrite = io.write(message);
    }

    /** Why nothing more may be written: the connection is gone, or our closing tag went out (§4.4). */
    private XmppException notWritable() {
        if (ended != null) {
            return ended;
        }
        return new ConnectionLostException(transportClosed ? "the connection is closed"
                : "we closed our stream; nothing more may be sent on it (RFC 6120 §4.4)", peerClosedStream, null);
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Takes the first queued element that matches, waiting for it within the bound. Elements that
     * do not match stay queued for other waiters.
     *
     * @param what describes what is awaited, for the timeout message
     * @throws ResponseTimeoutException when nothing matched within the bound
     * @throws XmppException the cause of the stream's end when it ended with nothing matching
     */
    public Element waitFor(Predicate<Element> match, Duration timeout, String what) throws XmppException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Element e = takeFirst(match);
                if (e != null) {
                    return e;
                }
                if (ended != null) {
                    throw ended;
                }
                if (!awaitUntil(deadline)) {
                    throw new ResponseTimeoutException(what, timeout);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new XmppException("interrupted while waiting for " + what, ex);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first queued element that matches, without waiting. */
    public Optional<Element> poll(Predicate<Element> match) {
        lock.lock();
        try {
            return Optional.ofNullable(takeFirst(match));
        } finally {
            lock.unlock();
        }
    }

    /** Takes every queued element. */
    public List<Element> drain() {
        lock.lock();
        try {
            List<Element> out = new ArrayList<>(queue);
            queue.clear();
            queuedChars = 0;
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** How many received elements were dropped because the queue was full. */
    public long droppedElements() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers a handler that consumes matching elements as they arrive: they are not queued.
     * Handlers run on the I/O thread in registration order; the first match consumes. A stream
     * error is never offered to handlers: it ends the stream and stays queued as evidence.
     */
    public Registration addHandler(Predicate<Element> match, Consumer<Element> handler) {
        Handler h = new Handler(match, handler, true);
        handlers.add(h);
        return () -> handlers.remove(h);
    }

    /**
     * Registers a listener that sees matching elements as they arrive without consuming them:
     * they are still offered to later handlers and queued for waiters. Automatic behaviour that
     * a scenario must still be able to observe (answering pings, acknowledging roster pushes)
     * is built on listeners. Same threading rules as handlers; stream errors are not offered.
     */
    public Registration addListener(Predicate<Element> match, Consumer<Element> listener) {
        Handler h = new Handler(match, listener, false);
        handlers.add(h);
        return () -> handlers.remove(h);
    }

    /**
     * The session's instance of a per-session service (a roster, an IQ router…), created on
     * first use. Lets protocol packages attach themselves to a session without the session
     * knowing them.
     */
    public <T> T extension(Class<T> type, java.util.function.Function<XmppSession, T> create) {
        // Not computeIfAbsent: a manager's constructor may itself ask for another extension
        // (a roster needs the IQ router), which ConcurrentHashMap refuses as a recursive update.
        synchronized (extensions) {
            Object existing = extensions.get(type);
            if (existing != null) {
                return type.cast(existing);
            }
            T created = create.apply(this);
            Object raced = extensions.putIfAbsent(type, created);
            return type.cast(raced != null ? raced : created);
        }
    }

    /** The full JID bound to this stream (RFC 6120 §7), once binding succeeded; else {@code null}. */
    public Jid localJid() {
        return localJid;
    }

    /** Records the JID the server bound, for addressing checks of later stanzas. */
    public void setLocalJid(Jid jid) {
        this.localJid = jid;
    }

    private Element takeFirst(Predicate<Element> match) {
        for (Iterator<Element> it = queue.iterator(); it.hasNext(); ) {
            Element e = it.next();
            if (match.test(e)) {
                it.remove();
                queuedChars -= e.approximateSize();
                return e;
            }
        }
        return null;
    }

    private boolean awaitUntil(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        changed.awaitNanos(left);
        return true;
    }

    // ---------------------------------------------------------------- end of the stream

    /** Whether the stream is still usable: no error, no close, connection up. */
    public boolean isOpen() {
        lock.lock();
        try {
            return ended == null && !transportClosed;
        } finally {
            lock.unlock();
        }
    }

    /** Why the session ended, if it has. */
    public Optional<XmppException> endCause() {
        lock.lock();
        try {
            return Optional.ofNullable(ended);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the stream with the handshake of RFC 6120 §4.4: sends our closing tag, waits within
     * the bound for the peer's, then closes TCP.
     */
    public CloseOutcome close(Duration timeout) {
        StreamHeader header = ourHeader;
        StreamHeader peer;
        lock.lock();
        try {
            // Ended (by a stream error, a closing tag, malformed data or an earlier close) means
            // the handshake already happened or cannot: the TCP close is already under way.
            if (transportClosed || ended != null) {
                return CloseOutcome.ALREADY_CLOSED;
            }
            peer = peerHeader;
        } finally {
            lock.unlock();
        }
        // A stream opened by raw text (a scenario's malformed or version-less header) has no
        // header of ours, but the peer's answer tells the stream is open: close it in the peer's
        // form. With no stream at all, waiting for the peer's closing tag would only run out the
        // bound: nothing we sent asks for one.
        StreamHeader closeAs = header != null ? header : peer;
        if (closeAs == null) {
            lock.lock();
            try {
                if (ended == null) {
                    ended = new ConnectionLostException("the session was closed", false, null);
                }
            } finally {
                lock.unlock();
            }
            writer.execute(io::closeNow);
            return CloseOutcome.NO_STREAM;
        }
        try {
            sendClosingTag(closeAs);
        } catch (XmppException e) {
            return CloseOutcome.ALREADY_CLOSED;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!peerClosedStream && !transportClosed) {
                if (!awaitUntil(deadline)) {
                    break;
                }
            }
            CloseOutcome outcome = peerClosedStream ? CloseOutcome.PEER_CLOSED_STREAM
                    : transportClosed ? CloseOutcome.PEER_CLOSED_CONNECTION_ONLY : CloseOutcome.TIMED_OUT;
            if (ended == null) {
                ended = new ConnectionLostException("the session was closed", peerClosedStream, null);
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CloseOutcome.TIMED_OUT;
        } finally {
            lock.unlock();
            writer.execute(io::closeNow); // after our closing tag, which may still be queued
        }
    }

    /** Closes with the handshake, bounded by the reply timeout. */
    @Override
    public void close() {
        close(options.replyTimeout());
    }

    /** Drops the TCP connection at once, without a closing tag. */
    public void abort() {
        recordEvent("connection aborted");
        io.closeNow();
    }

    private void sendClosingTag(StreamHeader header) throws XmppException {
        lock.lock();
        try {
            if (weClosedStream) {
                return;
            }
            if (transportClosed) {
                throw notWritable();
            }
            weClosedStream = true;
        } finally {
            lock.unlock();
        }
        String tag = header.closingTag();
        writer.execute(() -> handToChain(tag, options.masker().mask(tag)));
    }

    // ---------------------------------------------------------------- filters

    /** Adds a filter at the bottom of the chain: TLS after {@code <proceed/>} (RFC 6120 §5.4.3.3). */
    public void addFilterFirst(String name, IoFilter filter) {
        io.getFilterChain().addFirst(name, filter);
    }

    // ---------------------------------------------------------------- from the I/O thread

    void onStreamEvent(StreamEvent event) {
        if (event instanceof StreamEvent.Opened opened) {
            onHeader(opened.header());
        } else if (event instanceof StreamEvent.Received received) {
            if (options.inboundTamper() == null) {
                onElement(received.element());
            } else {
                options.inboundTamper().apply(received.element()).forEach(this::onElement);
            }
        } else if (event instanceof StreamEvent.Closed) {
            onPeerClosedStream();
        } else if (event instanceof StreamEvent.Malformed malformed) {
            onMalformed(malformed);
        }
    }

    private void onHeader(StreamHeader header) {
        inScope = header.scope();
        record(Direction.IN, options.masker().mask(XmlWriter.startTag(header.root(), NamespaceScope.EMPTY)));
        lock.lock();
        try {
            peerHeader = header;
            peerHeaderCount = restarts + 1;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onElement(Element element) {
        record(Direction.IN, render(element, inScope));
        boolean streamError = StreamError.isStreamError(element);
        // A stream error ends the stream whatever the handlers match: never offered to them.
        for (Handler h : streamError ? List.<Handler>of() : handlers) {
            if (h.match.test(element)) {
                try {
                    h.consumer.accept(element);
                } catch (RuntimeException e) {
                    LOG.warn("a stanza handler failed: {}", e.toString());
                    recordEvent("a handler failed on this element: " + e);
                }
                if (h.consumes) {
                    return;
                }
            }
        }
        lock.lock();
        try {
            enqueue(element);
            if (streamError && ended == null) {
                ended = new StreamErrorException(StreamError.parse(element));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (streamError) {
            // RFC 6120 §4.9.1.1: the receiver of a stream error closes the stream.
            answerEndOfStream();
        }
    }

    private void enqueue(Element element) {
        queue.addLast(element);
        queuedChars += element.approximateSize();
        while (queue.size() > 1 && (queue.size() > options.maxQueuedElements()
                || queuedChars > options.maxQueuedChars())) {
            Element old = queue.removeFirst();
            queuedChars -= old.approximateSize();
            dropped++;
        }
    }

    private void onPeerClosedStream() {
        record(Direction.IN, peerHeaderClosingTag());
        lock.lock();
        try {
            peerClosedStream = true;
            if (ended == null) {
                ended = new ConnectionLostException("the server closed the stream", true, null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        answerEndOfStream();
    }

    private String peerHeaderClosingTag() {
        StreamHeader h = peerHeader;
        return h == null ? "</stream:stream>" : h.closingTag();
    }

    private void onMalformed(StreamEvent.Malformed malformed) {
        StreamErrorCondition condition = StreamErrorCondition.forViolation(malformed.error().violation());
        recordEvent("unacceptable data from the server: " + options.masker().mask(malformed.error().toString())
                + "; last bytes read: " + options.masker().mask(malformed.error().recentInput()));
        lock.lock();
        try {
            if (ended == null) {
                ended = new MalformedStreamException(malformed.error(), condition);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        StreamHeader header = ourHeader;
        try {
            if (header != null) {
                send(StreamError.of(condition, null).element());
                sendClosingTag(header);
            }
        } catch (XmppException e) {
            LOG.debug("could not send the stream error: {}", e.getMessage());
        }
        writer.execute(io::closeOnFlush);
    }

    /** Sends our closing tag in answer to the peer's (or to its stream error), then closes TCP. */
    private void answerEndOfStream() {
        StreamHeader header = ourHeader;
        try {
            if (header != null) {
                sendClosingTag(header);
            }
        } catch (XmppException e) {
            LOG.debug("could not send the closing tag: {}", e.getMessage());
        }
        writer.execute(io::closeOnFlush);
    }

    void onTransportClosed() {
        recordEvent("connection closed");
        lock.lock();
        try {
            transportClosed = true;
            if (ended == null) {
                ended = new ConnectionLostException("the server closed the connection"
                        + (peerClosedStream ? "" : " without closing the stream"), peerClosedStream, null);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void onTransportError(Throwable cause) {
        recordEvent("transport error: " + options.masker().mask(String.valueOf(cause)));
        lock.lock();
        try {
            if (ended == null) {
                ended = new ConnectionLostException("transport error: " + cause.getMessage(), peerClosedStream, cause);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        io.closeNow();
    }

    // ---------------------------------------------------------------- transcript

    /** Adds a local event to the transcript (secrets masked). */
    public void recordEvent(String text) {
        record(Direction.EVENT, options.masker().mask(text));
    }

    private String render(Element element, NamespaceScope scope) {
        return options.masker().mask(XmlWriter.toXml(Redactor.redact(element), scope));
    }

    private void record(Direction direction, String text) {
        List<TranscriptListener> listeners = options.listeners();
        if (listeners.isEmpty()) {
            return;
        }
        TranscriptEntry entry = new TranscriptEntry(Instant.now(), direction, text);
        for (TranscriptListener l : listeners) {
            try {
                l.onEntry(entry);
            } catch (RuntimeException e) {
                LOG.warn("a transcript listener failed: {}", e.toString());
            }
        }
    }

    private record Handler(Predicate<Element> match, Consumer<Element> consumer, boolean consumes) {
    }
}
