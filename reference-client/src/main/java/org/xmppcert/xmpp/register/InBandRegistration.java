package org.xmppcert.xmpp.register;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.iq.Iq;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.xml.Element;

/**
 * XEP-0077 In-Band Registration with the legacy fields every server supports (§3.1 Examples
 * 1–5; the data form of §3.1 Examples 8–10 is not needed for username and password).
 */
public final class InBandRegistration {

    /** The jabber:iq:register namespace (XEP-0077 §3). */
    public static final String NAMESPACE = "jabber:iq:register";

    private InBandRegistration() {
    }

    /**
     * The fields the server asks for (XEP-0077 §3.1 Examples 1–2), e.g. {@code username},
     * {@code password}; {@code registered} is listed when the entity is already registered.
     */
    public static List<String> fields(XmppSession session, Duration timeout) throws XmppException {
        Element response = session.request(Iq.get(null, Element.of("query", NAMESPACE)), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new RegistrationException("asking for registration fields", StanzaError.of(response));
        }
        Element query = response.child("query", NAMESPACE);
        if (query == null) {
            throw new ProtocolViolationException("the registration fields come without <query/> (XEP-0077 §3.1)",
                    response);
        }
        List<String> names = new ArrayList<>();
        for (Element f : query.elements()) {
            if (f.namespace().equals(NAMESPACE)) {
                names.add(f.name());
            }
        }
        return names;
    }

    /**
     * Registers an account (XEP-0077 §3.1 Example 4): on a stream that is not yet
     * authenticated, usually right after TLS. The password is masked in the transcript.
     *
     * @throws RegistrationException with {@code conflict} when the username is taken
     */
    public static void register(XmppSession session, String username, char[] password, Duration timeout)
            throws XmppException {
        session.options().masker().addPassword(username, password);
        Element query = Element.builder("query", NAMESPACE)
                .childWithText("username", NAMESPACE, username)
                .childWithText("password", NAMESPACE, new String(password))
                .build();
        Element response = session.request(Iq.set(null, query), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new RegistrationException("registering " + username, StanzaError.of(response));
        }
    }

    /**
     * Cancels the registration of the authenticated account (XEP-0077 §3.2 Example 11). The
     * server may close the stream right after its result.
     */
    public static void remove(XmppSession session, Duration timeout) throws XmppException {
        Element query = Element.builder("query", NAMESPACE).child(Element.of("remove", NAMESPACE)).build();
        Element response = session.request(Iq.set(null, query), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new RegistrationException("removing the account", StanzaError.of(response));
        }
    }
}
