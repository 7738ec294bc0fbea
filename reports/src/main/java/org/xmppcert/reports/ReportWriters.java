package org.xmppcert.reports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xmppcert.reports.allure.AllureResultsWriter;
import org.xmppcert.reports.html.HtmlReportWriter;
import org.xmppcert.reports.json.JsonReportWriter;
import org.xmppcert.reports.junit.JUnitXmlWriter;
import org.xmppcert.reports.model.Report;

/**
 * Writes every output of a run into one directory (the {@code server} command's {@code --out},
 * issue "The harness"): {@code report.json}, {@code report.html}, {@code junit.xml} and
 * {@code allure-results/}.
 *
 * <p>Each file is written to a temporary sibling and then moved into place, so a reader (a CI
 * job, a browser) never sees half a report, and a run stopped while writing leaves the previous
 * file rather than a truncated one. The writers are independent: when one fails the others are
 * still written, and the first failure is thrown with the others suppressed.
 */
public final class ReportWriters {
    /** The machine-readable report. */
    public static final String JSON = "report.json";
    /** The self-contained human-readable report. */
    public static final String HTML = "report.html";
    /** JUnit XML for CI systems. */
    public static final String JUNIT = "junit.xml";
    /** The directory of Allure results. */
    public static final String ALLURE = "allure-results";

    private ReportWriters() {
    }

    /**
     * Where {@link #writeAll} put the outputs.
     *
     * @param json {@code report.json}
     * @param html {@code report.html}
     * @param junit {@code junit.xml}
     * @param allure {@code allure-results/}
     */
    public record Written(Path json, Path html, Path junit, Path allure) {
    }

    /**
     * Writes all four outputs of {@code report} into {@code dir}, creating it. Results of an
     * earlier run in {@code allure-results/} are removed first (only Allure's own files:
     * {@code *-result.json}, {@code *-container.json}, {@code *-attachment*},
     * {@code environment.properties}), so the directory describes this run alone.
     *
     * @throws IOException when any output could not be written (after trying all of them)
     */
    public static Written writeAll(Report report, Path dir) throws IOException {
        Objects.requireNonNull(report, "report");
        Files.createDirectories(dir);
        Written w = new Written(dir.resolve(JSON), dir.resolve(HTML), dir.resolve(JUNIT), dir.resolve(ALLURE));
        List<IOException> failures = new ArrayList<>();
        attempt(failures, () -> atomically(w.json(), tmp -> new JsonReportWriter().write(report, tmp)));
        attempt(failures, () -> atomically(w.html(), tmp -> new HtmlReportWriter().write(report, tmp)));
        attempt(failures, () -> atomically(w.junit(), tmp -> new JUnitXmlWriter().write(report, tmp)));
        attempt(failures, () -> {
            clearAllureResults(w.allure());
            new AllureResultsWriter().write(report, w.allure());
        });
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return w;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface FileWriting {
        void to(Path file) throws IOException;
    }

    private static void attempt(List<IOException> failures, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            failures.add(e);
        } catch (RuntimeException e) {
            // A bug in one writer must not cost the user the other three outputs.
            failures.add(new IOException(e.toString(), e));
        }
    }

    private static void atomically(Path target, FileWriting writing) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            writing.to(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void clearAllureResults(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f) && (n.endsWith("-result.json") || n.endsWith("-container.json")
                        || n.contains("-attachment") || n.equals("environment.properties"))) {
                    Files.delete(f);
                }
            }
        }
    }
}
