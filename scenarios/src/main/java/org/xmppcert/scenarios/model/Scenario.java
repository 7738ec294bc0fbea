package org.xmppcert.scenarios.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.xmppcert.scenarios.catalog.Subject;

/**
 * A scenario from a file of the scenario language.
 *
 * @param id stable, unique across all scenarios
 * @param title one line
 * @param spec the specification it belongs to, e.g. {@code RFC 3920}
 * @param subject what it judges: the server or the client
 * @param accounts the actors, created fresh (or taken from a pool) before the first step
 * @param steps in order
 * @param source where it was read from, for messages
 */
public record Scenario(String id, String title, String spec, Subject subject, List<String> accounts,
        List<Step> steps, String source) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        accounts = List.copyOf(accounts);
        steps = List.copyOf(steps);
    }

    /** Every requirement id some step judges, in order of first mention. */
    public List<String> judges() {
        Set<String> ids = new LinkedHashSet<>();
        steps.forEach(s -> ids.addAll(s.judges()));
        return List.copyOf(ids);
    }
}
