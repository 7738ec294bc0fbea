package org.xmppcert.scenarios.model;

import java.util.Objects;
import org.xmppcert.xmpp.xml.Element;

/**
 * A stanza as a scenario writes it: an element whose attribute values and text may hold
 * placeholders — {@code {domain}}, {@code {alice}} (an account's bare JID), {@code {a}} (a
 * session's full JID), {@code {name}} (a captured value), and in expectations {@code {any}} and
 * {@code {capture:name}}. Resolving and matching are done by the scenario interpreter.
 *
 * @param element the element as written in the scenario file
 */
public record Template(Element element) {
    public Template {
        Objects.requireNonNull(element, "element");
    }
}
