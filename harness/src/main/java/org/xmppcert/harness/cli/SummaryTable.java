package org.xmppcert.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.ProfileSpec;

/** The end of a run on the console: requirements per status for each specification, the verdict, the report. */
final class SummaryTable {
    private static final List<Status> COLUMNS = List.of(Status.PASS, Status.FAIL, Status.WARN, Status.NOT_APPLICABLE,
            Status.ERROR, Status.NOT_TESTED);
    private final PrintWriter out;

    SummaryTable(PrintWriter out) {
        this.out = out;
    }

    void print(Report report, Profile profile, Path written) {
        out.println();
        out.printf("%-10s %-12s %5s %5s %5s %5s %5s %10s%n", "spec", "level", "pass", "fail", "warn", "n/a", "error",
                "not tested");
        for (ProfileSpec spec : profile.specs()) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (RequirementResult r : report.requirements()) {
                if (r.spec().equals(spec.spec())) {
                    counts.merge(r.status(), 1, Integer::sum);
                }
            }
            Object[] row = new Object[2 + COLUMNS.size()];
            row[0] = spec.spec();
            row[1] = spec.level().name();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row[2 + i] = counts.getOrDefault(COLUMNS.get(i), 0);
            }
            out.printf("%-10s %-12s %5d %5d %5d %5d %5d %10d%n", row);
        }
        Map<Status, Integer> all = report.counts();
        out.printf("%-10s %-12s %5d %5d %5d %5d %5d %10d%n", "total", "", all.get(Status.PASS), all.get(Status.FAIL),
                all.get(Status.WARN), all.get(Status.NOT_APPLICABLE), all.get(Status.ERROR), all.get(Status.NOT_TESTED));
        out.println();
        long scenarios = report.scenarios().size();
        out.printf("Verdict: %s (%s, %d scenario%s in %.1f s)%s%n", report.verdict(), profile.title(), scenarios,
                scenarios == 1 ? "" : "s", report.durationMs() / 1000.0,
                report.complete() ? "" : " -- INCOMPLETE: some scenarios did not run");
        out.println("Report:  " + written.toAbsolutePath());
        out.flush();
    }
}
