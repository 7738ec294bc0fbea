package org.xmppcert.xmpp.tls;

import java.util.Objects;

/**
 * One identifier found in a certificate (RFC 6125 §1.8 "presented identifier"), as it was
 * written there.
 *
 * @param type which kind of identifier
 * @param value its text, e.g. {@code *.example.com} or {@code _xmpp-client.example.com}
 */
public record PresentedIdentifier(IdentifierType type, String value) {

    public PresentedIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return type.label() + " " + value;
    }
}
