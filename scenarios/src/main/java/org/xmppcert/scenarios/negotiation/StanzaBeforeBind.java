package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stanza other than the bind IQ before binding completes (RFC 3920 §7: "the server MUST NOT
 * process the stanza and SHOULD return a <not-authorized/> stanza error"; RFC 6120 §7.1 keeps the
 * MUST NOT for stanzas "to an entity other than the server itself or the client's account", and
 * closes the stream). So the stanza is a message to another account, bob, connected and available,
 * sent after SASL right before the bind request. If alice's stream goes on, a second message to bob
 * after binding closes the observation (messages between two entities are delivered in order,
 * RFC 6120 §10.1); else bob's round trip to the server does. Bob receiving the first shows it
 * processed.
 */
public final class StanzaBeforeBind extends NegotiationScenario {

    static final String REQ = "RFC3920-7-no-stanza-before-bind";

    @Override
    public String id() {
        return "stanza-before-bind";
    }

    @Override
    public String title() {
        return "A message to another account sent after SASL but before resource binding is not delivered";
    }

    @Override
    public List<String> accounts() {
        return List.of("alice", "bob");
    }

    @Override
    public List<String> judges() {
        return List.of(REQ);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        XmppSession bob = StanzaBeforeAuth.available(ctx, "b", "bob");
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.authenticate();
        XmppSession s = n.session();
        s.sendRaw("<message type='chat' id='bb1' to='" + bob.localJid() + "'><body>sent before binding</body></message>");
        s.sendRaw("<iq type='set' id='bind1'><bind xmlns='" + BIND + "'/></iq>");
        Element bound = awaitOrStreamError(ctx, s, e -> e.is("iq", "jabber:client") && "bind1".equals(e.attribute("id")));
        Element refusal = s.poll(e -> "bb1".equals(e.attribute("id"))).orElse(null);
        Element evidence;
        if (bound != null && !StreamError.isStreamError(bound) && "result".equals(bound.attribute("type"))) {
            s.sendRaw("<message type='chat' id='bb2' to='" + bob.localJid() + "'><body>sent after binding</body></message>");
            evidence = awaitOrStreamError(ctx, bob, e -> e.is("message", "jabber:client") && "bb2".equals(e.attribute("id")));
            if (evidence == null) {
                throw new XmppException("bob did not receive the message alice sent after binding within "
                        + ctx.replyTimeout().toMillis() + " ms: no way to close the observation");
            }
        } else {
            evidence = bound;
        }
        Element delivered = StanzaBeforeAuth.deliveredTo(ctx, bob, "bb1");
        if (refusal != null) {
            evidence = refusal;
        }
        ctx.judge(REQ, passIf(delivered == null), delivered != null ? "the message sent before binding reached bob"
                : "bob did not receive the message sent before binding"
                        + (refusal != null ? "; alice got " + StanzaBeforeAuth.describe(refusal)
                        : bound != null && StreamError.isStreamError(bound) ? "; alice's stream was closed with "
                                + StanzaBeforeAuth.describe(bound) : ""),
                "no delivery of a stanza sent before binding", delivered != null ? delivered : evidence);
    }
}
