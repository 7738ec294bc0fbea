package org.xmppcert.xmpp.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.iq.IqRouter;
import org.xmppcert.xmpp.iq.IqType;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * Privacy lists of the account of one session (RFC 3921 §10): {@link #of(XmppSession)}.
 *
 * <p><b>Requests.</b> Every use case of §10.3–§10.8 is one blocking call bounded by the
 * session's reply timeout (or by the one given to {@link #withTimeout(Duration)}). A refusal is
 * a {@link PrivacyException} carrying the stanza error; a result that cannot be read is a
 * {@link ProtocolViolationException} with the result as evidence.
 *
 * <p><b>Pushes.</b> When a list changes, the server pushes its name to every connected resource
 * (§10.2 rule 10, §10.6), which must answer with a result "in accordance with the semantics of
 * IQ stanzas". Installed on first use, the manager answers each push through the session's
 * {@link IqRouter}: a result for a push from the account itself (no {@code from}, or the bare
 * JID); {@code service-unavailable} for one from anyone else, since pushes "adhere to the same
 * semantics as the roster pushes" and RFC 6121 §2.1.6 lets a client answer an unauthorised
 * roster push so; {@code bad-request} for a push that names not exactly one list. Pushes stay
 * queued (the router only listens), so {@link #nextPush(Duration)} can take them, and push
 * listeners are told the list name. Refetching a changed list that applies to the session
 * ("SHOULD", rule 10) is left to the caller, which knows which lists it uses.
 *
 * <p>Thread-safe. Requests block (bounded): never call them from a handler or listener.
 */
public final class PrivacyLists {

    private final XmppSession session;
    private final Duration timeout;
    private final List<Consumer<String>> pushListeners;

    private PrivacyLists(XmppSession session, Duration timeout, List<Consumer<String>> pushListeners) {
        this.session = session;
        this.timeout = timeout;
        this.pushListeners = pushListeners;
    }

    /** The session's instance; the first call installs the push handler. */
    public static PrivacyLists of(XmppSession session) {
        // Fetched first: XmppSession.extension must not be re-entered from inside a creation.
        IqRouter router = IqRouter.of(session);
        return session.extension(PrivacyLists.class, s -> {
            PrivacyLists p = new PrivacyLists(s, null, new CopyOnWriteArrayList<>());
            router.register(IqType.SET, "query", PrivacyIq.NAMESPACE, p::answerPush);
            return p;
        });
    }

    /** The same manager with another bound on each request. */
    public PrivacyLists withTimeout(Duration requestTimeout) {
        return new PrivacyLists(session, requestTimeout, pushListeners);
    }

    private Duration timeout() {
        return timeout != null ? timeout : session.options().replyTimeout();
    }

    // ---------------------------------------------------------------- requests

    /** The names of the lists, the session's active list and the account's default list (§10.3). */
    public PrivacyListNames names() throws XmppException {
        Element result = resultOf(PrivacyIq.getNames(), "retrieving the privacy list names");
        try {
            return PrivacyIq.parseNames(result);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(e.getMessage(), result);
        }
    }

    /**
     * One list (§10.3).
     *
     * @throws PrivacyException {@code item-not-found} when there is no list by that name
     */
    public PrivacyList list(String name) throws XmppException {
        Element result = resultOf(PrivacyIq.getList(name), "retrieving privacy list '" + name + "'");
        try {
            return PrivacyIq.parseList(result);
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(e.getMessage(), result);
        }
    }

    /** Creates or replaces a list (§10.6, §10.7); the server then pushes its name to every resource. */
    public void setList(PrivacyList list) throws XmppException {
        resultOf(PrivacyIq.setList(list), "setting privacy list '" + list.name() + "'");
    }

    /**
     * Removes a list (§10.8).
     *
     * @throws PrivacyException {@code conflict} when it applies to another connected resource,
     *         {@code item-not-found} when there is no such list
     */
    public void removeList(String name) throws XmppException {
        resultOf(PrivacyIq.removeList(name), "removing privacy list '" + name + "'");
    }

    /**
     * Makes a list active for this session (§10.4); the server applies it before answering.
     *
     * @throws PrivacyException {@code item-not-found} when there is no such list
     */
    public void setActive(String name) throws XmppException {
        resultOf(PrivacyIq.setActive(name), "activating privacy list '" + name + "'");
    }

    /** Declines any active list for this session (§10.4, empty {@code <active/>}). */
    public void declineActive() throws XmppException {
        resultOf(PrivacyIq.setActive(null), "declining the active privacy list");
    }

    /**
     * Makes a list the account's default (§10.5).
     *
     * @throws PrivacyException {@code conflict} when the default list is in use by another
     *         connected resource, {@code item-not-found} when there is no such list
     */
    public void setDefault(String name) throws XmppException {
        resultOf(PrivacyIq.setDefault(name), "making privacy list '" + name + "' the default");
    }

    /**
     * Declines the default list (§10.5, empty {@code <default/>}).
     *
     * @throws PrivacyException {@code conflict} when it applies to another connected resource
     */
    public void declineDefault() throws XmppException {
        resultOf(PrivacyIq.setDefault(null), "declining the default privacy list");
    }

    /**
     * Sends any request and returns the response as it is, result or error: the step-by-step
     * form of the calls above, for deliberately odd requests built with {@link PrivacyIq}.
     */
    public Element exchange(Element request) throws XmppException {
        return session.request(request, timeout());
    }

    private Element resultOf(Element request, String what) throws XmppException {
        Element response = exchange(request);
        if ("error".equals(response.attribute("type"))) {
            throw new PrivacyException(what, StanzaError.of(response), response);
        }
        return response;
    }

    // ---------------------------------------------------------------- pushes

    /** Tells the listener the name of every list pushed by the account's server; runs on the I/O thread. */
    public Registration addPushListener(Consumer<String> listener) {
        pushListeners.add(listener);
        return () -> pushListeners.remove(listener);
    }

    /**
     * Takes the next privacy list push received from the account (it has been answered already),
     * waiting within the bound, and returns the name of the list it names. Pushes from anyone
     * else stay queued, for a scenario to judge.
     */
    public String nextPush(Duration within) throws XmppException {
        Element push = session.waitFor(e -> PrivacyIq.isPush(e) && fromOwnAccount(e), within, "a privacy list push");
        return PrivacyIq.pushedList(push).orElseThrow(() -> new ProtocolViolationException(
                "RFC 3921 §10.2 rule 10: a privacy list push names exactly one list, without items", push));
    }

    /** Whether a push comes from the account itself: no {@code from}, or the user's bare JID. */
    boolean fromOwnAccount(Element push) {
        String from = push.attribute("from");
        if (from == null) {
            return true;
        }
        Jid self = session.localJid();
        Optional<Jid> f = Jid.tryParse(from);
        return self != null && f.isPresent() && f.get().equals(self.bare());
    }

    private Element answerPush(Element request) {
        if (!fromOwnAccount(request)) {
            session.recordEvent("ignored a privacy list push from " + request.attribute("from")
                    + ", which is not our account (RFC 6121 §2.1.6, by RFC 3921 §10.2 rule 10)");
            return Iq.error(request, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        Optional<String> name = PrivacyIq.pushedList(request);
        if (name.isEmpty()) {
            return Iq.error(request, StanzaErrorCondition.BAD_REQUEST);
        }
        for (Consumer<String> l : pushListeners) {
            try {
                l.accept(name.get());
            } catch (RuntimeException e) {
                session.recordEvent("a privacy push listener failed: " + e);
            }
        }
        return Iq.result(request, null);
    }
}
