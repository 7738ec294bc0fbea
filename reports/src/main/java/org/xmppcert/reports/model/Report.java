package org.xmppcert.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced; what {@code report.json} holds (issue: the harness).
 *
 * @param tool {@code xmppcert}
 * @param version the tool's version
 * @param profile e.g. {@code basic-client-2008}
 * @param target what was certified
 * @param start when the run started
 * @param durationMs how long it took
 * @param complete false when interrupted or past its deadline: the report shows what finished
 * @param verdict the profile verdict
 * @param counts how many requirements have each status
 * @param requirements every catalog entry in scope, tested or not
 * @param scenarios every scenario that ran
 */
public record Report(String tool, String version, String profile, Target target, Instant start, long durationMs,
        boolean complete, Verdict verdict, Map<Status, Integer> counts, List<RequirementResult> requirements,
        List<ScenarioResult> scenarios) {
    public Report {
        counts = Map.copyOf(counts);
        requirements = List.copyOf(requirements);
        scenarios = List.copyOf(scenarios);
    }
}
