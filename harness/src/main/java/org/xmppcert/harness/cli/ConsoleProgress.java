package org.xmppcert.harness.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.xmppcert.harness.engine.OutcomeChannel;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;

/**
 * One line per finished scenario while the run goes: how many are done of how many, its status,
 * its id and duration, and how many failed so far; the message of a FAIL or ERROR below it.
 */
final class ConsoleProgress implements TestExecutionListener {
    private final PrintWriter out;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int total;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        total = (int) plan.countTestIdentifiers(TestIdentifier::isTest);
        out.printf("Running %d scenario%s%n", total, total == 1 ? "" : "s");
        out.flush();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        OutcomeChannel.scenarioOf(entry).ifPresent(this::line);
        OutcomeChannel.targetOf(entry).ifPresent(this::target);
    }

    /** After the check before the first scenario: what is being certified (XEP-0092, when it says). */
    private synchronized void target(Target t) {
        Software sw = t.software();
        out.printf("Target:  %s%s, %s%n", t.domain(), t.host() == null ? "" : " at " + t.host()
                + (t.port() == 0 ? "" : ":" + t.port()), sw == null ? "software not disclosed (XEP-0092)"
                : sw.name() + (sw.version() == null ? "" : " " + sw.version()));
        out.flush();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && reason.startsWith("not run")) {
            print("NOT RUN", id.getLegacyReportingName(), -1, reason);
        }
    }

    private void line(ScenarioResult r) {
        if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
            failures.incrementAndGet();
        }
        print(r.status().name(), r.id(), r.durationMs(),
                r.status() == Status.FAIL || r.status() == Status.ERROR ? r.message() : null);
    }

    private synchronized void print(String status, String id, long ms, String message) {
        int n = done.incrementAndGet();
        int width = String.valueOf(total).length();
        out.printf("[%" + width + "d/%d] %-14s %s%s   (failures so far: %d)%n", n, total, status, id,
                ms < 0 ? "" : " (" + ms + " ms)", failures.get());
        if (message != null) {
            out.println("        " + message.replace("\n", "\n        "));
        }
        out.flush();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        // the scenario lines come with the published results, which carry the statuses
    }
}
