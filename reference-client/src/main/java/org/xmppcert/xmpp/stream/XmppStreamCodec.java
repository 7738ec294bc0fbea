package org.xmppcert.xmpp.stream;

import java.io.ByteArrayOutputStream;
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
import org.xmppcert.xmpp.xml.XmlViolation;

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
 * parsing and holds any further bytes, which the peer may not send before the restart
 * (RFC 6120 §5.4.3.3, §6.4.6; XEP-0138 §2).</li>
 * <li>The owner inserts the TLS or compression filter below this one if needed, then calls
 * {@link #restart(IoSession)} before sending its new stream header: a fresh parser takes over,
 * fed first with whatever was held.</li>
 * </ol>
 * A receiving entity (the mock server) calls {@link #restart(IoSession)} itself right before it
 * sends {@code <success/>} or {@code <proceed/>}, since the next bytes belong to a new document.
 *
 * <p>Events are passed up on the I/O thread, or on the thread calling {@code restart} for held
 * bytes, always in stream order.
 */
public final class XmppStreamCodec extends IoFilterAdapter {

    /** The name under which the codec is added to a chain. */
    public static final String NAME = "xmpp-codec";

    /** How much a peer may send after a restart point before we restart: more is a violation. */
    static final int MAX_HELD_BYTES = 64 * 1024;

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
     * Starts a new XML document on this connection (RFC 6120 §4.3.3 "stream restart"). Bytes the
     * peer sent since the restart point are parsed now, on the calling thread.
     */
    public static void restart(IoSession session) {
        State state = (State) session.getAttribute(STATE);
        if (state == null) {
            throw new IllegalStateException("no " + NAME + " filter on this session");
        }
        state.restart(session.getFilterChain().getNextFilter(NAME), session);
    }

    /** Whether the codec is holding bytes until {@link #restart(IoSession)}. */
    public static boolean awaitingRestart(IoSession session) {
        State state = (State) session.getAttribute(STATE);
        return state != null && state.held;
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
        private final ByteArrayOutputStream heldBytes = new ByteArrayOutputStream();
        private volatile boolean held;

        synchronized void receive(NextFilter next, IoSession session, byte[] bytes) {
            if (held) {
                hold(bytes, 0, bytes.length);
            } else {
                feed(bytes, 0, bytes.length);
            }
            dispatch(next, session);
        }

        synchronized void restart(NextFilter next, IoSession session) {
            parser = new XmlStreamParser(limits, this);
            held = false;
            byte[] pending = heldBytes.toByteArray();
            heldBytes.reset();
            feed(pending, 0, pending.length);
            dispatch(next, session);
        }

        private void feed(byte[] bytes, int off, int len) {
            int left = parser.feed(bytes, off, len);
            if (held && left > 0) {
                hold(bytes, off + len - left, left);
            }
        }

        private void hold(byte[] bytes, int off, int len) {
            if (heldBytes.size() + len > MAX_HELD_BYTES) {
                ready.add(new StreamEvent.Malformed(new XmlStreamError(XmlViolation.LIMIT_EXCEEDED,
                        "more than " + MAX_HELD_BYTES + " bytes sent before the stream restart", parser.bytesRead(),
                        "")));
                heldBytes.reset();
                return;
            }
            heldBytes.write(bytes, off, len);
        }

        private void dispatch(NextFilter next, IoSession session) {
            for (StreamEvent e : ready) {
                next.messageReceived(session, e);
            }
            ready.clear();
        }

        @Override
        public void onStreamOpen(Element root) {
            ready.add(new StreamEvent.Opened(new StreamHeader(root)));
        }

        @Override
        public void onElement(Element element) {
            ready.add(new StreamEvent.Received(element));
            if (endsDocument(element)) {
                held = true;
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
