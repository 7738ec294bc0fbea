package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every shipped scenario against the CI Prosody, a conforming server: no FAIL, no ERROR (a false
 * FAIL is a bug of xmppcert), and every PASS with its evidence. Scenarios run in parallel
 * ({@link ScenarioRuns#THREADS}); each is reported as its own test, with its judgements and
 * transcript when it fails.
 */
class AllScenariosProsodyIT {

    private static ProsodyScenarioRunner runner;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        runner = new ProsodyScenarioRunner();
        pool = ScenarioRuns.pool();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        runner.close();
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPassesOnProsody() {
        List<ScenarioDefinition> scenarios = ScenarioRuns.shipped();
        assertThat(scenarios).as("shipped scenarios").isNotEmpty();
        List<Future<ScenarioRuns.Run>> runs = ScenarioRuns.start(runner, scenarios, s -> null, pool);
        return IntStream.range(0, scenarios.size()).mapToObj(i -> DynamicTest.dynamicTest(scenarios.get(i).id(), () -> {
            ScenarioRuns.Run run = runs.get(i).get(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
            assertThat(run.failure()).as(run::describe).isNull();
            assertThat(run.outcome().error()).as(run::describe).isNull();
            assertThat(run.outcome().judgements()).as(run::describe).isNotEmpty()
                    .allSatisfy(j -> assertThat(j.status()).as(run::describe).isIn(Status.PASS, Status.NOT_APPLICABLE));
            for (Judgement j : run.outcome().judgements()) {
                if (j.status() == Status.PASS) {
                    assertThat(j.observed()).as("evidence of the PASS of " + j.requirement() + " in " + run.describe()).isNotNull();
                }
            }
            assertThat(run.outcome().transcript()).as(run::describe).isNotEmpty();
            assertThat(run.outcome().judgements().stream().map(Judgement::requirement))
                    .as(run::describe).containsAll(run.scenario().judges());
        }));
    }
}
