package org.xmppcert.xmpp.xml;

import java.util.Objects;

/**
 * Character data inside an element, already unescaped. Adjacent runs are merged by the parser
 * and the builder, so an element's text is one {@code Text} between two child elements.
 *
 * @param value the characters; valid XML 1.0 characters only (RFC 6120 §11.8)
 */
public record Text(String value) implements Node {
    public Text {
        Objects.requireNonNull(value, "value");
        XmlChars.requireValid(value, "text");
    }
}
