package org.xmppcert.xmpp.bind;

import java.time.Duration;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * Establishes an IM session (RFC 3921 §3), which RFC 3921 servers require after binding and
 * RFC 6121 Appendix E made obsolete; servers that still offer it may mark it optional.
 */
public final class SessionEstablishment {
    private SessionEstablishment() {
    }

    /** The IQ of RFC 3921 §3. */
    public static Element request(String id) {
        return Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "set").attribute("id", id)
                .child(Element.of("session", XmppNamespaces.SESSION)).build();
    }

    /**
     * Sends the request and waits for the result.
     *
     * @throws SessionEstablishmentException when the server answers with an error
     */
    public static void establish(XmppSession session, Duration timeout) throws XmppException {
        Element response = session.request(request(session.nextId()), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new SessionEstablishmentException(StanzaError.of(response));
        }
    }
}
