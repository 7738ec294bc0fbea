package org.xmppcert.xmpp.iq;

import java.util.Optional;
import org.xmppcert.xmpp.stanza.StanzaError;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/** Builds and reads IQ stanzas (RFC 6120 §8.2.3). */
public final class Iq {
    private Iq() {
    }

    /** Whether the element is an {@code <iq/>} of the client namespace. */
    public static boolean isIq(Element e) {
        return e.is("iq", XmppNamespaces.CLIENT);
    }

    /** The type of an IQ, empty when missing or not one of the four. */
    public static Optional<IqType> type(Element iq) {
        return IqType.of(iq.attribute("type"));
    }

    /** Whether the element is an IQ request (get or set). */
    public static boolean isRequest(Element e) {
        return isIq(e) && type(e).map(IqType::isRequest).orElse(false);
    }

    /** The single payload of a request (rule 5), or of a result (zero or one, rule 6); else {@code null}. */
    public static Element payload(Element iq) {
        return iq.elements().stream().filter(c -> !c.is("error", XmppNamespaces.CLIENT)).findFirst().orElse(null);
    }

    /** A request of the given type with one payload; {@code to} may be {@code null}. The id is left to the sender. */
    public static Element request(IqType type, String to, Element payload) {
        if (!type.isRequest()) {
            throw new IllegalArgumentException("not a request type: " + type);
        }
        Element.Builder b = Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", type.value());
        if (to != null) {
            b.attribute("to", to);
        }
        return b.child(payload).build();
    }

    /** {@code <iq type='get'/>} to {@code to} (or the server when {@code null}). */
    public static Element get(String to, Element payload) {
        return request(IqType.GET, to, payload);
    }

    /** {@code <iq type='set'/>} to {@code to} (or the server when {@code null}). */
    public static Element set(String to, Element payload) {
        return request(IqType.SET, to, payload);
    }

    /**
     * The result answering a request: same id, addressed back to its sender (rule 3), with an
     * optional payload.
     */
    public static Element result(Element request, Element payload) {
        Element.Builder b = answer(request, IqType.RESULT);
        if (payload != null) {
            b.child(payload);
        }
        return b.build();
    }

    /** The error answering a request, with the condition's usual type (RFC 6120 §8.3.3). */
    public static Element error(Element request, StanzaErrorCondition condition) {
        return error(request, condition.usualType() == null ? "cancel" : condition.usualType(), condition, null);
    }

    /** The error answering a request (rule 7, RFC 6120 §8.3.2); the request's payload is not echoed. */
    public static Element error(Element request, String errorType, StanzaErrorCondition condition, String text) {
        return answer(request, IqType.ERROR).child(StanzaError.build(errorType, condition, text)).build();
    }

    private static Element.Builder answer(Element request, IqType type) {
        Element.Builder b = Element.builder("iq", XmppNamespaces.CLIENT).attribute("type", type.value());
        String id = request.attribute("id");
        if (id != null) {
            b.attribute("id", id);
        }
        String from = request.attribute("from");
        if (from != null) {
            b.attribute("to", from);
        }
        return b;
    }
}
