package org.xmppcert.scenarios.negotiation;

import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;

/**
 * An initial response that is not base64 fails with {@code <incorrect-encoding/>} (RFC 3920 §6.4:
 * "sent in reply to a <response/> element or an <auth/> element with initial response data";
 * RFC 6120 §6.4.5, §6.5.5). The payload has characters outside the base64 alphabet of RFC 4648 §4,
 * which is definite; padding subtleties, on which decoders differ, are avoided.
 */
public final class SaslIncorrectEncoding extends SaslFailureCondition {

    static final String REQ = "RFC3920-6-incorrect-encoding";

    @Override
    public String id() {
        return "sasl-incorrect-encoding";
    }

    @Override
    public String title() {
        return "An initial response that is not base64 fails with incorrect-encoding";
    }

    @Override
    String condition() {
        return "incorrect-encoding";
    }

    @Override
    String requirement() {
        return REQ;
    }

    @Override
    String provoke(ScenarioContext ctx, XmppSession s, StreamFeatures f) throws XmppException {
        String mechanism = f.saslMechanisms().contains("PLAIN") ? "PLAIN" : someMechanism(f);
        s.send(auth(mechanism, "!!not*base64%%"));
        return "<auth mechanism='" + mechanism + "'> with the initial response '!!not*base64%%'";
    }
}
