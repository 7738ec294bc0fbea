package org.xmppcert.xmpp.iq;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.Registration;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.xml.Element;

/**
 * Answers every IQ request a session receives (RFC 6120 §8.2.3 rule 3): with the handler
 * registered for its type and payload, or else with {@code <service-unavailable/>}, the answer
 * RFC 6120 §8.4 prescribes for a namespace the recipient does not understand. A request that is
 * not well made gets {@code <bad-request/>}: no or several payloads (rule 5).
 *
 * <p>The router listens without consuming: requests stay queued, so a scenario can still see
 * what the server sent while the reference client behaves as a client must.
 *
 * <p>One router per session: {@link #of(XmppSession)}.
 */
public final class IqRouter {

    private record Key(IqType type, String name, String namespace) {
    }

    private final XmppSession session;
    private final Map<Key, IqRequestHandler> handlers = new ConcurrentHashMap<>();

    private IqRouter(XmppSession session) {
        this.session = session;
        session.addListener(Iq::isRequest, this::route);
    }

    /** The session's router, installed on first use. */
    public static IqRouter of(XmppSession session) {
        return session.extension(IqRouter.class, IqRouter::new);
    }

    /**
     * Registers the handler for requests of this type whose payload is {@code <name xmlns=namespace/>}.
     * Replaces an earlier one; closing the registration removes it.
     */
    public Registration register(IqType type, String name, String namespace, IqRequestHandler handler) {
        Key key = new Key(type, name, namespace);
        handlers.put(key, Objects.requireNonNull(handler));
        return () -> handlers.remove(key, handler);
    }

    /** Whether a handler answers requests of this type and payload. */
    public boolean handles(IqType type, String name, String namespace) {
        return handlers.containsKey(new Key(type, name, namespace));
    }

    private void route(Element request) {
        IqType type = Iq.type(request).orElseThrow();
        long payloads = request.elements().size();
        Element response;
        if (payloads != 1) {
            response = Iq.error(request, StanzaErrorCondition.BAD_REQUEST);
        } else {
            Element payload = request.elements().get(0);
            IqRequestHandler h = handlers.get(new Key(type, payload.name(), payload.namespace()));
            response = h == null ? Iq.error(request, StanzaErrorCondition.SERVICE_UNAVAILABLE) : h.handle(request);
        }
        try {
            session.send(response);
        } catch (XmppException e) {
            session.recordEvent("could not answer IQ " + request.attribute("id") + ": " + e.getMessage());
        }
    }
}
