package org.xmppcert.scenarios.negotiation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.StreamHeader;
import org.xmppcert.xmpp.xml.Element;

/**
 * SASL success and the restart after it (RFC 3920 §6.2 steps 5–7 and §7, RFC 6120 §6.4.6, §7.4):
 * valid credentials end with {@code <success/>}; the new stream has a new header and features
 * without STARTTLS or SASL, with {@code <bind/>}. And stream ids (RFC 3920 §4.4, RFC 6120 §4.7.3):
 * the ids of every stream of two negotiations (initial, after TLS, after SASL) are all different.
 */
public final class SaslSuccessRestart extends NegotiationScenario {

    static final String SUCCESS = "RFC3920-6-success";
    static final String RESTART = "RFC3920-6-restart-features";
    static final String BIND_OFFERED = "RFC3920-7-bind-offered";
    static final String UNIQUE = "RFC3920-4.4-stream-id-unique";

    @Override
    public String id() {
        return "negotiation-sasl-restart";
    }

    @Override
    public String title() {
        return "SASL succeeds with valid credentials; the stream after SASL is new and offers binding; stream ids are unique";
    }

    @Override
    public List<String> judges() {
        return List.of(SUCCESS, RESTART, BIND_OFFERED, UNIQUE);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        List<StreamHeader> headers = new ArrayList<>();
        StreamFeatures after = null;
        for (String name : List.of("a", "b")) {
            SessionNegotiator n = initial(ctx, name, null);
            headers.add(n.session().peerHeader());
            if (n.features().offersStartTls()) {
                n.startTls();
                headers.add(n.session().peerHeader());
            }
            AtomicReference<Element> success = new AtomicReference<>();
            n.session().addListener(e -> isSasl(e, "success"), e -> success.compareAndSet(null, e));
            StreamFeatures sasl = n.authenticate();
            headers.add(n.session().peerHeader());
            if (after == null) {
                after = sasl;
                ctx.judge(SUCCESS, Status.PASS, "valid credentials ended the exchange with <success/>",
                        "<success xmlns='" + SASL + "'/>", success.get());
                List<String> left = new ArrayList<>();
                if (sasl.offersStartTls()) {
                    left.add("STARTTLS");
                }
                if (sasl.element().hasChild("mechanisms", SASL)) {
                    left.add("SASL mechanisms");
                }
                ctx.judge(RESTART, passIf(left.isEmpty()), left.isEmpty()
                        ? "a new stream after SASL, its features without STARTTLS or SASL: " + sasl.summary()
                        : "the features after SASL still offer " + String.join(" and ", left),
                        "<stream:features> without <starttls/> or <mechanisms/>", sasl.element());
                ctx.judge(BIND_OFFERED, passIf(sasl.offersBind()), sasl.offersBind() ? "<bind/> is offered after SASL"
                        : "the features after SASL do not offer <bind xmlns='" + BIND + "'/>",
                        "<bind xmlns='" + BIND + "'/>", sasl.element());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        StreamHeader repeated = null;
        for (StreamHeader h : headers) {
            if (h.id() != null && !seen.add(h.id()) && repeated == null) {
                repeated = h;
            }
        }
        ctx.judge(UNIQUE, passIf(repeated == null), repeated == null
                ? headers.size() + " streams of two sessions, " + seen.size() + " different ids: " + seen
                : "the stream id '" + repeated.id() + "' was given to two streams (ids in order: "
                        + headers.stream().map(StreamHeader::id).toList() + ")",
                "a different id on every stream", repeated == null ? headers.get(headers.size() - 1).root() : repeated.root());
    }
}
