package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.xml.Element;

/**
 * A server that requires TLS says so with {@code <required/>} in {@code <starttls/>} (RFC 3920
 * §5.1 rule 6 as a SHOULD, RFC 6120 §5.4.1 as a MUST). Whether it requires TLS is observed, not
 * assumed: it does when the initial features offer STARTTLS and nothing to authenticate with, or
 * when an {@code <auth/>} sent before TLS is refused (a SASL failure or a stream error). A server
 * that lets SASL start without TLS does not require it: NOT_APPLICABLE.
 */
public final class TlsRequired extends NegotiationScenario {

    static final String REQUIRED = "RFC3920-5-starttls-required";

    @Override
    public String id() {
        return "negotiation-starttls-required";
    }

    @Override
    public String title() {
        return "A server that refuses SASL before TLS marks STARTTLS as required";
    }

    @Override
    public List<String> judges() {
        return List.of(REQUIRED);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = initial(ctx, "a", null);
        StreamFeatures f = n.features();
        if (!f.offersStartTls()) {
            notApplicable(ctx, judges(), "STARTTLS is not offered", f);
            return;
        }
        boolean required = f.requiresStartTls();
        String why;
        if (!f.offersSasl()) {
            why = "the initial features offer no SASL mechanism: STARTTLS is the only way on";
        } else {
            // No credentials go out: PLAIN without an initial response asks for an empty challenge.
            n.session().send(auth("PLAIN", null));
            Element answer = awaitOrStreamError(ctx, n.session(), NegotiationScenario::isSaslAnswer);
            if (answer == null) {
                throw new XmppException("no answer to <auth/> before TLS within " + ctx.replyTimeout().toMillis() + " ms");
            }
            if (isSasl(answer, "challenge") || isSasl(answer, "success")) {
                if (answer.name().equals("challenge")) {
                    n.session().send(Element.of("abort", SASL));
                }
                ctx.judge(REQUIRED, Status.NOT_APPLICABLE, "SASL may start before TLS: TLS is not required",
                        null, answer);
                return;
            }
            why = "<auth/> before TLS was refused with " + answer.qualifiedName();
        }
        ctx.judge(REQUIRED, passIf(required), why + (required ? ", and <starttls/> carries <required/>"
                : ", but <starttls/> does not carry <required/>"),
                "<starttls xmlns='" + TLS + "'><required/></starttls>", f.element());
    }
}
