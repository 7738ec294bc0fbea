package org.xmppcert.xmpp.bind;

import java.time.Duration;
import java.util.Optional;
import org.xmppcert.xmpp.XmppException;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * Binds a resource to the stream (RFC 6120 §7.5–§7.7, RFC 3920 §7): asks for a given resource or
 * lets the server generate one, and checks that the result carries a full JID.
 */
public final class ResourceBinding {
    private ResourceBinding() {
    }

    /** The IQ that asks to bind {@code resource}, or a server-generated resource when {@code null}. */
    public static Element request(String id, String resource) {
        Element.Builder bind = Element.builder("bind", XmppNamespaces.BIND);
        if (resource != null) {
            bind.childWithText("resource", XmppNamespaces.BIND, resource);
        }
        return Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", "set").attribute("id", id)
                .child(bind.build()).build();
    }

    /**
     * Binds and returns the full JID the server assigned.
     *
     * @param resource the resource to request, or {@code null} for a server-generated one (§7.6)
     * @throws BindException when the server answers with an error (§7.6.2, §7.7.2)
     * @throws ProtocolViolationException when the result carries no valid full JID (§7.6.1)
     */
    public static Jid bind(XmppSession session, String resource, Duration timeout) throws XmppException {
        Element response = session.request(request(session.nextId(), resource), timeout);
        if ("error".equals(response.attribute("type"))) {
            throw new BindException(StanzaError.of(response));
        }
        Element bind = response.child("bind", XmppNamespaces.BIND);
        String jidText = bind == null ? null : bind.childText("jid", XmppNamespaces.BIND);
        if (jidText == null) {
            throw new ProtocolViolationException("the bind result has no <jid/> (RFC 6120 §7.6.1)", response);
        }
        Optional<Jid> jid = Jid.tryParse(jidText.trim());
        if (jid.isEmpty() || jid.get().resource().isEmpty() || jid.get().local().isEmpty()) {
            throw new ProtocolViolationException("the bind result '" + jidText
                    + "' is not a full JID <localpart@domainpart/resourcepart> (RFC 6120 §7.6.1)", response);
        }
        return jid.get();
    }
}
