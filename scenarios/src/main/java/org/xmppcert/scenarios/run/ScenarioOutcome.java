package org.xmppcert.scenarios.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Judgement statuses from the worst to the best (harness-design "Verdict aggregation"). */
    private static final List<Status> WORST_FIRST = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS,
            Status.NOT_APPLICABLE);

    /**
     * The scenario's status (harness-design "Verdict aggregation"): the worst of its judgements in
     * the order FAIL, ERROR, WARN, PASS, NOT_APPLICABLE; ERROR when it could not finish or judged nothing.
     */
    public Status status() {
        return status(judgements, error);
    }

    private static Status status(List<Judgement> judgements, String error) {
        Status worst = worst(judgements);
        if (worst == null || error != null && worst != Status.FAIL) {
            return Status.ERROR;
        }
        return worst;
    }

    /** The worst status among the judgements in the design's order, or {@code null} when there are none. */
    public static Status worst(List<Judgement> judgements) {
        for (Status s : WORST_FIRST) {
            if (judgements.stream().anyMatch(j -> j.status() == s)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Why the scenario went wrong, for logs: the error that stopped it, else the first FAIL, else
     * the first ERROR or WARN; {@code null} when everything passed or did not apply. The report's
     * summary line is {@link #toResult}'s, which explains the status instead.
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

    /**
     * The report's record of this outcome, for the scenario that produced it: the only conversion
     * from an outcome to a {@link ScenarioResult}. When the scenario could not finish, every id of
     * {@link ScenarioDefinition#judges()} it had not judged is an ERROR ("not reached", the
     * harness design's rule for a step that errors); the status is {@link #status()} over those
     * judgements; the summary line explains that status: the first FAIL, else the error, else the
     * first ERROR, else "judged nothing", else the first WARN or NOT_APPLICABLE.
     */
    public ScenarioResult toResult(ScenarioDefinition scenario) {
        List<Judgement> all = new ArrayList<>(judgements);
        if (error != null) {
            Set<String> judged = new HashSet<>();
            all.forEach(j -> judged.add(j.requirement()));
            for (String id : scenario.judges()) {
                if (judged.add(id)) {
                    all.add(new Judgement(id, Status.ERROR, "not reached: " + error, null, null));
                }
            }
        }
        return new ScenarioResult(scenario.id(), scenario.title(), scenario.spec(), status(all, error), durationMs,
                scenario.judges(), summary(all, error), all, transcript);
    }

    /** The report's summary line: what explains the status (see {@link #toResult}). */
    private static String summary(List<Judgement> judgements, String error) {
        Judgement firstFail = first(judgements, Status.FAIL);
        if (firstFail != null) {
            return line(firstFail);
        }
        if (error != null) {
            return error;
        }
        Judgement firstError = first(judgements, Status.ERROR);
        if (firstError != null) {
            return line(firstError);
        }
        if (judgements.isEmpty()) {
            return "the scenario judged nothing";
        }
        for (Status s : List.of(Status.WARN, Status.NOT_APPLICABLE)) {
            Judgement j = first(judgements, s);
            if (j != null) {
                return line(j);
            }
        }
        return null;
    }

    private static Judgement first(List<Judgement> judgements, Status status) {
        return judgements.stream().filter(j -> j.status() == status).findFirst().orElse(null);
    }

    private static String line(Judgement j) {
        return j.requirement() + ": " + j.message();
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
