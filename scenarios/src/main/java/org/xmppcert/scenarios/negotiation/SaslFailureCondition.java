package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.xml.Element;

/**
 * One SASL failure condition the client can provoke after TLS, each on its own stream: the shape
 * shared by {@code invalid-mechanism}, {@code aborted} and {@code incorrect-encoding}.
 */
abstract class SaslFailureCondition extends NegotiationScenario {

    /** The condition the server must name. */
    abstract String condition();

    /** The requirement judged. */
    abstract String requirement();

    /** Sends what provokes the failure; returns a description for the message. */
    abstract String provoke(ScenarioContext ctx, XmppSession s, StreamFeatures features) throws XmppException;

    @Override
    public List<String> judges() {
        return List.of(requirement());
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = afterTls(ctx, "a", null);
        if (!n.features().offersSasl()) {
            notApplicable(ctx, judges(), "no SASL mechanism offered", n.features());
            return;
        }
        String what = provoke(ctx, n.session(), n.features());
        Element answer = awaitOrStreamError(ctx, n.session(),
                e -> isSasl(e, "failure") || isSasl(e, "success"));
        if (answer == null) {
            ctx.judge(requirement(), Status.FAIL, "no <failure/> within " + ctx.replyTimeout().toMillis() + " ms of " + what,
                    "<failure xmlns='" + SASL + "'><" + condition() + "/></failure>", n.session().peerHeader().root());
            return;
        }
        String got = isSasl(answer, "failure") ? saslCondition(answer) : null;
        ctx.judge(requirement(), passIf(condition().equals(got)),
                condition().equals(got) ? what + " failed with <" + got + "/>"
                        : what + " was answered with " + (got != null ? "<failure><" + got + "/></failure>" : answer.qualifiedName()),
                "<failure xmlns='" + SASL + "'><" + condition() + "/></failure>", answer);
    }

    /** The mechanism to start with: SCRAM-SHA-1 (mandatory to implement, RFC 6120 §13.8) when offered, else the first. */
    static String someMechanism(StreamFeatures f) {
        List<String> m = f.saslMechanisms();
        return m.contains("SCRAM-SHA-1") ? "SCRAM-SHA-1" : m.contains("PLAIN") ? "PLAIN" : m.get(0);
    }
}
