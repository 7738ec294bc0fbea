package org.xmppcert.scenarios.catalog;

import java.util.Objects;

/**
 * A specification as a profile lists it.
 *
 * @param spec e.g. {@code RFC 3920}
 * @param readWith the revision developers are told to consult, e.g. {@code RFC 6120}, or {@code null}
 * @param level REQUIRED or RECOMMENDED
 */
public record ProfileSpec(String spec, String readWith, SpecLevel level) {
    public ProfileSpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(level, "level of " + spec);
    }
}
