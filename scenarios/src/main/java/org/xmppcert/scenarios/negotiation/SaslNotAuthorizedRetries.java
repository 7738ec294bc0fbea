package org.xmppcert.scenarios.negotiation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.sasl.MechanismSelector;
import org.xmppcert.xmpp.sasl.SaslCredentials;
import org.xmppcert.xmpp.sasl.SaslMechanism;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.xml.Element;

/**
 * Wrong credentials (RFC 3920 §6.2 step 5, §6.4; RFC 6120 §6.4.5, §6.5.10): the account's name with
 * a wrong password ends in {@code <failure/>} with {@code <not-authorized/>}, never in
 * {@code <success/>}. Retries (RFC 3920 §6.2, RFC 6120 §6.4.5: "SHOULD allow a configurable but
 * reasonable number of retries (at least 2 and no more than 5)"): after that failure, a second
 * wrong attempt is answered again and a third with the right password succeeds, on the same stream.
 */
public final class SaslNotAuthorizedRetries extends NegotiationScenario {

    static final String NOT_AUTHORIZED = "RFC3920-6-not-authorized";
    static final String CONDITION = "RFC3920-6-failure-condition";
    static final String RETRIES = "RFC3920-6-retries";

    @Override
    public String id() {
        return "sasl-wrong-password-retries";
    }

    @Override
    public String title() {
        return "A wrong password fails with not-authorized, and two more attempts are allowed on the same stream";
    }

    @Override
    public List<String> judges() {
        return List.of(NOT_AUTHORIZED, CONDITION, RETRIES);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        Account alice = alice(ctx);
        char[] wrong = ("not-" + new String(alice.password())).toCharArray();
        SessionNegotiator n = afterTls(ctx, "a", b -> b.password(wrong));
        // The right password is sent later on this stream: the transcript must mask it too.
        n.session().options().masker().addPassword(alice.jid().local().orElse(null), alice.password());
        List<Element> answers = new CopyOnWriteArrayList<>();
        n.session().addListener(e -> isSasl(e, "success") || isSasl(e, "failure"), answers::add);
        StreamFeatures features = n.features();

        Element first = attempt(ctx, n, answers, 0);
        if (first == null) {
            throw new XmppException("no answer to the first (wrong) SASL attempt within " + ctx.replyTimeout().toMillis() + " ms");
        }
        boolean failed = isSasl(first, "failure");
        ctx.judge(NOT_AUTHORIZED, passIf(failed), failed ? "a wrong password ended in <failure/>"
                : "a wrong password was answered with " + first.qualifiedName(), "<failure xmlns='" + SASL + "'/>", first);
        if (!failed) {
            ctx.judge(CONDITION, Status.NOT_APPLICABLE, "no failure to look at", null, first);
            ctx.judge(RETRIES, Status.NOT_APPLICABLE, "no failure to retry after", null, first);
            return;
        }
        String condition = saslCondition(first);
        ctx.judge(CONDITION, passIf("not-authorized".equals(condition)), condition == null
                ? "the <failure/> names no condition" : "the <failure/> names <" + condition + "/>",
                "<failure xmlns='" + SASL + "'><not-authorized/></failure>", first);

        Element second = attempt(ctx, n, answers, 1);
        if (second == null || !isSasl(second, "failure")) {
            ctx.judge(RETRIES, Status.FAIL, second == null ? "the second attempt after a failure was not answered"
                    : "the second (wrong) attempt was answered with " + second.qualifiedName(),
                    "<failure/>, then <success/> to the right password", second != null ? second : first);
            return;
        }
        SaslCredentials right = SaslCredentials.of(ctx.domain(), alice.jid().local().orElseThrow(), alice.password());
        SaslMechanism mechanism = MechanismSelector.withDefaultOrder()
                .select(features.saslMechanisms(), right, MechanismSelector.StreamSecurity.TLS_VERIFIED, false)
                .newMechanism(right)
                .orElseThrow(() -> new XmppException("no usable SASL mechanism among " + features.saslMechanisms()));
        Element third;
        try {
            n.authenticateWith(mechanism);
            third = answers.size() > 2 ? answers.get(2) : null;
        } catch (XmppException e) {
            third = answers.size() > 2 ? answers.get(2) : streamErrorOrNull(n);
        }
        boolean ok = isSasl(third, "success");
        ctx.judge(RETRIES, passIf(ok), ok ? "after two failures the third attempt, with the right password, succeeded"
                : third == null ? "the third attempt (right password) was not answered"
                : "the third attempt (right password) was answered with " + third.qualifiedName(),
                "<success xmlns='" + SASL + "'/> to the third attempt", third != null ? third : second);
    }

    /**
     * One authentication with the negotiator's (wrong) password; the answer is the (index+1)-th
     * success or failure, or the stream error that ended the stream, or {@code null}.
     */
    private static Element attempt(ScenarioContext ctx, SessionNegotiator n, List<Element> answers, int index) {
        try {
            n.authenticate();
        } catch (XmppException expected) {
            // A failure (expected), a stream error or a timeout: told apart below.
        }
        return answers.size() > index ? answers.get(index) : streamErrorOrNull(n);
    }

    private static Element streamErrorOrNull(SessionNegotiator n) {
        return n.session().poll(StreamError::isStreamError).orElse(null);
    }
}
