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
 * A stanza other than the bind IQ before binding completes (RFC 3920 §7: "the server MUST NOT
 * process the stanza and SHOULD return a <not-authorized/> stanza error"; RFC 6120 §7.1). A disco#info query
 * to the server is sent after SASL, right before the bind request; the server handles a stream's
 * stanzas in order, so an answer to it comes before the bind result. A second one after
 * binding closes the observation: a result to the first one, at any time, shows it processed.
 */
public final class StanzaBeforeBind extends NegotiationScenario {

    static final String REQ = "RFC3920-7-no-stanza-before-bind";

    @Override
    public String id() {
        return "stanza-before-bind";
    }

    @Override
    public String title() {
        return "An IQ sent after SASL but before resource binding is not processed";
    }

    @Override
    public List<String> judges() {
        return List.of(REQ);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.authenticate();
        XmppSession s = n.session();
        s.sendRaw("<iq type='get' id='bb1' to='" + ctx.domain() + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        s.sendRaw("<iq type='set' id='bind1'><bind xmlns='" + BIND + "'/></iq>");
        Element first = awaitOrStreamError(ctx, s, e -> e.is("iq", "jabber:client")
                && ("bb1".equals(e.attribute("id")) || "bind1".equals(e.attribute("id"))));
        if (first == null) {
            throw new XmppException("neither the query nor the bind request was answered within " + ctx.replyTimeout().toMillis() + " ms");
        }
        if (StreamError.isStreamError(first) || "bb1".equals(first.attribute("id"))) {
            judge(ctx, first);
            return;
        }
        // Bound: a query now is answered only after anything the server still had of the first one.
        s.sendRaw("<iq type='get' id='bb2' to='" + ctx.domain() + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        Element barrier = awaitOrStreamError(ctx, s, e -> e.is("iq", "jabber:client") && "bb2".equals(e.attribute("id")));
        Element late = s.poll(e -> e.is("iq", "jabber:client") && "bb1".equals(e.attribute("id"))).orElse(null);
        if (late != null) {
            judge(ctx, late);
        } else {
            ctx.judge(REQ, Status.PASS, "the IQ sent before binding was neither answered before the bind result nor after it",
                    "no result to the IQ sent before binding", barrier != null ? barrier : first);
        }
    }

    private static void judge(ScenarioContext ctx, Element answer) {
        boolean processed = "result".equals(answer.attribute("type")) && answer.is("iq", "jabber:client");
        ctx.judge(REQ, passIf(!processed), processed ? "the IQ sent before binding was answered with a result"
                : "the IQ sent before binding was refused with " + StanzaBeforeAuth.describe(answer),
                "no result to the IQ sent before binding", answer);
    }
}
