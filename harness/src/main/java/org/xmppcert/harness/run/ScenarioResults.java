package org.xmppcert.harness.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * A scenario's result from its outcome (harness design, "Verdict aggregation"): its status is the
 * worst of its judgements in the order FAIL &gt; ERROR &gt; WARN &gt; PASS &gt; NOT_APPLICABLE;
 * when it could not finish, every requirement it had not judged yet is an ERROR ("not reached")
 * and the scenario is at least an ERROR; a scenario that judged nothing is an ERROR too, since
 * nothing was shown.
 */
public final class ScenarioResults {
    private static final List<Status> WORST_FIRST = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS,
            Status.NOT_APPLICABLE);

    private ScenarioResults() {
    }

    public static ScenarioResult of(ScenarioDefinition scenario, ScenarioOutcome outcome) {
        List<Judgement> judgements = new ArrayList<>(outcome.judgements());
        if (outcome.error() != null) {
            Set<String> judged = new HashSet<>();
            judgements.forEach(j -> judged.add(j.requirement()));
            for (String id : scenario.judges()) {
                if (judged.add(id)) {
                    judgements.add(new Judgement(id, Status.ERROR, "not reached: " + outcome.error(), null, null));
                }
            }
        }
        Status status = worst(judgements);
        if (status == null || outcome.error() != null && status != Status.FAIL) {
            status = Status.ERROR;
        }
        return new ScenarioResult(scenario.id(), scenario.title(), scenario.spec(), status,
                outcome.durationMs(), scenario.judges(), message(judgements, outcome), judgements,
                outcome.transcript());
    }

    /** A scenario that did not run (deadline, interruption): NOT_TESTED, no judgement. */
    public static ScenarioResult notRun(String id, String title, String spec, List<String> judges, String reason) {
        return new ScenarioResult(id, title, spec, Status.NOT_TESTED, 0, judges, reason, List.of(), List.of());
    }

    /** The worst status among the judgements, or {@code null} when there are none. */
    static Status worst(List<Judgement> judgements) {
        for (Status s : WORST_FIRST) {
            if (judgements.stream().anyMatch(j -> j.status() == s)) {
                return s;
            }
        }
        return null;
    }

    private static String message(List<Judgement> judgements, ScenarioOutcome outcome) {
        for (Status s : List.of(Status.FAIL, Status.ERROR)) {
            for (Judgement j : judgements) {
                if (j.status() == s && (s == Status.FAIL || outcome.error() == null)) {
                    return j.requirement() + ": " + j.message();
                }
            }
            if (s == Status.FAIL && outcome.error() != null) {
                return outcome.error();
            }
        }
        if (judgements.isEmpty()) {
            return "the scenario judged nothing";
        }
        for (Status s : List.of(Status.WARN, Status.NOT_APPLICABLE)) {
            for (Judgement j : judgements) {
                if (j.status() == s) {
                    return j.requirement() + ": " + j.message();
                }
            }
        }
        return null;
    }
}
