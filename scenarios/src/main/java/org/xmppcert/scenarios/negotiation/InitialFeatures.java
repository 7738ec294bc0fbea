package org.xmppcert.scenarios.negotiation;

import java.util.List;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;

/**
 * The features of the initial stream, before any security layer (RFC 3920 §4.6, §5.1, §6.1, §7;
 * RFC 6120 §4.3.2, §5.3.1, §6.3.4, §7.4): a 1.0 header is answered with {@code <stream:features/>};
 * STARTTLS is offered; neither resource binding nor session establishment is offered before SASL;
 * no mechanism that needs TLS (a channel-binding {@code -PLUS} one) is offered before TLS. Also the
 * response header's {@code xml:lang} (RFC 3920 §4.4, RFC 6120 §4.7.4).
 */
public final class InitialFeatures extends NegotiationScenario {

    static final String FEATURES = "RFC3920-4.6-features";
    static final String STARTTLS = "RFC3920-5-starttls-offered";
    static final String NO_BIND = "RFC3920-7-bind-not-before-sasl";
    static final String NO_EARLY = "RFC3920-4.6-no-features-before-security";
    static final String NO_PLUS = "RFC3920-6-no-tls-mechanism-before-tls";
    static final String LANG = "RFC3920-4.4-xml-lang-header";

    @Override
    public String id() {
        return "negotiation-initial-features";
    }

    @Override
    public String title() {
        return "The initial stream offers features: STARTTLS, and neither binding, session nor a TLS-bound mechanism";
    }

    @Override
    public List<String> judges() {
        return List.of(FEATURES, STARTTLS, NO_BIND, NO_EARLY, NO_PLUS, LANG);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        SessionNegotiator n = ctx.negotiator("a", alice(ctx), null);
        n.connect();
        StreamFeatures f;
        try {
            f = n.openStream("initial");
        } catch (ResponseTimeoutException e) {
            StreamHeader h = n.session().peerHeader();
            ctx.judge(FEATURES, Status.FAIL, "no <stream:features/> within " + ctx.replyTimeout().toMillis()
                    + " ms of the 1.0 response header", "<stream:features>…</stream:features>", h == null ? null : h.root());
            return;
        }
        StreamHeader header = n.session().peerHeader();
        String lang = header.lang();
        ctx.judge(LANG, passIf(lang != null && !lang.isBlank()),
                lang == null ? "the response header has no xml:lang" : "the response header's xml:lang is '" + lang + "'",
                "<stream:stream xml:lang='…'>", header.root());
        ctx.judge(FEATURES, Status.PASS, "the server sent its features: " + f.summary(), "<stream:features>", f.element());
        ctx.judge(STARTTLS, passIf(f.offersStartTls()), f.offersStartTls() ? "STARTTLS is offered"
                : "the initial features do not offer <starttls xmlns='" + TLS + "'/>", "<starttls xmlns='" + TLS + "'/>",
                f.element());
        ctx.judge(NO_BIND, passIf(!f.offersBind()), f.offersBind() ? "resource binding is offered before SASL"
                : "no <bind/> before SASL", "no <bind xmlns='" + BIND + "'/>", f.element());
        boolean early = f.offersBind() || f.offersSession();
        ctx.judge(NO_EARLY, passIf(!early), early ? "binding or session establishment is offered before TLS and SASL"
                : "neither binding nor session is offered before TLS and SASL", "no <bind/>, no <session/>", f.element());
        List<String> plus = f.saslMechanisms().stream().filter(m -> m.endsWith("-PLUS")).toList();
        ctx.judge(NO_PLUS, passIf(plus.isEmpty()), plus.isEmpty()
                ? "no channel-binding mechanism before TLS (offered: " + f.saslMechanisms() + ")"
                : "offered before TLS although they bind to the TLS channel: " + plus,
                "no *-PLUS mechanism", f.element());
    }
}
