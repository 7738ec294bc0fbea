package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every shipped scenario against the CI Prosody, a conforming server: no FAIL, no ERROR (a false
 * FAIL is a bug of xmppcert), and every PASS with its evidence. The only FAILs accepted are the
 * deviations checked by hand and listed in {@code known-deviations/prosody.txt}
 * ({@link KnownDeviations}), each with its offending stanza, and each must still happen. Scenarios run in parallel
 * ({@link ScenarioRuns#THREADS}); each is reported as its own test, with its judgements and
 * transcript when it fails.
 */
class AllScenariosProsodyIT {

    @RegisterExtension
    static final ParallelProsodyRuns RUNS = new ParallelProsodyRuns();

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPassesOnProsody() {
        List<ScenarioDefinition> scenarios = ScenarioRuns.shipped();
        assertThat(scenarios).as("shipped scenarios").isNotEmpty();
        return RUNS.eachRun(scenarios, s -> null, run -> {
            assertThat(run.failure()).as(run::describe).isNull();
            assertThat(run.outcome().error()).as(run::describe).isNull();
            assertThat(run.outcome().judgements()).as(run::describe).isNotEmpty()
                    .allSatisfy(j -> assertThat(KnownDeviations.PROSODY.accepts(run.scenario().id(), j) ? Status.PASS : j.status())
                            .as(run::describe).isIn(Status.PASS, Status.NOT_APPLICABLE));
            KnownDeviations.PROSODY.assertStillDeviates(run.scenario().id(), run.outcome().judgements());
            for (Judgement j : run.outcome().judgements()) {
                if (j.status() == Status.PASS) {
                    assertThat(j.observed()).as("evidence of the PASS of " + j.requirement() + " in " + run.describe()).isNotNull();
                }
            }
            assertThat(run.outcome().transcript()).as(run::describe).isNotEmpty();
            assertThat(run.outcome().judgements().stream().map(Judgement::requirement))
                    .as(run::describe).containsAll(run.scenario().judges());
        });
    }
}
