package org.xmppcert.reports.allure;

import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.xmppcert.reports.ReportText;
import org.xmppcert.reports.SpecLinks;
import org.xmppcert.reports.TranscriptWindow;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;

/**
 * Writes {@code allure-results/} with Allure's own model and {@link FileSystemResultsWriter}:
 * one {@code <uuid>-result.json} per scenario, its transcript as a text attachment, and
 * {@code environment.properties} (target, software, profile, tool).
 *
 * <p>Labels: {@code suite} and {@code feature} = the specification, {@code parentSuite} = the
 * profile, {@code story}, {@code tag} and {@code requirement} = each requirement id the scenario
 * judges, {@code severity} from the strongest RFC 2119 level among them. Links: one {@code tms}
 * link per requirement, named by its id, to the specification section (an address only; nothing
 * is fetched). Status: PASS and WARN → passed (a WARN says so in its status details), FAIL →
 * failed, ERROR → broken, NOT_APPLICABLE and NOT_TESTED → skipped. The {@code historyId} is
 * derived from the profile, the target's domain and the scenario id, so Allure lines up the runs
 * of a scenario against one server.
 */
public final class AllureResultsWriter {
    private final int maxEntries;
    private final int maxChars;

    /** A writer with the default per-scenario transcript bounds of {@link TranscriptWindow}. */
    public AllureResultsWriter() {
        this(TranscriptWindow.DEFAULT_MAX_ENTRIES, TranscriptWindow.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxEntries transcript entries attached per scenario
     * @param maxChars characters per entry or stanza
     */
    public AllureResultsWriter(int maxEntries, int maxChars) {
        if (maxEntries < 2 || maxChars < 16) {
            throw new IllegalArgumentException("bounds too small: " + maxEntries + " entries, " + maxChars + " chars");
        }
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /**
     * Writes one result per scenario of {@code report} into {@code dir} (created if missing).
     * Results already there are left alone (Allure merges a directory's results); callers that
     * want one run per directory clear it first, as {@code ReportWriters.writeAll} does.
     */
    public void write(Report report, Path dir) throws IOException {
        Objects.requireNonNull(report, "report");
        Files.createDirectories(dir);
        FileSystemResultsWriter out = new FileSystemResultsWriter(dir);
        Map<String, RequirementResult> requirements = new HashMap<>();
        for (RequirementResult q : report.requirements()) {
            requirements.putIfAbsent(q.id(), q);
        }
        long runStart = report.start() == null ? 0 : report.start().toEpochMilli();
        try {
            for (ScenarioResult s : report.scenarios()) {
                out.write(result(report, s, requirements, runStart, out));
            }
        } catch (RuntimeException e) {
            // FileSystemResultsWriter reports I/O failures as its own unchecked exception.
            throw new IOException("cannot write allure-results to " + dir + ": " + e.getMessage(), e);
        }
        environment(report, dir.resolve("environment.properties"));
    }

    private TestResult result(Report report, ScenarioResult s, Map<String, RequirementResult> requirements,
            long runStart, FileSystemResultsWriter out) {
        String uuid = UUID.randomUUID().toString();
        String spec = ReportText.clean(s.spec());
        List<Label> labels = new ArrayList<>();
        labels.add(label("suite", spec));
        labels.add(label("feature", spec));
        labels.add(label("parentSuite", ReportText.clean(report.profile())));
        labels.add(label("framework", "xmppcert"));
        labels.add(label("host", domain(report)));
        List<Link> links = new ArrayList<>();
        int strongest = Integer.MAX_VALUE;
        for (String id : s.requirements()) {
            String cid = ReportText.clean(id);
            labels.add(label("story", cid));
            labels.add(label("tag", cid));
            labels.add(label("requirement", cid));
            RequirementResult q = requirements.get(id);
            if (q != null) {
                String url = SpecLinks.url(q.spec(), q.section());
                if (url != null) {
                    links.add(new Link().setType("tms").setName(cid).setUrl(url));
                }
                strongest = Math.min(strongest, rank(q.level()));
            }
        }
        labels.add(label("severity", severity(strongest)));
        Status status = s.status() == null ? Status.ERROR : s.status();
        long start = scenarioStart(s, runStart);
        TestResult r = new TestResult()
                .setUuid(uuid)
                .setHistoryId(digest(report.profile() + '\n' + domain(report) + '\n' + s.id()))
                .setTestCaseId(digest(s.id()))
                .setName(ReportText.clean(s.title() == null || s.title().isBlank() ? s.id() : s.title()))
                .setFullName(spec + "." + ReportText.clean(s.id()))
                .setDescription(description(s, requirements))
                .setLabels(labels)
                .setLinks(links)
                .setStatus(status(status))
                .setStatusDetails(details(s, status))
                .setStage(Stage.FINISHED)
                .setStart(start)
                .setStop(start + Math.max(0, s.durationMs()));
        String source = uuid + "-attachment.txt";
        byte[] transcript = transcriptText(s).getBytes(StandardCharsets.UTF_8);
        out.write(source, new ByteArrayInputStream(transcript));
        r.setAttachments(List.of(new Attachment().setName("transcript").setType("text/plain").setSource(source)
                .setSize((long) transcript.length)));
        return r;
    }

    private String description(ScenarioResult s, Map<String, RequirementResult> requirements) {
        StringBuilder b = new StringBuilder();
        b.append("Scenario `").append(ReportText.clean(s.id())).append("` judges:\n\n");
        for (String id : s.requirements()) {
            RequirementResult q = requirements.get(id);
            b.append("- ").append(ReportText.clean(id));
            if (q != null) {
                b.append(" (").append(ReportText.clean(q.spec())).append(" \u00a7").append(ReportText.clean(q.section()))
                        .append(", ").append(ReportText.clean(q.level())).append("): ")
                        .append(ReportText.clean(q.summary()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private StatusDetails details(ScenarioResult s, Status status) {
        String message = ReportText.cap(s.message(), maxChars);
        if (status == Status.WARN) {
            message = "WARN (a SHOULD not met, or a RECOMMENDED feature absent)" + (message.isEmpty() ? "" : ": " + message);
        } else if (status == Status.NOT_APPLICABLE || status == Status.NOT_TESTED) {
            message = status + (message.isEmpty() ? "" : ": " + message);
        }
        StringBuilder trace = new StringBuilder();
        for (Judgement j : s.judgements()) {
            trace.append(j.status()).append(' ').append(ReportText.clean(j.requirement()));
            if (j.message() != null && !j.message().isBlank()) {
                trace.append(": ").append(ReportText.cap(j.message(), maxChars));
            }
            trace.append('\n');
            if (j.status() != Status.PASS && j.status() != Status.NOT_APPLICABLE) {
                if (j.expected() != null) {
                    trace.append("  expected:\n").append(ReportText.cap(j.expected(), maxChars)).append('\n');
                }
                if (j.observed() != null) {
                    trace.append(j.status() == Status.FAIL ? "  offending stanza:\n" : "  observed:\n")
                            .append(ReportText.cap(j.observed(), maxChars)).append('\n');
                }
            }
        }
        return new StatusDetails().setMessage(message).setTrace(trace.toString());
    }

    private String transcriptText(ScenarioResult s) {
        return TranscriptWindow.of(s.transcript(), maxEntries).toPlainText(maxChars);
    }

    /** Allure's status for ours (see the class comment). */
    public static io.qameta.allure.model.Status status(Status s) {
        return switch (s) {
            case PASS, WARN -> io.qameta.allure.model.Status.PASSED;
            case FAIL -> io.qameta.allure.model.Status.FAILED;
            case ERROR -> io.qameta.allure.model.Status.BROKEN;
            case NOT_APPLICABLE, NOT_TESTED -> io.qameta.allure.model.Status.SKIPPED;
        };
    }

    /** When the scenario began: its first transcript entry, else the run's start. */
    private static long scenarioStart(ScenarioResult s, long runStart) {
        for (WireEntry e : s.transcript()) {
            if (e.time() != null) {
                return e.time().toEpochMilli();
            }
        }
        return runStart;
    }

    private static int rank(String level) {
        if (level == null) {
            return 3;
        }
        return switch (level.trim()) {
            case "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT" -> 0;
            case "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED" -> 1;
            case "MAY", "OPTIONAL" -> 2;
            default -> 3;
        };
    }

    private static String severity(int rank) {
        return switch (rank) {
            case 0 -> "critical";
            case 1 -> "normal";
            case 2 -> "minor";
            default -> "normal";
        };
    }

    private static void environment(Report report, Path file) throws IOException {
        Properties p = new Properties();
        put(p, "tool", report.tool() + " " + report.version());
        put(p, "profile", report.profile());
        if (report.target() != null) {
            put(p, "target.mode", report.target().mode());
            put(p, "target.domain", report.target().domain());
            put(p, "target.host", report.target().host());
            put(p, "target.port", Integer.toString(report.target().port()));
            if (report.target().software() != null) {
                put(p, "target.software", report.target().software().name());
                put(p, "target.software.version", report.target().software().version());
                put(p, "target.software.os", report.target().software().os());
            }
        }
        put(p, "verdict", report.verdict() == null ? null : report.verdict().name());
        put(p, "complete", Boolean.toString(report.complete()));
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null); // ISO-8859-1 with \\u escapes, as Allure reads it
        }
    }

    private static void put(Properties p, String k, String v) {
        if (v != null) {
            p.setProperty(k, ReportText.clean(v));
        }
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String domain(Report r) {
        return r.target() == null || r.target().domain() == null ? "" : ReportText.clean(r.target().domain());
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has MD5", e);
        }
    }
}
