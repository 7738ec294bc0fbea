package org.xmppcert.scenarios.run;

import java.util.List;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * What running one scenario produced: the judgements, the redacted transcript of all its
 * sessions, the error that stopped it (if any) and how long it took.
 *
 * @param judgements in the order they were made; ids the scenario did not reach are ERROR
 * @param transcript every session's entries, actor = session name, in time order; the entries a
 *        FAIL points at have {@code offending = true}
 * @param error why the scenario could not finish, or {@code null}
 * @param durationMs wall-clock time of the run, closing included
 */
public record ScenarioOutcome(List<Judgement> judgements, List<WireEntry> transcript, String error, long durationMs) {
    public ScenarioOutcome {
        judgements = List.copyOf(judgements);
        transcript = List.copyOf(transcript);
    }

    /**
     * The scenario's status (harness-design "Verdict aggregation"): the worst of its judgements in
     * the order FAIL, ERROR, WARN, PASS, NOT_APPLICABLE; ERROR when it could not finish or judged nothing.
     */
    public Status status() {
        List<Status> order = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS, Status.NOT_APPLICABLE);
        if (judgements.stream().anyMatch(j -> j.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        if (error != null || judgements.isEmpty()) {
            return Status.ERROR;
        }
        for (Status s : order) {
            if (judgements.stream().anyMatch(j -> j.status() == s)) {
                return s;
            }
        }
        return Status.ERROR;
    }

    /**
     * The summary line of the report: the error that stopped the scenario, else the first FAIL,
     * else the first ERROR or WARN; {@code null} when everything passed or did not apply.
     */
    public String message() {
        if (error != null) {
            return error;
        }
        for (Status s : List.of(Status.FAIL, Status.ERROR, Status.WARN)) {
            for (Judgement j : judgements) {
                if (j.status() == s) {
                    return j.requirement() + ": " + j.message();
                }
            }
        }
        return null;
    }

    /** The report's record of this outcome, for the scenario that produced it. */
    public ScenarioResult toResult(ScenarioDefinition scenario) {
        return new ScenarioResult(scenario.id(), scenario.title(), scenario.spec(), status(), durationMs,
                scenario.judges(), message(), judgements, transcript);
    }

    /** The judgements and the transcript, as text: for test failure messages and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("status ").append(status()).append(", ").append(durationMs).append(" ms");
        if (error != null) {
            sb.append("\nerror: ").append(error);
        }
        sb.append("\njudgements:");
        for (Judgement j : judgements) {
            sb.append("\n  ").append(j.status()).append(' ').append(j.requirement()).append(": ").append(j.message());
            if (j.expected() != null) {
                sb.append("\n      expected: ").append(j.expected().replace("\n", "\n                "));
            }
            if (j.observed() != null) {
                sb.append("\n      observed: ").append(j.observed());
            }
        }
        sb.append("\ntranscript:");
        for (WireEntry w : transcript) {
            sb.append("\n  ").append(w.time()).append(' ').append(w.actor()).append(' ').append(w.direction())
                    .append(w.offending() ? " [OFFENDING] " : " ").append(w.text());
        }
        return sb.toString();
    }
}
