package org.xmppcert.scenarios.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.xml.Element;

/**
 * The set-up the integration tests that run many scenarios against the CI Prosody share: one
 * {@link CiScenarioRunner} and one pool of {@link ScenarioRuns#THREADS} threads for the test
 * class ({@code @RegisterExtension static}), and one dynamic test per scenario that waits
 * (bounded) for its run and checks it.
 */
final class ParallelProsodyRuns implements BeforeAllCallback, AfterAllCallback {

    /** The bound on one scenario's run, queueing behind the others included. */
    private static final Duration RUN_BOUND = Duration.ofMinutes(3);

    private CiScenarioRunner runner;
    private ExecutorService pool;

    @Override
    public void beforeAll(ExtensionContext context) {
        runner = new CiScenarioRunner();
        pool = ScenarioRuns.pool();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        try {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            runner.close();
        }
    }

    /**
     * Starts every scenario at once on the pool (each through its tamper, {@code null} for none)
     * and gives one dynamic test per scenario, in their order, applying {@code check} to its run.
     */
    Stream<DynamicTest> eachRun(List<ScenarioDefinition> scenarios,
            Function<ScenarioDefinition, Function<Element, List<Element>>> tamper,
            ThrowingConsumer<ScenarioRuns.Run> check) {
        List<Future<ScenarioRuns.Run>> runs = ScenarioRuns.start(runner, scenarios, tamper, pool);
        return IntStream.range(0, scenarios.size()).mapToObj(i -> DynamicTest.dynamicTest(scenarios.get(i).id(),
                () -> check.accept(runs.get(i).get(RUN_BOUND.toSeconds(), TimeUnit.SECONDS))));
    }
}
