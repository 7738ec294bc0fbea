package org.xmppcert.scenarios.negotiation;

import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.xml.Element;

/**
 * {@code <abort/>} in the middle of an exchange is acknowledged with {@code <failure><aborted/>}
 * (RFC 3920 §6.2 step 4 and §6.4, RFC 6120 §6.4.4). The exchange is SCRAM-SHA-1 started with a
 * client-first message for the account (no secret is sent), aborted once the server challenged.
 */
public final class SaslAborted extends SaslFailureCondition {

    static final String REQ = "RFC3920-6-aborted";

    @Override
    public String id() {
        return "sasl-aborted";
    }

    @Override
    public String title() {
        return "An <abort/> during a SASL exchange is acknowledged with <failure><aborted/></failure>";
    }

    @Override
    String condition() {
        return "aborted";
    }

    @Override
    String requirement() {
        return REQ;
    }

    @Override
    String provoke(ScenarioContext ctx, XmppSession s, StreamFeatures f) throws XmppException {
        String user = alice(ctx).jid().local().orElseThrow();
        if (f.saslMechanisms().contains("SCRAM-SHA-1")) {
            s.send(auth("SCRAM-SHA-1", base64("n,,n=" + user + ",r=xmppcertabortnonce0123456789")));
        } else {
            s.send(auth(someMechanism(f), null));
        }
        Element challenge = awaitOrStreamError(ctx, s, e -> isSasl(e, "challenge") || isSasl(e, "failure") || isSasl(e, "success"));
        if (challenge == null || !isSasl(challenge, "challenge")) {
            throw new XmppException("the server did not challenge the first SASL message, so no exchange could be aborted: "
                    + (challenge == null ? "no answer" : challenge.toXml()));
        }
        s.send(Element.of("abort", SASL));
        return "<abort/> after the server's first <challenge/>";
    }
}
