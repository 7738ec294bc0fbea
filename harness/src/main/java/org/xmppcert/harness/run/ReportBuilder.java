package org.xmppcert.harness.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.SpecLevel;

/**
 * Aggregates the scenario results of a run into the {@link Report}: every requirement in scope
 * (the catalog entries of the profile and the subject) with its status and the scenarios that
 * judged it, the counts per status and the verdict ({@link VerdictCalculator}).
 */
public final class ReportBuilder {
    private final Profile profile;
    private final List<Requirement> inScope;
    private final List<ScenarioResult> scenarios = new ArrayList<>();
    private Target target;
    private String version = "development";
    private Instant start = Instant.now();
    private long durationMs;
    private boolean complete = true;

    /**
     * @param profile the profile certified
     * @param inScope the catalog entries of the profile and subject, in catalog order
     */
    public ReportBuilder(Profile profile, List<Requirement> inScope) {
        this.profile = profile;
        this.inScope = List.copyOf(inScope);
    }

    /** The server the report is about, with its software as it answered XEP-0092. */
    public ReportBuilder target(Target t) {
        this.target = t;
        return this;
    }

    /** The version of xmppcert that made the report. */
    public ReportBuilder version(String v) {
        this.version = v;
        return this;
    }

    /** When the run started and how long it took. */
    public ReportBuilder timing(Instant runStart, long runDurationMs) {
        this.start = runStart;
        this.durationMs = runDurationMs;
        return this;
    }

    /** Whether every scenario started (a deadline or Ctrl-C makes a report incomplete). */
    public ReportBuilder complete(boolean c) {
        this.complete = c;
        return this;
    }

    /** One scenario's result. */
    public ReportBuilder add(ScenarioResult result) {
        scenarios.add(result);
        return this;
    }

    /** Scenario results, in the order the report lists them. */
    public ReportBuilder addAll(List<ScenarioResult> results) {
        scenarios.addAll(results);
        return this;
    }

    /**
     * The report: each requirement in scope gets its status, the RECOMMENDED specifications the
     * target lacks entirely become WARN, and the profile its verdict, by {@link VerdictCalculator}
     * (harness design, "Verdict aggregation").
     */
    public Report build() {
        Map<String, List<Judgement>> judgements = new LinkedHashMap<>();
        Map<String, Set<String>> judgedBy = new LinkedHashMap<>();
        for (ScenarioResult s : scenarios) {
            for (Judgement j : s.judgements()) {
                judgements.computeIfAbsent(j.requirement(), k -> new ArrayList<>()).add(j);
                judgedBy.computeIfAbsent(j.requirement(), k -> new LinkedHashSet<>()).add(s.id());
            }
        }
        Map<Requirement, Status> statuses = new LinkedHashMap<>();
        for (Requirement r : inScope) {
            statuses.put(r, VerdictCalculator.requirementStatus(r.level(), judgements.getOrDefault(r.id(), List.of())));
        }
        for (var spec : profile.specs()) {
            List<Requirement> ofSpec = inScope.stream().filter(r -> r.spec().equals(spec.spec())).toList();
            if (VerdictCalculator.recommendedAbsent(spec.level(), ofSpec.stream().map(statuses::get).toList())) {
                ofSpec.stream().filter(r -> statuses.get(r) == Status.NOT_APPLICABLE)
                        .forEach(r -> statuses.put(r, Status.WARN));
            }
        }
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        List<RequirementResult> results = new ArrayList<>();
        for (Map.Entry<Requirement, Status> e : statuses.entrySet()) {
            Requirement r = e.getKey();
            counts.merge(e.getValue(), 1, Integer::sum);
            results.add(new RequirementResult(r.id(), r.spec(), r.section(), r.revised(), r.level().keyword(),
                    r.subject().name().toLowerCase(Locale.ROOT), r.summary(), e.getValue(),
                    List.copyOf(judgedBy.getOrDefault(r.id(), Set.of())), r.notJudged()));
        }
        Verdict verdict = VerdictCalculator.verdict(profile, statuses);
        return new Report("xmppcert", version, profile.id(), target, start, durationMs, complete, verdict, counts,
                results, scenarios);
    }

    /** Whether a specification of the profile is REQUIRED (for the console's table). */
    public boolean required(String spec) {
        return profile.spec(spec).map(s -> s.level() == SpecLevel.REQUIRED).orElse(false);
    }
}
