package org.xmppcert.harness.run;

import java.time.Duration;
import java.util.List;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.WireEntry;

/**
 * What running one scenario produced, before aggregation.
 *
 * @param judgements in the order they were made
 * @param transcript every session's entries, in time order
 * @param error why the scenario could not finish, or {@code null}
 * @param duration how long it ran
 */
public record ScenarioOutcome(List<Judgement> judgements, List<WireEntry> transcript, String error,
        Duration duration) {
    public ScenarioOutcome {
        judgements = List.copyOf(judgements);
        transcript = List.copyOf(transcript);
    }
}
