package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stanza before authentication (RFC 3920 §4.3: the other entity "MUST NOT accept such stanzas
 * and SHOULD return a <not-authorized/> stream error"; RFC 6120 §4.3.5 raises the stream error to a
 * MUST, for stanzas to entities other than the server and the client's own account: stanzas to the
 * server itself, such as XEP-0077 registration, are outside that rule). So the stanza goes to
 * another account, bob, connected and available: a message sent on alice's stream after TLS,
 * before SASL. Bob receiving it shows it accepted; bob's round trip to the server, after alice's
 * stream answered, closes the observation.
 */
public final class StanzaBeforeAuth extends NegotiationScenario {

    static final String NOT_PROCESSED = "RFC3920-4.3-no-stanzas-before-auth";
    static final String STREAM_ERROR = "RFC3920-4.3-not-authorized-stream-error";

    @Override
    public String id() {
        return "stanza-before-authentication";
    }

    @Override
    public String title() {
        return "A message to another account sent before SASL is not delivered, and the stream is closed with not-authorized";
    }

    @Override
    public List<String> accounts() {
        return List.of("alice", "bob");
    }

    @Override
    public List<String> judges() {
        return List.of(NOT_PROCESSED, STREAM_ERROR);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        XmppSession bob = available(ctx, "b", "bob");
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.session().sendRaw("<message type='chat' id='ba1' to='" + bob.localJid() + "'><body>sent before authentication</body></message>");
        Element answer = awaitOrStreamError(ctx, n.session(), e -> "ba1".equals(e.attribute("id")));
        Element delivered = deliveredTo(ctx, bob, "ba1");
        Element evidence = delivered != null ? delivered : answer != null ? answer : n.features().element();
        ctx.judge(NOT_PROCESSED, passIf(delivered == null), delivered != null ? "the message sent before authentication reached bob"
                : answer == null ? "bob did not receive the message (and alice's stream got no answer within "
                        + ctx.replyTimeout().toMillis() + " ms)"
                : "bob did not receive the message; alice's stream got " + describe(answer),
                "no delivery of a stanza sent before authentication", evidence);
        boolean notAuthorized = answer != null && StreamError.isStreamError(answer) && "not-authorized".equals(streamCondition(answer));
        ctx.judge(STREAM_ERROR, passIf(notAuthorized), notAuthorized ? "the stream was closed with a not-authorized stream error"
                : answer == null ? "no stream error within " + ctx.replyTimeout().toMillis() + " ms"
                : "answered with " + describe(answer) + " instead of a not-authorized stream error",
                "<stream:error><not-authorized xmlns='" + STREAM_ERRORS + "'/></stream:error>",
                answer != null ? answer : n.features().element());
    }

    /** A fully negotiated session that sent its initial presence, so that messages reach it. */
    static XmppSession available(ScenarioContext ctx, String session, String account) throws XmppException {
        XmppSession s = ctx.connect(session, ctx.account(account));
        s.send(Element.of("presence", "jabber:client"));
        return s;
    }

    /**
     * The stanza with this id that reached the session, once a round trip of the session to the
     * server has completed; {@code null} if none.
     */
    static Element deliveredTo(ScenarioContext ctx, XmppSession s, String id) throws XmppException {
        s.request(Element.builder("iq", "jabber:client").attribute("type", "get").attribute("to", ctx.domain())
                .child(Element.of("query", "http://jabber.org/protocol/disco#info")).build(), ctx.replyTimeout());
        return s.poll(e -> id.equals(e.attribute("id")) && e.is("message", "jabber:client")).orElse(null);
    }

    static String describe(Element e) {
        if (StreamError.isStreamError(e)) {
            return "a stream error <" + streamCondition(e) + "/>";
        }
        return "a " + e.name() + " of type '" + e.attribute("type") + "'";
    }
}
