package org.xmppcert.scenarios.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compliance profile: the specifications it requires or recommends.
 *
 * @param id e.g. {@code basic-client-2008}
 * @param title e.g. {@code XMPP Basic Client 2008}
 * @param definedBy where it is defined, e.g. {@code XEP-0211 §2}
 * @param specs the specifications, in the profile's order
 */
public record Profile(String id, String title, String definedBy, List<ProfileSpec> specs) {
    public Profile {
        Objects.requireNonNull(id, "id");
        specs = List.copyOf(specs);
    }

    /** How this profile lists a specification, if it does. */
    public Optional<ProfileSpec> spec(String spec) {
        return specs.stream().filter(s -> s.spec().equals(spec)).findFirst();
    }
}
