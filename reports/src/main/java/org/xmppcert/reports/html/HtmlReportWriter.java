package org.xmppcert.reports.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xmppcert.reports.ReportText;
import org.xmppcert.reports.SpecLinks;
import org.xmppcert.reports.TranscriptWindow;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.RequirementResult;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Software;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.Target;
import org.xmppcert.reports.model.Verdict;
import org.xmppcert.reports.model.WireEntry;

/**
 * Writes {@code report.html}: one self-contained file (inline CSS and vanilla JavaScript, no
 * fonts, images or scripts fetched; a Content-Security-Policy that allows only this page's own
 * style and script, by hash, and no connection at all).
 *
 * <p>It shows the verdict, an incomplete marker when the run did not finish, the target and its
 * software, coverage per specification (judged / total, and how many of each status), the
 * requirement table with filters by status, specification and level (selects
 * {@code #filter-status}, {@code #filter-spec}, {@code #filter-level}), each requirement opening
 * its scenarios, and every scenario with its judgements (expected pattern, observed stanza) and
 * its transcript (IN/OUT/EVENT lines with actor and time), the offending stanza marked
 * {@code .offending}.
 *
 * <p>Rendered on the server side: every piece of data passes through {@link HtmlOut#text}, so
 * transcripts, which carry whatever a hostile server sent, are displayed and never interpreted.
 * Each scenario is rendered once; opening a requirement copies its scenarios' nodes (no HTML
 * parsing of data in the browser). Written straight to the output, scenario by scenario.
 */
public final class HtmlReportWriter {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** RFC 2119 keywords in the order a reader expects them in the level filter. */
    private static final List<String> LEVEL_ORDER = List.of("MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT",
            "SHOULD", "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", "OPTIONAL");

    private final int maxEntries;
    private final int maxChars;

    /** A writer with the default per-scenario bounds of {@link TranscriptWindow}. */
    public HtmlReportWriter() {
        this(TranscriptWindow.DEFAULT_MAX_ENTRIES, TranscriptWindow.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxEntries transcript entries rendered per scenario (the first and last, and the
     *        offending ones between)
     * @param maxChars characters rendered per entry, judgement pattern or stanza
     */
    public HtmlReportWriter(int maxEntries, int maxChars) {
        if (maxEntries < 2 || maxChars < 16) {
            throw new IllegalArgumentException("bounds too small: " + maxEntries + " entries, " + maxChars + " chars");
        }
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** Writes the report to {@code file} (UTF-8), replacing it. */
    public void write(Report report, Path file) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                64 * 1024)) {
            write(report, w);
        }
    }

    /** Writes the report to {@code out}; flushes but does not close it. */
    public void write(Report report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report");
        HtmlOut h = new HtmlOut(out);
        Map<String, Integer> scenarioIndex = new HashMap<>();
        for (int i = 0; i < report.scenarios().size(); i++) {
            scenarioIndex.putIfAbsent(report.scenarios().get(i).id(), i);
        }
        head(h, report);
        h.raw("<body>\n");
        header(h, report);
        coverage(h, report);
        requirements(h, report, scenarioIndex);
        scenarios(h, report);
        h.raw("<footer><p class=\"dur\">Generated by ").text(report.tool()).raw(" ").text(report.version())
                .raw(". This file is self-contained: it fetches nothing.</p></footer>\n");
        h.raw("<script>").raw(JS).raw("</script>\n</body>\n</html>\n");
        out.flush();
    }

    private static void head(HtmlOut h, Report r) throws IOException {
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").raw(CSP).raw("\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .raw("<link rel=\"icon\" href=\"data:,\">\n")
                .raw("<title>").text(r.tool()).raw(" report: ").text(r.target() == null ? "" : r.target().domain())
                .raw(" \u2014 ").text(verdictText(r.verdict())).raw("</title>\n")
                .raw("<style>").raw(CSS).raw("</style>\n</head>\n");
    }

