package org.xmppcert.scenarios.negotiation;

import java.util.List;
import java.util.Optional;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.xml.Element;

/**
 * A bind request with an empty {@code <resource/>} (RFC 3920 §7: a resource that "cannot be
 * processed ... in accordance with Resourceprep" is refused with {@code <bad-request/>}, and a
 * successful bind returns the full JID; RFC 6120 §7.7.2.1: for a resourcepart "of zero length" the
 * server "can return a <bad-request/> stanza error ... but SHOULD instead process the resourcepart
 * so that it is in conformance"). Either answer passes; a result without a resource, or another
 * error, does not.
 */
public final class BindEmptyResource extends NegotiationScenario {

    static final String REQ = "RFC3920-7-empty-resource";

    @Override
    public String id() {
        return "bind-empty-resource";
    }

    @Override
    public String title() {
        return "A bind request with an empty resource gets bad-request or a full JID with a resource the server chose";
    }

    @Override
    public List<String> judges() {
        return List.of(REQ);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.authenticate();
        if (!n.features().offersBind()) {
            notApplicable(ctx, judges(), "binding is not offered after SASL", n.features());
            return;
        }
        n.session().sendRaw("<iq type='set' id='bind-empty'><bind xmlns='" + BIND + "'><resource></resource></bind></iq>");
        Element answer = awaitOrStreamError(ctx, n.session(),
                e -> e.is("iq", "jabber:client") && "bind-empty".equals(e.attribute("id")));
        if (answer == null) {
            throw new XmppException("the bind request was not answered within " + ctx.replyTimeout().toMillis() + " ms");
        }
        String expected = "<iq type='error'><error type='modify'><bad-request xmlns='" + STANZA_ERRORS + "'/></error></iq>"
                + ", or <iq type='result'> with <jid>" + alice(ctx).jid() + "/…</jid>";
        if ("result".equals(answer.attribute("type"))) {
            Element bind = answer.child("bind", BIND);
            String text = bind == null ? null : bind.childText("jid", BIND);
            Optional<Jid> jid = text == null ? Optional.empty() : Jid.tryParse(text.strip());
            boolean ok = jid.isPresent() && jid.get().resource().filter(r -> !r.isEmpty()).isPresent()
                    && jid.get().bare().equals(alice(ctx).jid().bare());
            ctx.judge(REQ, passIf(ok), ok ? "the server processed the empty resource into '" + jid.get().resource().get() + "'"
                    : "a result without a full JID of the account: " + text, expected, answer);
            return;
        }
        Element error = answer.child("error", "jabber:client");
        boolean badRequest = error != null && error.hasChild("bad-request", STANZA_ERRORS);
        ctx.judge(REQ, passIf(badRequest), badRequest ? "the empty resource was refused with <bad-request/>"
                : "the empty resource was answered with " + StanzaBeforeAuth.describe(answer) + ", not <bad-request/>",
                expected, answer);
    }
}
