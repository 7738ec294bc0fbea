package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Scenario id globs for {@link Constants#ONLY}: {@code *} matches any characters, {@code ?} one,
 * everything else itself; several globs separated by commas match when any does.
 */
@API(status = INTERNAL)
public final class Glob {
    private final List<Pattern> patterns;

    private Glob(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** Parses one or more comma-separated globs; blank parts are ignored. */
    public static Glob of(String globs) {
        List<Pattern> ps = new ArrayList<>();
        for (String g : globs.split(",")) {
            g = g.strip();
            if (g.isEmpty()) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (char c : g.toCharArray()) {
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            ps.add(Pattern.compile(re.toString()));
        }
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("an empty glob matches nothing: '" + globs + "'");
        }
        return new Glob(List.copyOf(ps));
    }

    public boolean matches(String id) {
        return patterns.stream().anyMatch(p -> p.matcher(id).matches());
    }
}
