package org.xmppcert.xmpp.ping;

import java.time.Duration;
import java.util.Objects;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0199 XMPP Ping on one session: {@link #of(XmppSession)} installs the responder and the
 * requester.
 *
 * <p><b>Responder.</b> A get carrying {@code <ping xmlns='urn:xmpp:ping'/>} is answered with an
 * empty result, the "pong" of §4.1 and §4.4, through the session's {@link IqRouter}; the
 * feature {@code urn:xmpp:ping} is added to {@link LocalFeatures} (§5: an entity that supports
 * the protocol MUST report it). {@link #disableResponder()} withdraws both, for scenarios that
 * need a client without ping (it then answers {@code service-unavailable}, §4.4 Example 12).
 *
 * <p><b>Requester.</b> {@link #ping(String, Duration)} measures the round trip to any entity, or
 * reports the IQ error as a typed {@link PingException}.
 *
 * <p><b>Barrier.</b> {@link #barrier(Duration)} pings the server and returns when the answer
 * arrives. The server processes what it receives over one stream in order (RFC 6120 §10.1: it
 * "MUST ensure in-order processing of the stanzas … it receives over a given input stream"), so
 * when the answer comes, every stanza this session sent before the ping has been processed,
 * i.e. routed or refused; and since the answer travels on the same TCP stream as everything the
 * server wrote to this session before it, all of that has been received and queued too. Any
 * answer proves this, an error as well as a result, so a server without XEP-0199 still gives a
 * barrier. To show that a stanza sent by A to B was not delivered: barrier on A (the server has
 * routed it), then barrier on B (whatever was routed to B has arrived), then look at B's queue;
 * {@link #barrier(Duration, XmppSession...)} does both in that order. An error the server
 * returns for such a stanza may be made on the receiver's side and travel back (ejabberd routes
 * between one process per session, and a privacy list bounce was seen to arrive after the
 * sender's first round trip): look for bounces after one more barrier on the sender, i.e.
 * sender, receiver, sender. No fixed sleep is needed.
 *
 * <p>Thread-safe. The requester's methods block (bounded); never call them from a handler.
 */
public final class Ping {

    /** The ping namespace (XEP-0199 §9.1). */
    public static final String NAMESPACE = "urn:xmpp:ping";

    private final XmppSession session;
    private final IqRouter router;
    private final LocalFeatures features;
    private Registration handler;
    private Registration feature;

    private Ping(XmppSession session, IqRouter router, LocalFeatures features) {
        this.session = session;
        this.router = router;
        this.features = features;
        enableResponder();
    }

    /** The session's instance; the first call installs the responder. */
    public static Ping of(XmppSession session) {
        // The services it builds on are fetched first: XmppSession.extension must not be
        // re-entered from inside a creation (its map refuses recursive updates).
        IqRouter router = IqRouter.of(session);
        LocalFeatures features = LocalFeatures.of(session);
        return session.extension(Ping.class, s -> new Ping(s, router, features));
    }

    // ---------------------------------------------------------------- stanzas, step by step

    /** {@code <ping xmlns='urn:xmpp:ping'/>}. */
    public static Element payload() {
        return Element.of("ping", NAMESPACE);
    }

    /**
     * A ping request (§4.2, §4.4): {@code <iq type='get'><ping/></iq>} to {@code to}, or without
     * {@code to} when {@code null} (handled by the server for the account, §4.2 Note). The id is
     * left to the sender.
     */
    public static Element request(String to) {
        return Iq.get(to, payload());
    }

    /** Whether the element is a ping request: an IQ get whose payload is the ping element. */
    public static boolean isPing(Element e) {
        if (!Iq.isIq(e) || Iq.type(e).orElse(null) != IqType.GET) {
            return false;
        }
        Element p = Iq.payload(e);
        return p != null && p.is("ping", NAMESPACE);
    }

    /** The pong answering a ping: an empty result (§4.1 Example 2). */
    public static Element pong(Element ping) {
        return Iq.result(ping, null);
    }

    // ---------------------------------------------------------------- responder

    /** Answers pings and advertises {@code urn:xmpp:ping} (the default). */
    public synchronized void enableResponder() {
        if (handler == null) {
            handler = router.register(IqType.GET, "ping", NAMESPACE, Ping::pong);
            feature = features.addFeature(NAMESPACE);
        }
    }

    /** Stops answering pings (the router then answers service-unavailable) and withdraws the feature. */
    public synchronized void disableResponder() {
        if (handler != null) {
            handler.close();
            feature.close();
            handler = null;
            feature = null;
        }
    }

    /** Whether pings are answered. */
    public synchronized boolean respondsToPings() {
        return handler != null;
    }

    // ---------------------------------------------------------------- requester

    /**
     * Pings an entity and returns the round-trip time.
     *
     * @param to the entity: a full JID for another client (§4.4), the domain for the server
     *        (§4.2), or {@code null} for a ping without {@code to}, which the server answers for the account
     * @throws PingException when the answer is an IQ error (e.g. {@code service-unavailable})
     * @throws org.xmppcert.xmpp.session.ResponseTimeoutException when no answer comes in time
     */
    public Duration ping(String to, Duration timeout) throws XmppException {
        long start = System.nanoTime();
        Element response = session.request(request(to), timeout);
        Duration rtt = Duration.ofNanos(System.nanoTime() - start);
        if ("error".equals(response.attribute("type"))) {
            throw new PingException(to == null ? "the server (no 'to')" : to, StanzaError.of(response), response);
        }
        return rtt;
    }

    /** Pings an entity (see {@link #ping(String, Duration)}). */
    public Duration ping(Jid to, Duration timeout) throws XmppException {
        return ping(Objects.requireNonNull(to, "to").toString(), timeout);
    }

    /** Pings the server at its domain (§4.2 Example 4), within the session's reply timeout. */
    public Duration pingServer() throws XmppException {
        return ping(session.domain(), session.options().replyTimeout());
    }

    // ---------------------------------------------------------------- barrier

    /**
     * Pings the server and returns once its answer, a result or an error, has arrived: every
     * stanza sent on this session before has then been processed by the server, and everything
     * the server sent to this session before its answer has been received (see the class
     * comment). The ping carries no {@code to}, so the account's own privacy lists, which a
     * scenario may have set to deny the server's domain, cannot turn it away.
     *
     * @return the round-trip time
     * @throws org.xmppcert.xmpp.session.ResponseTimeoutException when no answer comes in time
     */
    public Duration barrier(Duration timeout) throws XmppException {
        return roundTrip(session, timeout);
    }

    /** {@link #barrier(Duration)} within the session's reply timeout. */
    public Duration barrier() throws XmppException {
        return barrier(session.options().replyTimeout());
    }

    /**
     * A barrier on each session in turn, each within the bound: give the sender first and the
     * receivers after, so that what the sender sent has been routed before the receivers' round
     * trips start. Unlike {@link #of(XmppSession)}, this installs no responder: a scenario may
     * check "nothing arrives" on a session that must not answer pings.
     */
    public static void barrier(Duration timeout, XmppSession... sessions) throws XmppException {
        for (XmppSession s : sessions) {
            roundTrip(s, timeout);
        }
    }

    private static Duration roundTrip(XmppSession session, Duration timeout) throws XmppException {
        long start = System.nanoTime();
        session.request(request(null), timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
