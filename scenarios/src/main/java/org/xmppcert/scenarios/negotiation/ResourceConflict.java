package org.xmppcert.scenarios.negotiation;

import java.util.List;
import java.util.Optional;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.xml.Element;

/**
 * A resource already in use (RFC 3920 §7 lists the {@code <conflict/>} stanza error and §4.7.3 the
 * {@code <conflict/>} stream error; RFC 6120 §7.7.2.2: the server "MUST do one of the following"):
 * a second session of the account asks for the resource the first one holds, and the outcome must
 * be one of the three policies, whichever the server chose: (1) a result with another,
 * server-generated resource; (2) a {@code <conflict/>} stanza error, the first session kept (a round
 * trip on it shows it still served); (3) a result with the requested resource, and the first session
 * closed with a {@code <conflict/>} stream error. Two sessions holding the same full JID is none.
 */
public final class ResourceConflict extends NegotiationScenario {

    static final String REQ = "RFC3920-7-resource-conflict";
    static final String RESOURCE = "xmppcert-conflict";

    @Override
    public String id() {
        return "bind-resource-conflict";
    }

    @Override
    public String title() {
        return "Binding a resource already in use follows one of the conflict policies (another resource, conflict error, or the old session closed)";
    }

    @Override
    public List<String> judges() {
        return List.of(REQ);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        XmppSession first = ctx.connect("first", alice(ctx), RESOURCE);
        SessionNegotiator n = afterTls(ctx, "second", null);
        n.authenticate();
        XmppSession second = n.session();
        second.sendRaw("<iq type='set' id='bind-conflict'><bind xmlns='" + BIND + "'><resource>" + RESOURCE
                + "</resource></bind></iq>");
        Element answer = awaitOrStreamError(ctx, second, e -> e.is("iq", "jabber:client") && "bind-conflict".equals(e.attribute("id")));
        String expected = "a result with another resource; or <conflict/> with the first session kept; "
                + "or a result and a <conflict/> stream error on the first session";
        if (answer == null) {
            throw new XmppException("the second bind request was not answered within " + ctx.replyTimeout().toMillis() + " ms");
        }
        if (StreamError.isStreamError(answer)) {
            ctx.judge(REQ, Status.FAIL, "the second session's bind request was answered with a stream error <"
                    + streamCondition(answer) + "/>", expected, answer);
            return;
        }
        if ("result".equals(answer.attribute("type"))) {
            Element bind = answer.child("bind", BIND);
            String text = bind == null ? null : bind.childText("jid", BIND);
            Optional<String> resource = text == null ? Optional.empty() : Jid.tryParse(text.strip()).flatMap(Jid::resource);
            if (resource.isPresent() && !resource.get().equals(RESOURCE)) {
                ctx.judge(REQ, Status.PASS, "policy 1: the server bound another resource, '" + resource.get() + "'", expected, answer);
                return;
            }
            if (resource.isEmpty()) {
                ctx.judge(REQ, Status.FAIL, "the bind result names no full JID", expected, answer);
                return;
            }
            Element closed = awaitOrStreamError(ctx, first, e -> false);
            boolean conflict = closed != null && "conflict".equals(streamCondition(closed));
            ctx.judge(REQ, passIf(conflict), conflict
                    ? "policy 3: the resource went to the new session and the first one was closed with a <conflict/> stream error"
                    : closed != null ? "the resource went to the new session, and the first one got the stream error <"
                            + streamCondition(closed) + "/> instead of <conflict/>"
                    : "the resource went to the new session while the first one still holds it (no <conflict/> stream error within "
                            + ctx.replyTimeout().toMillis() + " ms)", expected, closed != null ? closed : answer);
            return;
        }
        Element error = answer.child("error", "jabber:client");
        boolean isConflict = error != null && error.hasChild("conflict", STANZA_ERRORS);
        if (!isConflict) {
            ctx.judge(REQ, Status.FAIL, "the bind request was refused, but not with <conflict/>", expected, answer);
            return;
        }
        Element alive;
        try {
            alive = first.request(Element.builder("iq", "jabber:client").attribute("type", "get").attribute("to", ctx.domain())
                    .child(Element.of("query", "http://jabber.org/protocol/disco#info")).build(), ctx.replyTimeout());
        } catch (XmppException e) {
            alive = null;
        }
        ctx.judge(REQ, passIf(alive != null), alive != null
                ? "policy 2: <conflict/> to the new session, and the first session is still served"
                : "<conflict/> to the new session, but the first session was not kept", expected, answer);
    }
}
