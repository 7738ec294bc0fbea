package org.xmppcert.harness.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.xmppcert.harness.run.AccountProvider;
import org.xmppcert.harness.run.AccountsUnavailableException;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Runs the scenario descriptors on N worker threads of its own, each scenario isolated (its own
 * accounts and sessions), and reports each through the (synchronised) listener:
 *
 * <ol>
 *   <li>before starting one, the deadline and {@link RunControl} are checked: past either, the
 *       scenario is skipped as "not run" and the run is incomplete;
 *   <li>accounts are leased; if they cannot be had the scenario is an ERROR;
 *   <li>the runner runs it; its {@link ScenarioResult} is published ({@link OutcomeChannel});
 *   <li>FAIL → failed with an {@link AssertionError}, ERROR → failed with a
 *       {@link ScenarioErrorException}, NOT_APPLICABLE → aborted (a skip after start, as an
 *       assumption failure is), PASS and WARN → successful.
 * </ol>
 */
final class ScenarioExecutor {
    private final Backend backend;
    private final EngineExecutionListener listener;
    private final int parallel;
    private final long deadlineNanos;
    private final AtomicBoolean incomplete = new AtomicBoolean();
    private final AtomicInteger started = new AtomicInteger();

    ScenarioExecutor(Backend backend, EngineExecutionListener listener, int parallel, Duration deadline,
            long startNanos) {
        this.backend = backend;
        this.listener = listener;
        this.parallel = parallel;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : startNanos + deadline.toNanos();
    }

    /** How long an interrupted run waits for its interrupted workers to end. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);

    /**
     * Runs them all; returns whether every one started (the run is complete). Waiting for the
     * workers needs no timeout of its own: each scenario is bounded by the reply timeout of its
     * every wait, and the deadline stops new ones. When the calling thread is interrupted, the
     * workers are interrupted too and waited for (bounded), so that none outlives the backend.
     */
    boolean runAll(List<ScenarioDescriptor> scenarios) {
        ExecutorService workers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "xmppcert-scenario-" + started.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> all = new ArrayList<>();
            for (ScenarioDescriptor d : scenarios) {
                all.add(workers.submit(() -> runOne(d)));
            }
            for (Future<?> f : all) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a scenario worker failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            RunControl.requestStop();
            incomplete.set(true);
            workers.shutdownNow();
            awaitWorkers(workers);
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdown();
        }
        return !incomplete.get();
    }

    private static void awaitWorkers(ExecutorService workers) {
        try {
            workers.awaitTermination(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOne(ScenarioDescriptor d) {
        String notRun = notRunReason();
        if (notRun != null) {
            incomplete.set(true);
            listener.executionSkipped(d, notRun);
            return;
        }
        listener.executionStarted(d);
        ScenarioDefinition scenario = d.scenario();
        ScenarioResult result;
        long start = System.nanoTime();
        try (AccountProvider.Lease lease = backend.accounts().lease(scenario.id(), scenario.accounts())) {
            ScenarioOutcome outcome = backend.runner().run(scenario, lease.accounts());
            result = outcome.toResult(scenario);
        } catch (AccountsUnavailableException e) {
            result = new ScenarioOutcome(List.of(), List.of(), e.getMessage(),
                    (System.nanoTime() - start) / 1_000_000).toResult(scenario);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new ScenarioOutcome(List.of(), List.of(), "interrupted",
                    (System.nanoTime() - start) / 1_000_000).toResult(scenario);
        } catch (RuntimeException e) {
            // A bug of the harness, not of the target: still one scenario's ERROR, never the run's end.
            result = new ScenarioOutcome(List.of(), List.of(), "internal error: " + e,
                    (System.nanoTime() - start) / 1_000_000).toResult(scenario);
        }
        listener.reportingEntryPublished(d, OutcomeChannel.scenario(result));
        listener.executionFinished(d, junitResult(result));
    }

    private String notRunReason() {
        if (RunControl.stopRequested()) {
            return "not run: the run was stopped";
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            return "not run: the deadline passed";
        }
        return null;
    }

    static TestExecutionResult junitResult(ScenarioResult r) {
        String message = r.message() == null ? r.status().name() : r.message();
        return switch (r.status()) {
            case PASS, WARN -> TestExecutionResult.successful();
            case FAIL -> TestExecutionResult.failed(new AssertionError(message + evidence(r)));
            case NOT_APPLICABLE -> TestExecutionResult.aborted(new NotApplicableException(message));
            default -> TestExecutionResult.failed(new ScenarioErrorException(message));
        };
    }

    /** The offending stanza of the first FAIL, so an IDE shows it with the failure. */
    private static String evidence(ScenarioResult r) {
        for (Judgement j : r.judgements()) {
            if (j.status() == Status.FAIL && j.observed() != null) {
                return "\n  offending: " + j.observed();
            }
        }
        return "";
    }

    /** A scenario could not judge (timeout, disconnect, no accounts). */
    static final class ScenarioErrorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScenarioErrorException(String message) {
            super(message, null, false, false);
        }
    }

    /** The target does not offer what the scenario checks: reported as a skip. */
    static final class NotApplicableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotApplicableException(String message) {
            super("not applicable: " + message, null, false, false);
        }
    }
}
