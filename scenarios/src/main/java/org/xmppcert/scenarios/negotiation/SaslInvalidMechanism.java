package org.xmppcert.scenarios.negotiation;

import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;

/**
 * {@code <auth/>} naming a mechanism the server does not support fails with
 * {@code <invalid-mechanism/>} (RFC 3920 §6.4, RFC 6120 §6.4.5 and §6.5.7).
 */
public final class SaslInvalidMechanism extends SaslFailureCondition {

    static final String REQ = "RFC3920-6-invalid-mechanism";
    static final String MECHANISM = "X-XMPPCERT-NONE";

    @Override
    public String id() {
        return "sasl-invalid-mechanism";
    }

    @Override
    public String title() {
        return "An <auth/> with a mechanism the server does not offer fails with invalid-mechanism";
    }

    @Override
    String condition() {
        return "invalid-mechanism";
    }

    @Override
    String requirement() {
        return REQ;
    }

    @Override
    String provoke(ScenarioContext ctx, XmppSession s, StreamFeatures f) throws XmppException {
        s.send(auth(MECHANISM, "="));
        return "<auth mechanism='" + MECHANISM + "'/> (not among " + f.saslMechanisms() + ")";
    }
}
