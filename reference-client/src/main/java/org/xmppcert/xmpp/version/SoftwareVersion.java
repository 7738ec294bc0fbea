package org.xmppcert.xmpp.version;

import java.time.Duration;
import java.util.Objects;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.disco.LocalFeatures;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0092 Software Version on one session: {@link #of(XmppSession)} installs the responder
 * (a get with an empty {@code jabber:iq:version} query is answered with {@link #local()}, and
 * the feature is added to {@link LocalFeatures}) and gives the requester
 * {@link #query(String, Duration)}.
 *
 * <p>The operating system is left out of the answer by default: it is optional, and telling it
 * to anyone who asks helps attackers more than it helps users.
 *
 * <p>Thread-safe.
 */
public final class SoftwareVersion {

    /** The namespace (XEP-0092). */
    public static final String NAMESPACE = "jabber:iq:version";

    /** The name this client gives. */
    public static final String NAME = "xmppcert";

    private final XmppSession session;
    private final IqRouter router;
    private final LocalFeatures features;
    private volatile VersionInfo answer = local();
    private Registration handler;
    private Registration feature;

    private SoftwareVersion(XmppSession session, IqRouter router, LocalFeatures features) {
        this.session = session;
        this.router = router;
        this.features = features;
        enableResponder();
    }

    /** The session's instance; the first call installs the responder. */
    public static SoftwareVersion of(XmppSession session) {
        // Fetched first: XmppSession.extension must not be re-entered from inside a creation.
        IqRouter router = IqRouter.of(session);
        LocalFeatures features = LocalFeatures.of(session);
        return session.extension(SoftwareVersion.class, s -> new SoftwareVersion(s, router, features));
    }

    /**
     * What this client says about itself: {@code xmppcert}, the version in the jar's manifest
     * ({@code Implementation-Version}) or {@code development} when run from classes, no OS.
     */
    public static VersionInfo local() {
        String v = SoftwareVersion.class.getPackage().getImplementationVersion();
        return new VersionInfo(NAME, v == null || v.isBlank() ? "development" : v, null);
    }

    // ---------------------------------------------------------------- stanzas, step by step

    /** A query: {@code <iq type='get'><query xmlns='jabber:iq:version'/></iq>} to {@code to}. */
    public static Element request(String to) {
        return Iq.get(to, Element.of("query", NAMESPACE));
    }

    /** The result answering a request with these values. */
    public static Element response(Element request, VersionInfo info) {
        return Iq.result(request, info.toQuery());
    }

    // ---------------------------------------------------------------- responder

    /** Replaces what the responder answers, e.g. to include an OS. */
    public void setAnswer(VersionInfo info) {
        this.answer = Objects.requireNonNull(info, "info");
    }

    /** What the responder answers. */
    public VersionInfo answer() {
        return answer;
    }

    /** Answers version queries and advertises the namespace (the default). */
    public synchronized void enableResponder() {
        if (handler == null) {
            handler = router.register(IqType.GET, "query", NAMESPACE, r -> response(r, answer));
            feature = features.addFeature(NAMESPACE);
        }
    }

    /** Stops answering (the router answers service-unavailable) and withdraws the feature. */
    public synchronized void disableResponder() {
        if (handler != null) {
            handler.close();
            feature.close();
            handler = null;
            feature = null;
        }
    }

    // ---------------------------------------------------------------- requester

    /**
     * Asks an entity for its software version.
     *
     * @param to the entity, e.g. the server's domain, or a client's full JID
     * @return what it said; fields it left out are {@code null}
     * @throws VersionQueryException when the answer is an IQ error
     * @throws ProtocolViolationException when the result has no {@code <query/>}
     */
    public VersionInfo query(String to, Duration timeout) throws XmppException {
        Element response = session.request(request(to), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new VersionQueryException(to, StanzaError.of(response), response);
        }
        Element query = response.child("query", NAMESPACE);
        if (query == null) {
            throw new ProtocolViolationException("the software version result of " + to
                    + " has no <query xmlns='" + NAMESPACE + "'/>", response);
        }
        return VersionInfo.parse(query);
    }

    /** Asks the server (its domain) within the session's reply timeout. */
    public VersionInfo queryServer() throws XmppException {
        return query(session.domain(), session.options().replyTimeout());
    }
}
