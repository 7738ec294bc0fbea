package org.xmppcert.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.reports.SampleReports;
import org.xmppcert.reports.model.Report;

class JsonReportWriterTest {
    private final JsonReportWriter writer = new JsonReportWriter();
    private final JsonReportReader reader = new JsonReportReader();

    @Test
    void roundTripGivesTheSameReport(@TempDir Path dir) throws IOException {
        Report report = SampleReports.mixed(false);
        Path file = dir.resolve("report.json");
        writer.write(report, file);
        assertThat(reader.read(file)).isEqualTo(report);
    }

    @Test
    void roundTripOfAnEmptyReportWithoutSoftware() throws IOException {
        Report report = SampleReports.empty();
        assertThat(reader.read(new ByteArrayInputStream(bytes(report)))).isEqualTo(report);
    }

    @Test
    void fieldsComeInTheIssuesOrder() throws IOException {
        JsonNode root = tree(SampleReports.mixed());
        assertThat(names(root)).containsExactly("tool", "version", "profile", "target", "start", "durationMs",
                "complete", "verdict", "counts", "requirements", "scenarios");
        assertThat(names(root.get("target"))).containsExactly("mode", "domain", "host", "port", "software");
        assertThat(names(root.get("target").get("software"))).containsExactly("name", "version", "os");
        assertThat(names(root.get("requirements").get(0))).containsExactly("id", "spec", "section", "revised", "level",
                "subject", "summary", "status", "scenarios", "notJudged");
        JsonNode scenario = root.get("scenarios").get(0);
        assertThat(names(scenario)).containsExactly("id", "title", "spec", "status", "durationMs", "requirements",
                "message", "judgements", "transcript");
        assertThat(names(scenario.get("judgements").get(0))).containsExactly("requirement", "status", "message",
                "expected", "observed");
        assertThat(names(scenario.get("transcript").get(0))).containsExactly("time", "actor", "direction", "text",
                "offending");
    }

    @Test
    void timesAreIso8601AndCountsFollowTheStatusOrder() throws IOException {
        JsonNode root = tree(SampleReports.mixed());
        assertThat(root.get("start").isTextual()).isTrue();
        assertThat(root.get("start").asText()).isEqualTo("2026-12-07T23:00:00.125Z");
        assertThat(root.get("scenarios").get(0).get("transcript").get(0).get("time").asText())
                .isEqualTo("2026-12-07T23:00:00.135Z");
        assertThat(root.get("durationMs").asLong()).isEqualTo(65_432);
        assertThat(root.get("verdict").asText()).isEqualTo("NOT_COMPLIANT");
        assertThat(names(root.get("counts"))).containsExactly("PASS", "FAIL", "WARN", "NOT_APPLICABLE", "ERROR",
                "NOT_TESTED");
        assertThat(root.get("counts").get("PASS").asInt()).isEqualTo(3);
        assertThat(root.get("requirements").get(1).get("scenarios").get(1).asText()).isEqualTo("iq-error-syntax");
    }

    @Test
    void twoWritesOfOneReportAreIdentical() throws IOException {
        Report report = SampleReports.mixed();
        assertThat(new String(bytes(report), StandardCharsets.UTF_8))
                .isEqualTo(new String(bytes(report), StandardCharsets.UTF_8));
    }

    @Test
    void hostileTextSurvivesAsData() throws IOException {
        Report back = reader.read(new ByteArrayInputStream(bytes(SampleReports.mixed())));
        assertThat(back.target().software().name()).isEqualTo("Evil " + SampleReports.HOSTILE);
        assertThat(back.scenarios().get(0).transcript().get(1).text()).contains(SampleReports.HOSTILE);
        assertThat(back.scenarios().get(0).transcript().get(1).offending()).isTrue();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreEscapedNotFatal() throws IOException {
        Report e = SampleReports.empty();
        Report odd = new Report(e.tool(), "v\uD800x\u0000y", e.profile(), e.target(), e.start(), e.durationMs(),
                e.complete(), e.verdict(), e.counts(), e.requirements(), e.scenarios());
        byte[] json = bytes(odd);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"version\" : \"v\\uD800x\\u0000y\"");
        assertThat(reader.read(new ByteArrayInputStream(json))).isEqualTo(odd);
    }

    @Test
    void theReaderIgnoresFieldsOfANewerVersion() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode root = tree(SampleReports.empty());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).put("somethingNew", 42);
        Report back = reader.read(new ByteArrayInputStream(m.writeValueAsBytes(root)));
        assertThat(back).isEqualTo(SampleReports.empty());
    }

    @Test
    void streamsAreLeftOpenForTheCaller() throws IOException {
        AtomicBoolean outClosed = new AtomicBoolean();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        writer.write(SampleReports.empty(), new FilterOutputStream(sink) {
            @Override
            public void close() {
                outClosed.set(true);
            }
        });
        assertThat(outClosed).isFalse();
        AtomicBoolean inClosed = new AtomicBoolean();
        reader.read(new FilterInputStream(new ByteArrayInputStream(sink.toByteArray())) {
            @Override
            public void close() {
                inClosed.set(true);
            }
        });
        assertThat(inClosed).isFalse();
    }

    private byte[] bytes(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, out);
        return out.toByteArray();
    }

    private JsonNode tree(Report report) throws IOException {
        return new ObjectMapper().readTree(bytes(report));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
