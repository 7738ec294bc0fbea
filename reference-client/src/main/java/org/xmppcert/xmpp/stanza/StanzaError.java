package org.xmppcert.xmpp.stanza;

import java.util.Objects;
import org.xmppcert.xmpp.stream.ErrorElementParts;
import org.xmppcert.xmpp.stream.XmppNamespaces;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code <error/>} child of a stanza of type error (RFC 6120 §8.3.2, RFC 3920 §9.3.2).
 *
 * @param type the {@code type} attribute (auth, cancel, continue, modify, wait), or {@code null}
 *        when missing
 * @param condition the defined condition; {@link StanzaErrorCondition#UNKNOWN} when none matched
 * @param conditionName the condition element's name as received, {@code null} when absent
 * @param text the {@code <text/>}, or {@code null}
 * @param textLang its {@code xml:lang}, or {@code null}
 * @param applicationCondition a child in another namespace, or {@code null}
 * @param element the whole {@code <error/>} element, or {@code null} when the stanza had none
 */
public record StanzaError(String type, StanzaErrorCondition condition, String conditionName, String text,
        String textLang, Element applicationCondition, Element element) {

    public StanzaError {
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * Reads the error of a stanza. A stanza of type error without an {@code <error/>} child
     * gives an error with every field empty and {@link StanzaErrorCondition#UNKNOWN}.
     */
    public static StanzaError of(Element stanza) {
        Element error = stanza.child("error", stanza.namespace());
        if (error == null) {
            return new StanzaError(null, StanzaErrorCondition.UNKNOWN, null, null, null, null, null);
        }
        ErrorElementParts parts = ErrorElementParts.of(error, XmppNamespaces.STANZA_ERRORS);
        StanzaErrorCondition c = parts.conditionName() == null ? StanzaErrorCondition.UNKNOWN
                : StanzaErrorCondition.fromElementName(parts.conditionName());
        return new StanzaError(error.attribute("type"), c, parts.conditionName(), parts.text(), parts.textLang(),
                parts.applicationCondition(), error);
    }

    /** Builds an {@code <error/>} element to put in a stanza (jabber:client). */
    public static Element build(String type, StanzaErrorCondition condition, String text) {
        if (condition == StanzaErrorCondition.UNKNOWN) {
            throw new IllegalArgumentException("cannot send an unknown condition");
        }
        Element.Builder b = Element.builder("error", XmppNamespaces.CLIENT).attribute("type", type)
                .child(Element.of(condition.elementName(), XmppNamespaces.STANZA_ERRORS));
        if (text != null) {
            b.child(Element.builder("text", XmppNamespaces.STANZA_ERRORS).lang("en").text(text).build());
        }
        return b.build();
    }

    /** One line for a report, e.g. {@code cancel/item-not-found: no such user}. */
    public String describe() {
        String name = conditionName == null ? "(no condition)" : conditionName;
        String head = (type == null ? "" : type + "/") + name;
        return text == null || text.isBlank() ? head : head + ": " + text;
    }
}
