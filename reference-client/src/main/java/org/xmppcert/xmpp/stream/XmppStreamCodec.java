package org.xmppcert.xmpp.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.filterchain.IoFilterChain;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.xmppcert.xmpp.xml.Element;
import org.xmppcert.xmpp.xml.XmlLimits;
import org.xmppcert.xmpp.xml.XmlStreamError;
import org.xmppcert.xmpp.xml.XmlStreamListener;
import org.xmppcert.xmpp.xml.XmlStreamParser;

/**
 * The MINA filter between bytes and XML streams. Upwards it turns received bytes into
 * {@link StreamEvent}s; downwards it encodes XML text ({@code String}) as UTF-8 (RFC 6120 §11.6)
 * and passes raw {@code byte[]} unchanged (a test harness sometimes must send malformed data).
 *
 * <p>Life cycle of one connection:
 * <ol>
 * <li>Added to the chain: a parser for the first stream is ready.</li>
 * <li>An initiating entity receives {@code <proceed/>} (TLS), {@code <success/>} (SASL) or
 * {@code <compressed/>} (XEP-0138): that element ends the current XML document. The codec stops
 * parsing and counts any further bytes without parsing them: the peer may not send anything
 * before our new stream header (RFC 6120 §4.3.3, §5.4.3.3, §6.4.6; XEP-0138 §2).</li>
 * <li>The owner inserts the TLS or compression filter below this one if needed, then calls
 * {@link #restart(IoSession)} before sending its new stream header: a fresh parser takes over.
 * Bytes that came in between are discarded, never parsed into the new stream: after
 * {@code <proceed/>} they were sent in the clear, and parsing them as if protected by TLS is
 * the STARTTLS injection attack. {@code restart} returns how many there were, as evidence.</li>
 * </ol>
 * A receiving entity (the mock server) calls {@link #restart(IoSession)} itself right before it
 * sends {@code <success/>} or {@code <proceed/>}, since the next bytes belong to a new document.
 *
 * <p>Events are passed up on the I/O thread, in stream order.
 */
public final class XmppStreamCodec extends IoFilterAdapter {

    /** The name under which the codec is added to a chain. */
    public static final String NAME = "xmpp-codec";

    private static final AttributeKey STATE = new AttributeKey(XmppStreamCodec.class, "state");

    /** Which end of the stream this codec serves. */
    public enum Role {
        /** The client: restarts after receiving proceed, success or compressed. */
        INITIATING,
        /** The server: restarts when told to, before it sends proceed, success or compressed. */
        RECEIVING
    }

    private final XmlLimits limits;
    private final Role role;

    public XmppStreamCodec(XmlLimits limits, Role role) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.role = Objects.requireNonNull(role, "role");
    }

    /**
     * Starts a new XML document on this connection (RFC 6120 §4.3.3 "stream restart").
     *
     * @return the number of bytes the peer sent after the restart point and before this call,
     *         which were discarded: more than zero is the peer's protocol violation
     */
    public static long restart(IoSession session) {
        State state = (State) session.getAttribute(STATE);
        if (state == null) {
            throw new IllegalStateException("no " + NAME + " filter on this session");
        }
        return state.restart();
    }

    /** Whether the codec is waiting for {@link #restart(IoSession)} after a restart point. */
    public static boolean awaitingRestart(IoSession session) {
        State state = (State) session.getAttribute(STATE);
        return state != null && state.paused;
    }

    @Override
    public void onPostAdd(IoFilterChain parent, String name, IoFilter.NextFilter nextFilter) {
        parent.getSession().setAttribute(STATE, new State());
    }

    @Override
    public void onPostRemove(IoFilterChain parent, String name, IoFilter.NextFilter nextFilter) {
        parent.getSession().removeAttribute(STATE);
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!(message instanceof IoBuffer buffer)) {
            next.messageReceived(session, message);
            return;
        }
        State state = (State) session.getAttribute(STATE);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        state.receive(next, session, bytes);
    }

    @Override
    public void filterWrite(NextFilter next, IoSession session, WriteRequest request) throws Exception {
        Object message = request.getMessage();
        if (message instanceof String xml) {
            request.setMessage(IoBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)));
        } else if (message instanceof byte[] raw) {
            request.setMessage(IoBuffer.wrap(raw));
        }
        next.filterWrite(session, request);
    }

    private boolean endsDocument(Element e) {
        return role == Role.INITIATING && (e.is("proceed", XmppNamespaces.TLS)
                || e.is("success", XmppNamespaces.SASL)
                || e.is("compressed", XmppNamespaces.COMPRESS_PROTOCOL));
    }

    /** Per-connection parsing state. Guarded by its own monitor. */
    private final class State implements XmlStreamListener {
        private XmlStreamParser parser = new XmlStreamParser(limits, this);
        private final List<StreamEvent> ready = new ArrayList<>();
        private volatile boolean paused;
        private long discarded;

        synchronized void receive(NextFilter next, IoSession session, byte[] bytes) {
            if (paused) {
                discarded += bytes.length;
                return;
            }
            int left = parser.feed(bytes, 0, bytes.length);
            if (paused) {
                discarded += left;
            }
            for (StreamEvent e : ready) {
                next.messageReceived(session, e);
            }
            ready.clear();
        }

        synchronized long restart() {
            parser = new XmlStreamParser(limits, this);
            paused = false;
            long d = discarded;
            discarded = 0;
            return d;
        }

        @Override
        public void onStreamOpen(Element root) {
            ready.add(new StreamEvent.Opened(new StreamHeader(root)));
        }

        @Override
        public void onElement(Element element) {
            ready.add(new StreamEvent.Received(element));
            if (endsDocument(element)) {
                paused = true;
                parser.stop();
            }
        }

        @Override
        public void onStreamClose() {
            ready.add(new StreamEvent.Closed());
        }

        @Override
        public void onError(XmlStreamError error) {
            ready.add(new StreamEvent.Malformed(error));
        }
    }
}
