package org.xmppcert.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.reports.SampleReports;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;

class HtmlReportWriterTest {
    private static final String ESCAPED_HOSTILE = "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

    @Test
    void hostileTextIsEscapedInTranscriptsJudgementsAndTheSoftwareName() throws IOException {
        String html = render(SampleReports.mixed());
        assertThat(html).doesNotContain(SampleReports.HOSTILE);
        assertThat(html).doesNotContain("<img");
        assertThat(html).doesNotContain("onerror=alert(1)>");
        // our one script block and nothing else
        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(count(html, "</script>")).isEqualTo(1);
        assertThat(html).contains("<dd id=\"software\">Evil " + ESCAPED_HOSTILE + " 1.0 &amp; &lt;b&gt; on Linux</dd>");
        assertThat(html).contains("<title>xmppcert report: example.org \u2014 NOT COMPLIANT</title>");
        // transcript line, event line and the judgement's observed stanza
        assertThat(count(html, ESCAPED_HOSTILE)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void attributesCannotBeBrokenOutOf() throws IOException {
        Report base = SampleReports.mixed();
        String evilSpec = "RFC 3920\" onmouseover=\"alert(2)";
        var reqs = base.requirements().stream()
                .map(r -> new org.xmppcert.reports.model.RequirementResult(r.id(), evilSpec, r.section(), r.revised(),
                        "MUST' x='y", r.subject(), r.summary(), r.status(), r.scenarios(), r.notJudged()))
                .toList();
        String html = render(new Report(base.tool(), base.version(), base.profile(), base.target(), base.start(),
                base.durationMs(), base.complete(), base.verdict(), base.counts(), reqs, base.scenarios()));
        assertThat(html).doesNotContain("\" onmouseover=\"");
        assertThat(html).contains("data-spec=\"RFC 3920&quot; onmouseover=&quot;alert(2)\"");
        assertThat(html).contains("data-level=\"MUST&#39; x=&#39;y\"");
    }

    @Test
    void escapeCoversTheFiveCharacters() {
        assertThat(HtmlOut.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assertThat(HtmlOut.escape("plain")).isEqualTo("plain");
    }

    @Test
    void selfContainedWithAPolicyThatAllowsOnlyItsOwnStyleAndScript() throws IOException {
        String html = render(SampleReports.mixed());
        assertThat(html).doesNotContainPattern("(?i)<link[^>]+stylesheet");
        assertThat(html).doesNotContainPattern("(?i)<[^>]*\\ssrc\\s*=");
        assertThat(html).doesNotContainPattern("(?i)@import|url\\(|@font-face");
        assertThat(html).doesNotContainPattern("(?i)fetch\\(|XMLHttpRequest|WebSocket|innerHTML|document\\.write|eval\\(");
        // every absolute address is a link to a specification, never something loaded
        Matcher m = Pattern.compile("https?://[^\"<\\s]*").matcher(html);
        while (m.find()) {
            String before = html.substring(Math.max(0, m.start() - 6), m.start());
            assertThat(before).as(m.group()).isEqualTo("href=\"");
            assertThat(m.group()).matches("https://(www\\.rfc-editor\\.org/rfc/rfc\\d+(#section-[0-9.]+)?|xmpp\\.org/extensions/xep-\\d{4}\\.html)");
        }
        String csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
        assertThat(csp).startsWith("default-src 'none';");
        assertThat(csp).contains("style-src '" + sha256(between(html, "<style>", "</style>")) + "'");
        assertThat(csp).contains("script-src '" + sha256(between(html, "<script>", "</script>")) + "'");
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("connect-src");
    }

    @Test
    void verdictTargetCountsAndCoverage() throws IOException {
        String html = render(SampleReports.mixed());
        assertThat(html).contains("<div id=\"verdict\" class=\"verdict not-compliant\" data-verdict=\"NOT_COMPLIANT\">NOT COMPLIANT</div>");
        assertThat(html).doesNotContain("id=\"incomplete\"");
        assertThat(html).contains("<dd id=\"target\"><code>example.org</code> at <code>127.0.0.1:5222</code> (server mode)</dd>");
        assertThat(html).contains("<td class=\"num\" data-status=\"PASS\">3</td>");
        assertThat(html).contains("<td class=\"num\" data-status=\"NOT_TESTED\">1</td>");
        assertThat(html).contains("data-spec=\"RFC 3920\"><td>RFC 3920</td><td class=\"num judged\">4 / 4</td>");
        assertThat(html).contains("data-spec=\"RFC 3921\"><td>RFC 3921</td><td class=\"num judged\">1 / 2</td>");
        assertThat(html).contains("data-spec=\"XEP-0030\"><td>XEP-0030</td><td class=\"num judged\">2 / 2</td>");
    }

    @Test
    void anIncompleteRunIsMarked() throws IOException {
        assertThat(render(SampleReports.mixed(false))).contains("<div id=\"incomplete\" class=\"incomplete\">INCOMPLETE");
    }

    @Test
    void filtersHaveStableIdsAndTheReportsValues() throws IOException {
        String html = render(SampleReports.mixed());
        assertThat(html).contains("<select id=\"filter-status\">", "<select id=\"filter-spec\">", "<select id=\"filter-level\">");
        assertThat(options(html, "filter-spec")).containsExactly("", "RFC 3920", "RFC 3921", "XEP-0030");
        assertThat(options(html, "filter-level")).containsExactly("", "MUST", "SHOULD", "MAY");
        assertThat(options(html, "filter-status")).containsExactly("", "PASS", "FAIL", "WARN", "NOT_APPLICABLE", "ERROR",
                "NOT_TESTED");
        assertThat(count(html, "<tbody class=\"req-group\"")).isEqualTo(8);
        assertThat(html).contains("<tbody class=\"req-group\" data-id=\"RFC3920-9.3-error-syntax\" data-status=\"FAIL\" "
                + "data-spec=\"RFC 3920\" data-level=\"MUST\" data-scenarios=\"0 1\">");
        assertThat(html).contains("href=\"https://www.rfc-editor.org/rfc/rfc3920#section-9.3\"");
    }

    @Test
    void transcriptsShowActorDirectionTimeAndMarkTheOffendingStanza() throws IOException {
        String html = render(SampleReports.mixed());
        assertThat(count(html, "<details class=\"scenario")).isEqualTo(7);
        assertThat(html).contains("<div class=\"wire d-IN offending\"><span class=\"t\" title=\"2026-12-07T23:00:00.140Z\">"
                + "23:00:00.140</span><span class=\"actor\">a</span><span class=\"dir\">IN</span><pre>&lt;iq type=&#39;error&#39;");
        assertThat(html).contains("<div class=\"wire d-EVENT\">");
        assertThat(html).contains("<div class=\"label\">Observed (offending)</div><pre class=\"observed offending\">");
        assertThat(html).contains("<pre class=\"expected\">&lt;iq type=&#39;error&#39; id=&#39;u1&#39;&gt;&lt;error");
    }

    @Test
    void aHugeTranscriptIsCappedButKeepsItsOffendingEntry() throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReportWriter(100, 1000).write(SampleReports.withLongTranscript(20_000), out);
        String html = out.toString();
        // 100 of the big one, plus the other scenarios' entries
        assertThat(count(html, "<div class=\"wire ")).isBetween(101, 110);
        assertThat(html).contains("&lt;message id=&#39;m10000&#39;/&gt;");
        assertThat(html).contains("<div class=\"gap\">\u2026 9950 entries omitted \u2026</div>");
        assertThat(html).contains("<div class=\"gap\">\u2026 9949 entries omitted \u2026</div>");
    }

    @Test
    void controlCharactersAndLongTextAreTamed() throws IOException {
        Report base = SampleReports.mixed();
        ScenarioResult s = base.scenarios().get(1);
        String huge = "x".repeat(5000);
        ScenarioResult odd = new ScenarioResult(s.id(), s.title(), s.spec(), s.status(), s.durationMs(), s.requirements(),
                "bell\u0007 nul\u0000", s.judgements(),
                List.of(new WireEntry(SampleReports.START, "a\u0001", "IN", huge, false)));
        Report r = new Report(base.tool(), base.version(), base.profile(), base.target(), base.start(), base.durationMs(),
                base.complete(), base.verdict(), base.counts(), base.requirements(), List.of(base.scenarios().get(0), odd));
        StringWriter out = new StringWriter();
        new HtmlReportWriter(100, 1000).write(r, out);
        String html = out.toString();
        assertThat(html).doesNotContain("\u0000").doesNotContain("\u0001").doesNotContain("\u0007");
        assertThat(html).contains("bell\uFFFD nul\uFFFD");
        assertThat(html).contains("x".repeat(1000) + " \u2026 [4000 more characters]");
        assertThat(html).doesNotContain("x".repeat(1001));
    }

    @Test
    void anEmptyReportStillRenders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.html");
        new HtmlReportWriter().write(SampleReports.empty(), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("No scenario ran.", "(the target did not name its software)", "0 of 0 requirements shown");
        assertThat(html).contains("class=\"verdict compliant\"", "id=\"incomplete\"");
    }

    @Test
    void aStatusMissingFromTheModelIsShownAsNotTested() throws IOException {
        Report base = SampleReports.mixed();
        var r = base.requirements().get(0);
        var q = new org.xmppcert.reports.model.RequirementResult(r.id(), r.spec(), r.section(), r.revised(), r.level(),
                r.subject(), r.summary(), null, List.of(), "a reason <b>escaped</b>");
        String html = render(new Report(base.tool(), base.version(), base.profile(), base.target(), base.start(),
                base.durationMs(), base.complete(), base.verdict(), base.counts(), List.of(q), List.of()));
        assertThat(html).contains("data-status=\"" + Status.NOT_TESTED + "\"", "No scenario judged this requirement.",
                "Why: a reason &lt;b&gt;escaped&lt;/b&gt;");
    }

    @Test
    void durations() {
        assertThat(HtmlReportWriter.duration(999)).isEqualTo("999 ms");
        assertThat(HtmlReportWriter.duration(1500)).isEqualTo("1.5 s");
        assertThat(HtmlReportWriter.duration(65_432)).isEqualTo("1 min 05 s");
    }

    static String render(Report r) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(r, out);
        return out.toString();
    }

    private static List<String> options(String html, String select) {
        String body = between(html, "<select id=\"" + select + "\">", "</select>");
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\"").matcher(body);
        List<String> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&"));
        }
        return values;
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertThat(a).as("missing " + from).isNotNegative();
        int b = s.indexOf(to, a + from.length());
        return s.substring(a + from.length(), b);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String sha256(String s) {
        try {
            return "sha256-" + Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
