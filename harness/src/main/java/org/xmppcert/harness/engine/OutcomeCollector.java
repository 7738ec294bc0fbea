package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;

/**
 * The launcher side of {@link OutcomeChannel}: registered with the Launcher, it gathers what the
 * engine published — the target, each scenario's result, whether the run was complete — and
 * turns a scenario skipped as "not run" into a NOT_TESTED result. Thread-safe.
 */
@API(status = EXPERIMENTAL)
public final class OutcomeCollector implements TestExecutionListener {
    private final Map<UniqueId, ScenarioResult> results = new ConcurrentHashMap<>();
    private final List<UniqueId> order = new ArrayList<>();
    private volatile Target target;
    private volatile String unusable;
    private volatile boolean complete = true;
    private volatile boolean finished;
    private volatile Throwable engineFailure;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        synchronized (order) {
            for (TestIdentifier root : plan.getRoots()) {
                plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                        .forEach(t -> order.add(t.getUniqueIdObject()));
            }
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        OutcomeChannel.scenarioOf(entry).ifPresent(r -> results.put(id.getUniqueIdObject(), r));
        OutcomeChannel.targetOf(entry).ifPresent(t -> target = t);
        OutcomeChannel.value(entry, OutcomeChannel.UNUSABLE).ifPresent(m -> unusable = m);
        // Only ever set to false, so no read-modify-write on the volatile: safe from any thread.
        OutcomeChannel.value(entry, OutcomeChannel.COMPLETE).filter(c -> !Boolean.parseBoolean(c))
                .ifPresent(c -> complete = false);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && reason != null && reason.startsWith("not run")) {
            complete = false;
            UniqueId u = id.getUniqueIdObject();
            List<String> judges = id.getTags().stream().map(t -> t.getName()).toList();
            results.put(u, notRun(lastValue(u, ScenarioDescriptor.SEGMENT), id.getDisplayName(),
                    lastValue(u, SpecDescriptor.SEGMENT), judges, reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getParentIdObject().isEmpty()) {
            result.getThrowable().filter(t -> result.getStatus() == TestExecutionResult.Status.FAILED)
                    .ifPresent(t -> engineFailure = t);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        finished = true;
    }

    /** A scenario that did not run (deadline, interruption): NOT_TESTED, no judgement. */
    private static ScenarioResult notRun(String id, String title, String spec, List<String> judges, String reason) {
        return new ScenarioResult(id, title, spec, Status.NOT_TESTED, 0, judges, reason, List.of(), List.of());
    }

    private static String lastValue(UniqueId id, String type) {
        return id.getSegments().stream().filter(s -> s.getType().equals(type)).map(UniqueId.Segment::getValue)
                .reduce((a, b) -> b).orElse(null);
    }

    /** The results in discovery order: those reported so far (an interrupted run has fewer). */
    public List<ScenarioResult> results() {
        List<ScenarioResult> out = new ArrayList<>();
        synchronized (order) {
            for (UniqueId u : order) {
                ScenarioResult r = results.get(u);
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** How many scenarios the plan holds. */
    public int planned() {
        synchronized (order) {
            return order.size();
        }
    }

    /** The target as the engine published it (with its software), once the check before the first scenario passed. */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** Why the target could not be used at all, if so. */
    public Optional<String> unusable() {
        return Optional.ofNullable(unusable);
    }

    /** Whether every scenario started and the launcher finished. */
    public boolean complete() {
        return complete && finished && results.size() >= planned();
    }

    /** Why the engine failed as a whole (a configuration error), if it did. */
    public Optional<Throwable> engineFailure() {
        return Optional.ofNullable(engineFailure);
    }
}