    private static void header(HtmlOut h, Report r) throws IOException {
        h.raw("<header>\n<h1>").text(r.tool()).raw(" report \u2014 profile <code>").text(r.profile()).raw("</code></h1>\n");
        String cls = r.verdict() == Verdict.COMPLIANT ? "compliant" : "not-compliant";
        h.raw("<div id=\"verdict\" class=\"verdict ").raw(cls).raw("\"")
                .attr("data-verdict", r.verdict() == null ? "" : r.verdict().name()).raw(">")
                .text(verdictText(r.verdict())).raw("</div>\n");
        if (!r.complete()) {
            h.raw("<div id=\"incomplete\" class=\"incomplete\">INCOMPLETE: the run was interrupted or reached its "
                    + "deadline; this report shows only what finished.</div>\n");
        }
        Target t = r.target();
        h.raw("<dl class=\"run\">\n");
        if (t != null) {
            h.raw("<dt>Target</dt><dd id=\"target\"><code>").text(t.domain()).raw("</code>");
            if (t.host() != null && !t.host().isEmpty()) {
                h.raw(" at <code>").text(t.host()).raw(t.port() > 0 ? ":" : "");
                if (t.port() > 0) {
                    h.num(t.port());
                }
                h.raw("</code>");
            }
            h.raw(" (").text(t.mode()).raw(" mode)</dd>\n");
            h.raw("<dt>Software</dt><dd id=\"software\">").text(softwareText(t.software())).raw("</dd>\n");
        }
        h.raw("<dt>Started</dt><dd>").text(r.start() == null ? "" : START.format(r.start())).raw("</dd>\n")
                .raw("<dt>Duration</dt><dd>").text(duration(r.durationMs())).raw("</dd>\n")
                .raw("<dt>Tool</dt><dd>").text(r.tool()).raw(" ").text(r.version()).raw("</dd>\n")
                .raw("</dl>\n");
        h.raw("<table id=\"counts\" class=\"counts\"><thead><tr>");
        for (Status s : Status.values()) {
            h.raw("<th class=\"num\"><span class=\"badge s-").raw(s.name()).raw("\">").raw(s.name()).raw("</span></th>");
        }
        h.raw("</tr></thead><tbody><tr>");
        for (Status s : Status.values()) {
            h.raw("<td class=\"num\"").attr("data-status", s.name()).raw(">")
                    .num(r.counts().getOrDefault(s, 0)).raw("</td>");
        }
        h.raw("</tr></tbody></table>\n</header>\n");
    }

