package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stanza before authentication (RFC 3920 §4.3: the server "MUST NOT process" it and SHOULD close
 * the stream with a not-authorized stream error; RFC 6120 §4.3.5 raised the latter to MUST). An IQ
 * get to the server (a XEP-0030 disco#info query, which the server answers once authenticated) is sent on
 * the stream after TLS, before SASL: a result shows it processed.
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
        return "An IQ sent before SASL is not processed, and the stream is closed with not-authorized";
    }

    @Override
    public List<String> judges() {
        return List.of(NOT_PROCESSED, STREAM_ERROR);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = afterTls(ctx, "a", null);
        n.session().sendRaw("<iq type='get' id='ba1' to='" + ctx.domain() + "'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        Element answer = awaitOrStreamError(ctx, n.session(), e -> e.is("iq", "jabber:client") && "ba1".equals(e.attribute("id")));
        Element evidence = answer != null ? answer : n.features().element();
        boolean processed = answer != null && "result".equals(answer.attribute("type"));
        ctx.judge(NOT_PROCESSED, passIf(!processed), processed ? "the IQ sent before authentication was answered with a result"
                : answer == null ? "no answer to the IQ within " + ctx.replyTimeout().toMillis() + " ms"
                : "the IQ was refused with " + describe(answer), "no result to the IQ sent before authentication", evidence);
        boolean notAuthorized = answer != null && StreamError.isStreamError(answer) && "not-authorized".equals(streamCondition(answer));
        ctx.judge(STREAM_ERROR, passIf(notAuthorized), notAuthorized ? "the stream was closed with a not-authorized stream error"
                : answer == null ? "no stream error within " + ctx.replyTimeout().toMillis() + " ms"
                : "answered with " + describe(answer) + " instead of a not-authorized stream error",
                "<stream:error><not-authorized xmlns='" + STREAM_ERRORS + "'/></stream:error>", evidence);
    }

    static String describe(Element e) {
        if (StreamError.isStreamError(e)) {
            return "a stream error <" + streamCondition(e) + "/>";
        }
        return "an IQ of type '" + e.attribute("type") + "'";
    }
}
