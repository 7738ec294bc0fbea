package org.xmppcert.scenarios.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One normative statement that can be observed on the wire.
 *
 * @param id stable: spec, section, slug, e.g. {@code RFC3920-9.2.3-iq-reply}
 * @param spec e.g. {@code RFC 3920}
 * @param section e.g. {@code 9.2.3}
 * @param revised where the revision restates it (e.g. {@code RFC 6120 8.2.3}) or that it was
 *        dropped (e.g. {@code dropped in RFC 6120}); {@code null} for specifications without one
 * @param level the RFC 2119 keyword
 * @param subject who must do it
 * @param summary the requirement in one line, in our own words
 * @param profiles the profiles it belongs to; empty means "every profile that lists its spec"
 * @param notJudged why no scenario judges it (e.g. the two revisions disagree, or a client of one
 *        server cannot observe it), or {@code null} when scenarios do; a report shows the reason
 *        beside NOT_TESTED, so an untested entry is never silently untested
 */
public record Requirement(String id, String spec, String section, String revised, Level level, Subject subject,
        String summary, List<String> profiles, String notJudged) {
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec of " + id);
        Objects.requireNonNull(section, "section of " + id);
        Objects.requireNonNull(level, "level of " + id);
        Objects.requireNonNull(subject, "subject of " + id);
        Objects.requireNonNull(summary, "summary of " + id);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
}