    private static void coverage(HtmlOut h, Report r) throws IOException {
        Map<String, EnumMap<Status, Integer>> perSpec = new LinkedHashMap<>();
        for (RequirementResult q : r.requirements()) {
            perSpec.computeIfAbsent(nz(q.spec()), k -> new EnumMap<>(Status.class)).merge(statusOf(q.status()), 1,
                    Integer::sum);
        }
        h.raw("<section id=\"coverage\">\n<h2>Coverage per specification</h2>\n<table><thead><tr><th>Specification</th>"
                + "<th class=\"num\">Judged / total</th>");
        for (Status s : Status.values()) {
            h.raw("<th class=\"num\">").raw(s.name()).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (Map.Entry<String, EnumMap<Status, Integer>> e : perSpec.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            int judged = total - e.getValue().getOrDefault(Status.NOT_TESTED, 0);
            h.raw("<tr class=\"spec-coverage\"").attr("data-spec", e.getKey()).raw("><td>").text(e.getKey())
                    .raw("</td><td class=\"num judged\">").num(judged).raw(" / ").num(total).raw("</td>");
            for (Status s : Status.values()) {
                h.raw("<td class=\"num\">").num(e.getValue().getOrDefault(s, 0)).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    private void requirements(HtmlOut h, Report r, Map<String, Integer> scenarioIndex) throws IOException {
        Set<String> specs = new LinkedHashSet<>();
        Set<String> levels = new LinkedHashSet<>();
        EnumMap<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (RequirementResult q : r.requirements()) {
            specs.add(nz(q.spec()));
            levels.add(nz(q.level()));
            byStatus.merge(statusOf(q.status()), 1, Integer::sum);
        }
        h.raw("<section id=\"requirements\">\n<h2>Requirements</h2>\n<div class=\"filters\">\n");
        h.raw("<label>Status<select id=\"filter-status\"><option value=\"\">all</option>");
        for (Status s : Status.values()) {
            h.raw("<option value=\"").raw(s.name()).raw("\">").raw(s.name()).raw(" (")
                    .num(byStatus.getOrDefault(s, 0)).raw(")</option>");
        }
        h.raw("</select></label>\n<label>Specification<select id=\"filter-spec\"><option value=\"\">all</option>");
        for (String s : specs) {
            h.raw("<option").attr("value", s).raw(">").text(s).raw("</option>");
        }
        h.raw("</select></label>\n<label>Level<select id=\"filter-level\"><option value=\"\">all</option>");
        for (String l : orderLevels(levels)) {
            h.raw("<option").attr("value", l).raw(">").text(l).raw("</option>");
        }
        h.raw("</select></label>\n<span id=\"visible-count\">").num(r.requirements().size()).raw(" of ")
                .num(r.requirements().size()).raw(" requirements shown</span>\n</div>\n");
        h.raw("<table id=\"requirement-table\"><thead><tr><th></th><th>Requirement</th><th>Specification</th>"
                + "<th>Section</th><th>Level</th><th>Subject</th><th>Summary</th><th>Status</th>"
                + "<th class=\"num\">Scenarios</th></tr></thead>\n");
        for (RequirementResult q : r.requirements()) {
            requirementRow(h, q, scenarioIndex);
        }
        h.raw("</table>\n</section>\n");
    }

    private static void requirementRow(HtmlOut h, RequirementResult q, Map<String, Integer> scenarioIndex)
            throws IOException {
        Status status = statusOf(q.status());
        StringBuilder indices = new StringBuilder();
        for (String id : q.scenarios()) {
            Integer i = scenarioIndex.get(id);
            if (i != null) {
                indices.append(indices.length() == 0 ? "" : " ").append(i);
            }
        }
        h.raw("<tbody class=\"req-group\"").attr("data-id", q.id()).attr("data-status", status.name())
                .attr("data-spec", nz(q.spec())).attr("data-level", nz(q.level()))
                .attr("data-scenarios", indices.toString()).raw(">\n");
        h.raw("<tr class=\"req\"><td><button type=\"button\" class=\"toggle\" aria-expanded=\"false\" "
                + "title=\"show the scenarios\">\u25B8</button></td><td><code class=\"req-id\">").text(q.id())
                .raw("</code></td><td>").text(q.spec()).raw("</td><td>");
        String url = SpecLinks.url(q.spec(), q.section());
        if (url != null) {
            h.raw("<a rel=\"noopener noreferrer\" target=\"_blank\"").attr("href", url).raw(">").text(q.section())
                    .raw("</a>");
        } else {
            h.text(q.section());
        }
        if (q.revised() != null && !q.revised().isEmpty()) {
            h.raw("<div class=\"dur\">").text(q.revised()).raw("</div>");
        }
        h.raw("</td><td>").text(q.level()).raw("</td><td>").text(q.subject()).raw("</td><td>").text(q.summary())
                .raw("</td><td><span class=\"badge s-").raw(status.name()).raw("\">").raw(status.name())
                .raw("</span></td><td class=\"num\">").num(q.scenarios().size()).raw("</td></tr>\n");
        h.raw("<tr class=\"req-detail\" hidden><td colspan=\"9\"><div class=\"req-scenarios\">"
                + "<p class=\"req-scenario-links\">");
        if (q.scenarios().isEmpty()) {
            h.raw("No scenario judged this requirement.");
            if (q.notJudged() != null && !q.notJudged().isEmpty()) {
                h.raw(" Why: ").text(q.notJudged());
            }
        } else {
            h.raw("Judged by: ");
            boolean first = true;
            for (String id : q.scenarios()) {
                h.raw(first ? "" : ", ");
                first = false;
                Integer i = scenarioIndex.get(id);
                if (i != null) {
                    h.raw("<a href=\"#scenario-").num(i).raw("\"><code>").text(id).raw("</code></a>");
                } else {
                    h.raw("<code>").text(id).raw("</code> (not run)");
                }
            }
        }
        h.raw("</p></div></td></tr>\n</tbody>\n");
    }

    private void scenarios(HtmlOut h, Report r) throws IOException {
        h.raw("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n");
        if (r.scenarios().isEmpty()) {
            h.raw("<p>No scenario ran.</p>\n");
        }
        for (int i = 0; i < r.scenarios().size(); i++) {
            scenario(h, r.scenarios().get(i), i);
        }
        h.raw("</section>\n");
    }

    private void scenario(HtmlOut h, ScenarioResult s, int index) throws IOException {
        Status status = statusOf(s.status());
        h.raw("<details class=\"scenario s-").raw(status.name()).raw("\" id=\"scenario-").num(index).raw("\"")
                .attr("data-scenario", s.id()).attr("data-status", status.name()).raw(">\n<summary><span class=\"badge s-")
                .raw(status.name()).raw("\">").raw(status.name()).raw("</span> <code>").text(s.id()).raw("</code> ")
                .text(s.title()).raw(" <span class=\"dur\">").text(s.spec()).raw(", ").text(duration(s.durationMs()))
                .raw("</span></summary>\n<div class=\"scenario-body\">\n");
        if (s.message() != null && !s.message().isEmpty()) {
            h.raw("<p class=\"message\">").text(ReportText.cap(s.message(), maxChars)).raw("</p>\n");
        }
        h.raw("<p>Judges: ");
        boolean first = true;
        for (String id : s.requirements()) {
            h.raw(first ? "" : ", ").raw("<code>").text(id).raw("</code>");
            first = false;
        }
        h.raw("</p>\n");
        for (Judgement j : s.judgements()) {
            judgement(h, j);
        }
        transcript(h, s.transcript());
        h.raw("</div>\n</details>\n");
    }

    private void judgement(HtmlOut h, Judgement j) throws IOException {
        Status status = statusOf(j.status());
        h.raw("<div class=\"judgement s-").raw(status.name()).raw("\"").attr("data-requirement", j.requirement())
                .raw("><span class=\"badge s-").raw(status.name())
                .raw("\">").raw(status.name()).raw("</span> <code>").text(j.requirement()).raw("</code> ")
                .text(ReportText.cap(j.message(), maxChars));
        if (j.expected() != null) {
            h.raw("<div class=\"label\">Expected</div><pre class=\"expected\">").text(ReportText.cap(j.expected(), maxChars))
                    .raw("</pre>");
        }
        if (j.observed() != null) {
            boolean offending = status == Status.FAIL || status == Status.WARN;
            h.raw("<div class=\"label\">").raw(offending ? "Observed (offending)" : "Observed")
                    .raw("</div><pre class=\"observed").raw(offending ? " offending" : "").raw("\">")
                    .text(ReportText.cap(j.observed(), maxChars)).raw("</pre>");
        }
        h.raw("</div>\n");
    }

    private void transcript(HtmlOut h, List<WireEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            h.raw("<p class=\"dur\">No transcript.</p>\n");
            return;
        }
        h.raw("<div class=\"transcript\">\n");
        for (TranscriptWindow.Line line : TranscriptWindow.of(entries, maxEntries).lines()) {
            if (line.omittedBefore() > 0) {
                h.raw("<div class=\"gap\">\u2026 ").num(line.omittedBefore()).raw(" entries omitted \u2026</div>\n");
            }
            WireEntry e = line.entry();
            String dir = direction(e.direction());
            h.raw("<div class=\"wire d-").raw(dir).raw(e.offending() ? " offending" : "").raw("\"><span class=\"t\"")
                    .attr("title", e.time() == null ? "" : e.time().toString()).raw(">")
                    .text(e.time() == null ? "" : CLOCK.format(e.time())).raw("</span><span class=\"actor\">")
                    .text(e.actor()).raw("</span><span class=\"dir\">").text(e.direction()).raw("</span><pre>")
                    .text(ReportText.cap(e.text(), maxChars)).raw("</pre></div>\n");
        }
        h.raw("</div>\n");
    }

    /** A CSS class suffix for a direction: only the three known ones, never data. */
    private static String direction(String d) {
        if (d == null) {
            return "OTHER";
        }
        return switch (d) {
            case "IN", "OUT", "EVENT" -> d;
            default -> "OTHER";
        };
    }

    private static List<String> orderLevels(Set<String> levels) {
        List<String> ordered = new ArrayList<>();
        for (String l : LEVEL_ORDER) {
            if (levels.contains(l)) {
                ordered.add(l);
            }
        }
        for (String l : levels) {
            if (!LEVEL_ORDER.contains(l)) {
                ordered.add(l);
            }
        }
        return ordered;
    }

    private static Status statusOf(Status s) {
        return s == null ? Status.NOT_TESTED : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String verdictText(Verdict v) {
        return v == null ? "NO VERDICT" : v.name().replace('_', ' ');
    }

    private static String softwareText(Software s) {
        if (s == null || s.name() == null) {
            return "(the target did not name its software)";
        }
        StringBuilder b = new StringBuilder(s.name());
        if (s.version() != null) {
            b.append(' ').append(s.version());
        }
        if (s.os() != null) {
            b.append(" on ").append(s.os());
        }
        return b.toString();
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms % 60_000) / 1000);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReportWriter.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSP source expression of an inline block (CSP Level 3 §8.4 hash-source). */
    private static String sha256(String content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
