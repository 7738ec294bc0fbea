package org.xmppcert.scenarios.negotiation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.JavaScenario;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.negotiation.ConnectionConfig;
import org.xmppcert.xmpp.negotiation.SessionNegotiator;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stream.StreamError;
import org.xmppcert.xmpp.stream.StreamFeatures;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * Common ground of the stream-negotiation scenarios (RFC 3920 §4–§7): each drives one or more
 * negotiations step by step through {@link ScenarioContext#negotiator} and judges what the server
 * sent at a given step, with that element as evidence. Every wait is bounded by the context's reply
 * timeout; the execution closes every session the scenario opened.
 */
abstract class NegotiationScenario implements JavaScenario {

    static final String SASL = XmppNamespaces.SASL;
    static final String TLS = XmppNamespaces.TLS;
    static final String BIND = XmppNamespaces.BIND;
    static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    /** The SASL failure conditions of RFC 3920 §6.4 and RFC 6120 §6.5. */
    static final List<String> SASL_CONDITIONS = List.of("aborted", "account-disabled", "credentials-expired",
            "encryption-required", "incorrect-encoding", "invalid-authzid", "invalid-mechanism", "malformed-request",
            "mechanism-too-weak", "not-authorized", "temporary-auth-failure");

    @Override
    public String spec() {
        return "RFC 3920";
    }

    @Override
    public Subject subject() {
        return Subject.SERVER;
    }

    @Override
    public List<String> accounts() {
        return List.of("alice");
    }

    /** A new session with its TCP connection open and the initial stream's features read. */
    static SessionNegotiator initial(ScenarioContext ctx, String session, Consumer<ConnectionConfig.Builder> tweak)
            throws XmppException {
        SessionNegotiator n = ctx.negotiator(session, ctx.account("alice"), tweak);
        n.connect();
        n.openStream("initial");
        return n;
    }

    /** A new session past STARTTLS (when offered), at the features of the stream after TLS. */
    static SessionNegotiator afterTls(ScenarioContext ctx, String session, Consumer<ConnectionConfig.Builder> tweak)
            throws XmppException {
        SessionNegotiator n = initial(ctx, session, tweak);
        if (n.features().offersStartTls()) {
            n.startTls();
        }
        return n;
    }

    /**
     * The next element matching, or a stream error (which ends the stream and stays queued as
     * evidence); {@code null} when neither came within the reply timeout or the stream ended
     * without one.
     */
    static Element awaitOrStreamError(ScenarioContext ctx, XmppSession s, Predicate<Element> match) {
        return awaitOrStreamError(s, match, ctx.replyTimeout());
    }

    static Element awaitOrStreamError(XmppSession s, Predicate<Element> match, Duration timeout) {
        try {
            return s.waitFor(match.or(StreamError::isStreamError), timeout, "an answer or a stream error");
        } catch (XmppException e) {
            return null;
        }
    }

    /** A SASL {@code <challenge/>}, {@code <success/>} or {@code <failure/>}. */
    static boolean isSaslAnswer(Element e) {
        return SASL.equals(e.namespace())
                && (e.name().equals("challenge") || e.name().equals("success") || e.name().equals("failure"));
    }

    /** The name of the first child in the SASL namespace of a {@code <failure/>}, or {@code null}. */
    static String saslCondition(Element failure) {
        for (Element c : failure.elements()) {
            if (SASL.equals(c.namespace()) && !c.name().equals("text")) {
                return c.name();
            }
        }
        return null;
    }

    /** The condition of a stream error (the child in urn:ietf:params:xml:ns:xmpp-streams), or {@code null}. */
    static String streamCondition(Element error) {
        for (Element c : error.elements()) {
            if (STREAM_ERRORS.equals(c.namespace()) && !c.name().equals("text")) {
                return c.name();
            }
        }
        return null;
    }

    static boolean isSasl(Element e, String name) {
        return e != null && e.is(name, SASL);
    }

    /** {@code <auth/>} with the mechanism and, when not null, the initial response as given (already encoded). */
    static Element auth(String mechanism, String initialResponse) {
        Element.Builder b = Element.builder("auth", SASL).attribute("mechanism", mechanism);
        if (initialResponse != null) {
            b.text(initialResponse);
        }
        return b.build();
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static Account alice(ScenarioContext ctx) {
        return ctx.account("alice");
    }

    /** Judges every id NOT_APPLICABLE with the features as evidence. */
    static void notApplicable(ScenarioContext ctx, List<String> ids, String why, StreamFeatures features) {
        for (String id : ids) {
            ctx.judge(id, Status.NOT_APPLICABLE, why, null, features == null ? null : features.element());
        }
    }

    /** PASS or FAIL. */
    static Status passIf(boolean ok) {
        return ok ? Status.PASS : Status.FAIL;
    }
}
