package org.xmppcert.harness.run;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.scenarios.catalog.Level;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.SpecLevel;

/**
 * The rules of the harness design's "Verdict aggregation", one method each, so each has its test.
 */
public final class VerdictCalculator {

    /** What a RECOMMENDED specification's entries say when the target offers none of it. */
    public static final String RECOMMENDED_ABSENT = "RECOMMENDED feature absent";

    private VerdictCalculator() {
    }

    /**
     * A requirement's status over the judgements of every scenario that judged it: any FAIL →
     * FAIL (WARN for a SHOULD / SHOULD NOT); else any ERROR → ERROR; else any WARN → WARN; else
     * any PASS → PASS; else (all NOT_APPLICABLE) → NOT_APPLICABLE; no judgement → NOT_TESTED.
     */
    public static Status requirementStatus(Level level, Collection<Judgement> judgements) {
        if (judgements.isEmpty()) {
            return Status.NOT_TESTED;
        }
        if (has(judgements, Status.FAIL)) {
            return level.isRecommendation() ? Status.WARN : Status.FAIL;
        }
        for (Status s : List.of(Status.ERROR, Status.WARN, Status.PASS)) {
            if (has(judgements, s)) {
                return s;
            }
        }
        return Status.NOT_APPLICABLE;
    }

    /**
     * Whether a RECOMMENDED specification is entirely absent: at least one of its entries was
     * judged and every judged entry is NOT_APPLICABLE. Its entries then become WARN.
     */
    public static boolean recommendedAbsent(SpecLevel level, Collection<Status> statusesOfSpec) {
        if (level != SpecLevel.RECOMMENDED) {
            return false;
        }
        List<Status> judged = statusesOfSpec.stream().filter(s -> s != Status.NOT_TESTED).toList();
        return !judged.isEmpty() && judged.stream().allMatch(s -> s == Status.NOT_APPLICABLE);
    }

    /**
     * The profile verdict: COMPLIANT iff every requirement of a REQUIRED specification whose level
     * is MUST or MUST NOT and that was judged is PASS or NOT_APPLICABLE, and at least one such
     * requirement was judged (a run that showed nothing certifies nothing).
     */
    public static Verdict verdict(Profile profile, Map<Requirement, Status> statuses) {
        boolean anyJudged = false;
        for (Map.Entry<Requirement, Status> e : statuses.entrySet()) {
            Requirement r = e.getKey();
            boolean required = profile.spec(r.spec()).map(s -> s.level() == SpecLevel.REQUIRED).orElse(false);
            if (!required || !r.level().isMandatory() || e.getValue() == Status.NOT_TESTED) {
                continue;
            }
            anyJudged = true;
            if (e.getValue() != Status.PASS && e.getValue() != Status.NOT_APPLICABLE) {
                return Verdict.NOT_COMPLIANT;
            }
        }
        return anyJudged ? Verdict.COMPLIANT : Verdict.NOT_COMPLIANT;
    }

    private static boolean has(Collection<Judgement> judgements, Status s) {
        return judgements.stream().anyMatch(j -> j.status() == s);
    }
}
