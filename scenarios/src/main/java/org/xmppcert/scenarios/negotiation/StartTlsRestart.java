package org.xmppcert.scenarios.negotiation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.negotiation.TlsNegotiationException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * STARTTLS (RFC 3920 §5.2, RFC 6120 §5.4): {@code <starttls/>} is answered with {@code <proceed/>}
 * or {@code <failure/>}; after a failure the server closes the stream and the connection; after TLS
 * the client's new header is answered with a new header (a new stream id) and features without
 * STARTTLS, and the SASL mechanisms are advertised (RFC 3920 §6.2 step 2, RFC 6120 §6.4.1).
 */
public final class StartTlsRestart extends NegotiationScenario {

    static final String ANSWER = "RFC3920-5-proceed-or-failure";
    static final String FAILURE_CLOSES = "RFC3920-5-failure-closes";
    static final String RESTART = "RFC3920-5-restart-features";
    static final String MECHANISMS = "RFC3920-6-mechanisms-offered";

    @Override
    public String id() {
        return "negotiation-starttls-restart";
    }

    @Override
    public String title() {
        return "STARTTLS is answered with proceed, and the stream after TLS is new, without STARTTLS, with SASL";
    }

    @Override
    public List<String> judges() {
        return List.of(ANSWER, FAILURE_CLOSES, RESTART, MECHANISMS);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = initial(ctx, "a", null);
        XmppSession s = n.session();
        if (!n.features().offersStartTls()) {
            notApplicable(ctx, judges(), "STARTTLS is not offered", n.features());
            return;
        }
        StreamHeader first = s.peerHeader();
        AtomicReference<Element> answer = new AtomicReference<>();
        s.addListener(e -> TLS.equals(e.namespace()) && (e.name().equals("proceed") || e.name().equals("failure")),
                e -> answer.compareAndSet(null, e));
        StreamFeatures after;
        try {
            after = n.startTls();
        } catch (TlsNegotiationException e) {
            Element a = answer.get();
            if (e.kind() != TlsNegotiationException.Kind.REFUSED_BY_SERVER || a == null) {
                throw e;
            }
            ctx.judge(ANSWER, Status.PASS, "STARTTLS was answered with <failure/>", "<proceed/> or <failure/>", a);
            judgeClosed(ctx, s, a);
            notApplicable(ctx, List.of(RESTART, MECHANISMS), "TLS was refused: there is no stream after TLS", null);
            return;
        }
        Element a = answer.get();
        ctx.judge(ANSWER, Status.PASS, "STARTTLS was answered with <proceed/>", "<proceed/> or <failure/>", a);
        ctx.judge(FAILURE_CLOSES, Status.NOT_APPLICABLE, "the server proceeded: no TLS failure to observe", null, a);
        StreamHeader second = s.peerHeader();
        boolean sameId = second.id() != null && second.id().equals(first.id());
        boolean ok = !after.offersStartTls() && !sameId;
        ctx.judge(RESTART, passIf(ok), after.offersStartTls() ? "the features after TLS offer STARTTLS again"
                : sameId ? "the stream after TLS has the same id as the initial stream: '" + second.id() + "'"
                : "a new header (id '" + second.id() + "' after '" + first.id() + "') and features without STARTTLS: "
                        + after.summary(),
                "a new <stream:stream id='…'> and <stream:features> without <starttls/>",
                sameId && !after.offersStartTls() ? second.root() : after.element());
        ctx.judge(MECHANISMS, passIf(after.offersSasl()), after.offersSasl()
                ? "mechanisms advertised after TLS: " + after.saslMechanisms()
                : "no <mechanisms xmlns='" + SASL + "'/> with a <mechanism/> after TLS",
                "<mechanisms xmlns='" + SASL + "'><mechanism>…</mechanism></mechanisms>", after.element());
    }

    /** After a TLS failure the stream and the connection end (RFC 6120 §5.4.2.2), within the reply timeout. */
    private static void judgeClosed(ScenarioContext ctx, XmppSession s, Element failure) {
        long deadline = System.nanoTime() + ctx.replyTimeout().toNanos();
        while (s.isOpen() && System.nanoTime() < deadline) {
            // Wait for anything; the stream's end wakes the wait.
            awaitOrStreamError(s, e -> false, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        ctx.judge(FAILURE_CLOSES, passIf(!s.isOpen()), s.isOpen()
                ? "the stream was still open " + ctx.replyTimeout().toMillis() + " ms after the TLS <failure/>"
                : "the server closed the stream after its TLS <failure/>", "the stream closed", failure);
    }
}
