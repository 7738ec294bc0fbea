package org.xmppcert.scenarios.imext;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.negotiation.TlsMode;
import org.xmppcert.xmpp.register.InBandRegistration;
import org.xmppcert.xmpp.session.ResponseTimeoutException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * An account whose localpart is escaped (XEP-0106 §5.1 example 4, {@code d\27artagnan}, with a
 * suffix from alice's localpart and a random one, since a
 * pool account's name is the same from run to run) is registered in band (XEP-0077), authenticated and bound
 * under that localpart; it sends alice a message and alice answers to its bare JID: the server
 * stamps and routes the escaped JID byte for byte (XEP-0106 §2 requirements 4 and 5, §4.1 rule 4).
 * The account is removed at the end.
 *
 * <p>A Java scenario because the scenario language cannot create accounts. Without in-band
 * registration, or when the server refuses registration by policy, it is NOT_APPLICABLE.
 */
public final class EscapedAccountRouted implements JavaScenario {

    static final String ROUTED = "XEP0106-2-escaped-account-routed";
    static final String ON_WIRE = "XEP0106-4.1-not-unescaped-on-wire";
    private static final String REGISTER_FEATURE = "http://jabber.org/features/iq-register";
    /** Refusals that are a policy, not a judgement on the escaped name. */
    private static final Set<String> POLICY = Set.of("not-allowed", "forbidden", "service-unavailable",
            "resource-constraint", "registration-required", "policy-violation");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String id() {
        return "escaped-account-routed";
    }

    @Override
    public String title() {
        return "An account with an escaped localpart is registered, bound and routed under its escaped JID unchanged";
    }

    @Override
    public String spec() {
        return "XEP-0106";
    }

    @Override
    public Subject subject() {
        return Subject.SERVER;
    }

    @Override
    public List<String> accounts() {
        return List.of("alice");
    }

    @Override
    public List<String> judges() {
        return List.of(ROUTED, ON_WIRE);
    }

    @Override
    public void run(ScenarioContext ctx) throws XmppException {
        Account alice = ctx.account("alice");
        Jid escaped = Jid.ofUnescaped("d'artagnan-" + alice.jid().local().orElse("x") + "-"
                + HexFormat.of().toHexDigits((short) RANDOM.nextInt(0x10000)), ctx.domain(), null);
        String local = escaped.local().orElseThrow();
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Account dartagnan = new Account("dartagnan", escaped, password);

        AtomicReference<ConnectionConfig> config = new AtomicReference<>();
        SessionNegotiator n = ctx.negotiator("d", dartagnan, b -> config.set(b.resource("gascony").build()));
        n.connect();
        StreamFeatures features = n.openStream("initial");
        if (features.offersStartTls() && config.get().tlsMode() != TlsMode.DISABLED) {
            features = n.startTls();
        }
        XmppSession d = n.session();
        if (!features.element().hasChild("register", REGISTER_FEATURE)) {
            notApplicable(ctx, "the server does not offer in-band registration (XEP-0077): no escaped account can be created",
                    features.element());
            return;
        }
        d.options().masker().addPassword(local, password);
        Element registered = d.request(Iq.set(null, Element.builder("query", InBandRegistration.NAMESPACE)
                .childWithText("username", InBandRegistration.NAMESPACE, local)
                .childWithText("password", InBandRegistration.NAMESPACE, new String(password)).build()), ctx.replyTimeout());
        if ("error".equals(registered.attribute("type"))) {
            String condition = StanzaError.of(registered).conditionName();
            if (POLICY.contains(condition)) {
                notApplicable(ctx, "the server refuses in-band registration by policy (" + condition + ")", registered);
            } else {
                ctx.judge(ROUTED, Status.FAIL, "registering the escaped localpart '" + local + "' was refused with " + condition,
                        "<iq type='result'/>", registered);
                ctx.judge(ON_WIRE, Status.NOT_APPLICABLE, "no escaped account", registered);
            }
            return;
        }
        try {
            n.authenticate();
            Jid bound = n.bind();
            n.establishSession();
            if (!local.equals(bound.local().orElse(null))) {
                ctx.judge(ROUTED, Status.FAIL, "the escaped account was bound as " + bound, local + "@" + ctx.domain(), null);
                ctx.judge(ON_WIRE, Status.FAIL, "the bound JID " + bound + " is not the escaped one", local, null);
                return;
            }
            // Available, so that a message to the bare JID is delivered to it (RFC 6121 8.5.2.1.1).
            d.send(Element.of("presence", XmppNamespaces.CLIENT));
            XmppSession a = ctx.connect("a", alice, "gate");
            d.send(message(a.localJid().toString(), "m1", "And do you always forget your eyes when you run?"));
            Element got = arrival(a, "m1", ctx);
            a.send(message(escaped.toString(), "r1", "Only when I run after you."));
            Element back = arrival(d, "r1", ctx);
            if (got == null || back == null) {
                ctx.judge(ROUTED, Status.FAIL, (got == null ? "the message from" : "the answer to")
                        + " the escaped account was not delivered within " + ctx.replyTimeout().toMillis() + " ms", null, null);
                ctx.judge(ON_WIRE, Status.NOT_APPLICABLE, "no message to look at", null);
                return;
            }
            String from = got.attribute("from");
            String to = back.attribute("to");
            boolean fromExact = bound.toString().equals(from);
            boolean toExact = to != null && (to.equals(escaped.toString()) || to.equals(bound.toString()));
            ctx.judge(ROUTED, fromExact && toExact ? Status.PASS : Status.FAIL,
                    "the message came from '" + from + "', the answer was delivered to '" + to + "' (bound as " + bound + ")",
                    "from='" + bound + "'", fromExact ? back : got);
            ctx.judge(ON_WIRE, fromExact && toExact ? Status.PASS : Status.FAIL,
                    fromExact && toExact ? "the escaped JID travelled unchanged both ways"
                            : "the escaped JID changed on the way: from='" + from + "', to='" + to + "'",
                    "'" + local + "@" + ctx.domain() + "' unchanged", fromExact ? back : got);
        } finally {
            if (d.isOpen()) {
                try {
                    InBandRegistration.remove(d, ctx.replyTimeout());
                } catch (XmppException e) {
                    d.recordEvent("removing the escaped account failed: " + e.getMessage());
                }
            }
        }
    }

    private static Element message(String to, String id, String body) {
        return Element.builder("message", XmppNamespaces.CLIENT).attribute("to", to).attribute("id", id)
                .attribute("type", "chat").childWithText("body", XmppNamespaces.CLIENT, body).build();
    }

    /** The message with this id, or null when it did not come within the reply timeout. */
    private static Element arrival(XmppSession s, String id, ScenarioContext ctx) throws XmppException {
        try {
            return s.waitFor(e -> e.is("message", XmppNamespaces.CLIENT) && id.equals(e.attribute("id")),
                    ctx.replyTimeout(), "message " + id);
        } catch (ResponseTimeoutException e) {
            return null;
        }
    }

    private void notApplicable(ScenarioContext ctx, String why, Element evidence) {
        for (String id : judges()) {
            ctx.judge(id, Status.NOT_APPLICABLE, why, evidence);
        }
    }
}
