package org.xmppcert.xmpp.stream;

import org.xmppcert.xmpp.xml.Element;

/**
 * The shape RFC 6120 gives every error element: a defined condition in the error's namespace,
 * an optional {@code <text/>} with its {@code xml:lang}, and an optional application-specific
 * condition in another namespace. Stream errors (§4.9.2), SASL failures (§6.5) and stanza errors
 * (§8.3.2) are read with it.
 *
 * @param conditionName the first child in the conditions namespace other than {@code text}, or
 *        {@code null} when there is none
 * @param text the {@code <text/>} content, or {@code null}
 * @param textLang its {@code xml:lang}, or {@code null}
 * @param applicationCondition the first child in another namespace, or {@code null}
 */
public record ErrorElementParts(String conditionName, String text, String textLang, Element applicationCondition) {

    /** Reads the children of {@code error} whose conditions live in {@code conditionsNamespace}. */
    public static ErrorElementParts of(Element error, String conditionsNamespace) {
        String conditionName = null;
        String text = null;
        String lang = null;
        Element app = null;
        for (Element child : error.elements()) {
            if (child.namespace().equals(conditionsNamespace)) {
                if (child.name().equals("text")) {
                    text = child.text();
                    lang = child.lang();
                } else if (conditionName == null) {
                    conditionName = child.name();
                }
            } else if (app == null) {
                app = child;
            }
        }
        return new ErrorElementParts(conditionName, text, lang, app);
    }
}
