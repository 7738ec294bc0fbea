package org.xmppcert.scenarios.negotiation;

import java.util.List;
import java.util.Optional;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.xml.Element;

/**
 * The bind result (RFC 3920 §7, RFC 6120 §7.6.1, §7.7.1): to an empty {@code <bind/>} the server
 * generates a resource and answers with an IQ result whose {@code <bind/>} holds a {@code <jid/>},
 * the full JID of the account with that resource.
 */
public final class BindResult extends NegotiationScenario {

    static final String RESULT_JID = "RFC3920-7-result-jid";
    static final String GENERATED = "RFC3920-7-generated-resource";

    @Override
    public String id() {
        return "bind-result-jid";
    }

    @Override
    public String title() {
        return "An empty bind request is answered with the account's full JID, with a resource the server generated";
    }

    @Override
    public List<String> judges() {
        return List.of(RESULT_JID, GENERATED);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.authenticate();
        if (!n.features().offersBind()) {
            notApplicable(ctx, judges(), "binding is not offered after SASL", n.features());
            return;
        }
        Element result = n.session().request(Element.builder("iq", "jabber:client").attribute("type", "set")
                .attribute("id", "bind1").child(Element.of("bind", BIND)).build(), ctx.replyTimeout());
        String expected = "<iq type='result' id='bind1'><bind xmlns='" + BIND + "'><jid>" + alice(ctx).jid() + "/…</jid></bind></iq>";
        Element bind = result.child("bind", BIND);
        String text = bind == null ? null : bind.childText("jid", BIND);
        Optional<Jid> jid = text == null ? Optional.empty() : Jid.tryParse(text.strip());
        boolean isResult = "result".equals(result.attribute("type"));
        boolean full = jid.isPresent() && jid.get().resource().filter(r -> !r.isEmpty()).isPresent();
        boolean ours = jid.isPresent() && jid.get().bare().equals(alice(ctx).jid().bare());
        String problem = !isResult ? "the empty bind request was answered with type '" + result.attribute("type") + "'"
                : text == null ? "the result has no <bind><jid/></bind>"
                : !full ? "<jid>" + text + "</jid> is not a full JID"
                : !ours ? "<jid>" + text + "</jid> is not a JID of the account " + alice(ctx).jid() : null;
        ctx.judge(RESULT_JID, passIf(problem == null), problem == null ? "bound as " + text : problem, expected, result);
        ctx.judge(GENERATED, passIf(problem == null), problem == null
                ? "the server generated the resource '" + jid.get().resource().orElse("") + "'"
                : "no generated resource: " + problem, expected, result);
    }
}
