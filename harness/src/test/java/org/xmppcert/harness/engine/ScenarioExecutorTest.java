package org.xmppcert.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.UniqueId;
import org.xmppcert.harness.run.AccountProvider;
import org.xmppcert.harness.run.ScenarioRunner;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;

class ScenarioExecutorTest {

    @AfterEach
    void newRun() {
        RunControl.reset();
    }

    @Test
    void anInterruptedRunInterruptsItsWorkersAndWaitsForThemBeforeReturning() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean workerEnded = new AtomicBoolean();
        ScenarioRunner blocking = (scenario, accounts) -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS); // a scenario waiting for an answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                workerEnded.set(true);
            }
            return new ScenarioOutcome(List.of(), List.of(), "interrupted", 1);
        };
        Backend base = TestScenarios.backend(new Software("test", "1", null), null);
        Backend backend = new Backend() {
            @Override
            public Software preflight() {
                return null;
            }

            @Override
            public AccountProvider accounts() {
                return base.accounts();
            }

            @Override
            public ScenarioRunner runner() {
                return blocking;
            }

            @Override
            public void close() {
            }
        };
        ScenarioDescriptor d = new ScenarioDescriptor(UniqueId.forEngine(Constants.ENGINE_ID),
                TestScenarios.judging("s1", "RFC 3920", "R-pass", Status.PASS));
        ScenarioExecutor executor = new ScenarioExecutor(backend, EngineExecutionListener.NOOP, 1, null,
                System.nanoTime());
        AtomicReference<Boolean> complete = new AtomicReference<>();
        AtomicBoolean endedWhenReturned = new AtomicBoolean();
        Thread engine = new Thread(() -> {
            complete.set(executor.runAll(List.of(d)));
            endedWhenReturned.set(workerEnded.get());
        });
        engine.start();
        assertThat(running.await(5, TimeUnit.SECONDS)).as("the scenario runs").isTrue();
        engine.interrupt();
        engine.join(Duration.ofSeconds(15).toMillis());
        assertThat(engine.isAlive()).isFalse();
        assertThat(complete.get()).as("an interrupted run is incomplete").isFalse();
        // Before the fix runAll returned at once while the worker still waited, past the backend's close.
        assertThat(endedWhenReturned.get()).as("the worker had ended when runAll returned").isTrue();
        assertThat(RunControl.stopRequested()).isTrue();
    }
}
