package org.xmppcert.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.reports.SampleReports;
import org.xmppcert.reports.model.Status;

class AllureResultsWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneResultPerScenarioWithTheStatusMapping(@TempDir Path dir) throws IOException {
        Map<String, JsonNode> results = write(dir);
        assertThat(results).hasSize(7);
        assertThat(results.get("iq-unknown-namespace").get("status").asText()).isEqualTo("failed");
        assertThat(results.get("iq-error-syntax").get("status").asText()).isEqualTo("passed");
        assertThat(results.get("stream-header").get("status").asText()).isEqualTo("passed");
        assertThat(results.get("roster-get").get("status").asText()).isEqualTo("broken");
        assertThat(results.get("disco-items-server").get("status").asText()).isEqualTo("skipped");
        assertThat(results.values()).allSatisfy(r -> {
            assertThat(r.get("stage").asText()).isEqualTo("finished");
            assertThat(r.get("historyId").asText()).hasSize(32);
            assertThat(r.get("stop").asLong()).isGreaterThanOrEqualTo(r.get("start").asLong());
        });
    }

    @Test
    void labelsAndLinksNameTheSpecificationAndRequirements(@TempDir Path dir) throws IOException {
        JsonNode r = write(dir).get("iq-unknown-namespace");
        assertThat(r.get("name").asText()).isEqualTo("An IQ get in an unknown namespace is answered with an error");
        assertThat(r.get("fullName").asText()).isEqualTo("RFC 3920.iq-unknown-namespace");
        List<String> labels = new ArrayList<>();
        r.get("labels").forEach(l -> labels.add(l.get("name").asText() + "=" + l.get("value").asText()));
        assertThat(labels).contains("suite=RFC 3920", "feature=RFC 3920", "parentSuite=basic-client-2008",
                "story=RFC3920-9.2.3-iq-reply", "story=RFC3920-9.3-error-syntax", "tag=RFC3920-9.3-error-syntax",
                "requirement=RFC3920-9.2.3-iq-reply", "requirement=RFC3920-9.3-error-syntax", "severity=critical",
                "host=example.org");
        List<String> links = new ArrayList<>();
        r.get("links").forEach(l -> links.add(l.get("type").asText() + " " + l.get("name").asText() + " " + l.get("url").asText()));
        assertThat(links).containsExactly(
                "tms RFC3920-9.2.3-iq-reply https://www.rfc-editor.org/rfc/rfc3920#section-9.2.3",
                "tms RFC3920-9.3-error-syntax https://www.rfc-editor.org/rfc/rfc3920#section-9.3");
        assertThat(r.get("statusDetails").get("message").asText()).isEqualTo("RFC3920-9.3-error-syntax: the error has no condition");
        assertThat(r.get("statusDetails").get("trace").asText()).contains("FAIL RFC3920-9.3-error-syntax",
                "offending stanza:\n<iq type='error' id='u1'><error type='cancel'><text>" + SampleReports.HOSTILE);
        assertThat(r.get("description").asText()).contains("RFC3920-9.3-error-syntax (RFC 3920 \u00a79.3, MUST)");
    }

    @Test
    void aWarnPassesAndSaysSo(@TempDir Path dir) throws IOException {
        JsonNode r = write(dir).get("stream-header");
        assertThat(r.get("status").asText()).isEqualTo("passed");
        assertThat(r.get("statusDetails").get("message").asText()).startsWith("WARN").endsWith(": no id attribute");
        List<String> labels = new ArrayList<>();
        r.get("labels").forEach(l -> labels.add(l.get("name").asText() + "=" + l.get("value").asText()));
        assertThat(labels).contains("severity=normal");
    }

    @Test
    void theTranscriptIsATextAttachment(@TempDir Path dir) throws IOException {
        JsonNode r = write(dir).get("iq-unknown-namespace");
        JsonNode a = r.get("attachments").get(0);
        assertThat(a.get("name").asText()).isEqualTo("transcript");
        assertThat(a.get("type").asText()).isEqualTo("text/plain");
        Path file = dir.resolve(a.get("source").asText());
        assertThat(file).exists();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(a.get("size").asLong()).isEqualTo(Files.size(file));
        assertThat(text).contains(" a OUT <iq type='get' id='u1'>", ">>> 2026-12-07T23:00:00.140Z a IN <iq type='error'",
                "<<< offending");
    }

    @Test
    void theEnvironmentDescribesTheTarget(@TempDir Path dir) throws IOException {
        write(dir);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("environment.properties"))) {
            p.load(in);
        }
        assertThat(p).containsEntry("target.domain", "example.org").containsEntry("profile", "basic-client-2008")
                .containsEntry("target.software", "Evil " + SampleReports.HOSTILE).containsEntry("verdict", "NOT_COMPLIANT")
                .containsEntry("complete", "true");
    }

    @Test
    void statusMappingCoversEveryStatus() {
        assertThat(AllureResultsWriter.status(Status.PASS)).isEqualTo(io.qameta.allure.model.Status.PASSED);
        assertThat(AllureResultsWriter.status(Status.WARN)).isEqualTo(io.qameta.allure.model.Status.PASSED);
        assertThat(AllureResultsWriter.status(Status.FAIL)).isEqualTo(io.qameta.allure.model.Status.FAILED);
        assertThat(AllureResultsWriter.status(Status.ERROR)).isEqualTo(io.qameta.allure.model.Status.BROKEN);
        assertThat(AllureResultsWriter.status(Status.NOT_APPLICABLE)).isEqualTo(io.qameta.allure.model.Status.SKIPPED);
        assertThat(AllureResultsWriter.status(Status.NOT_TESTED)).isEqualTo(io.qameta.allure.model.Status.SKIPPED);
    }

    @Test
    void anEmptyReportWritesOnlyTheEnvironment(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b/allure-results");
        new AllureResultsWriter().write(SampleReports.empty(), out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("environment.properties");
        }
    }

    /** Results by scenario id (the last part of fullName). */
    static Map<String, JsonNode> write(Path dir) throws IOException {
        new AllureResultsWriter().write(SampleReports.mixed(), dir);
        Map<String, JsonNode> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(f.toFile());
                String full = r.get("fullName").asText();
                byId.put(full.substring(full.indexOf('.') + 1), r);
            }
        }
        return byId;
    }
}
