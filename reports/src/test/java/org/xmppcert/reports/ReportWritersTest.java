package org.xmppcert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.reports.json.JsonReportReader;
import org.xmppcert.reports.model.Report;

class ReportWritersTest {

    @Test
    void writesTheFourOutputsIntoANewDirectory(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("deep/xmppcert-report");
        ReportWriters.Written w = ReportWriters.writeAll(SampleReports.mixed(), dir);
        assertThat(w.json()).isEqualTo(dir.resolve("report.json")).isRegularFile();
        assertThat(w.html()).isEqualTo(dir.resolve("report.html")).isRegularFile();
        assertThat(w.junit()).isEqualTo(dir.resolve("junit.xml")).isRegularFile();
        assertThat(w.allure()).isEqualTo(dir.resolve("allure-results")).isDirectory();
        assertThat(new JsonReportReader().read(w.json())).isEqualTo(SampleReports.mixed());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("report.json", "report.html",
                    "junit.xml", "allure-results"); // no temporary file left behind
        }
        try (Stream<Path> files = Files.list(w.allure())) {
            assertThat(files.filter(f -> f.toString().endsWith("-result.json")).count()).isEqualTo(7);
        }
    }

    @Test
    void aSecondRunReplacesTheFirstAndKeepsForeignFiles(@TempDir Path dir) throws IOException {
        ReportWriters.writeAll(SampleReports.mixed(), dir);
        Path mine = Files.writeString(dir.resolve("allure-results/categories.json"), "[]");
        ReportWriters.writeAll(SampleReports.empty(), dir);
        try (Stream<Path> files = Files.list(dir.resolve("allure-results"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("environment.properties",
                    "categories.json");
        }
        assertThat(mine).exists();
        assertThat(new JsonReportReader().read(dir.resolve("report.json"))).isEqualTo(SampleReports.empty());
    }

    @Test
    void oneFailingOutputDoesNotCostTheOthers(@TempDir Path dir) throws IOException {
        // report.html cannot replace a non-empty directory
        Files.createDirectories(dir.resolve("report.html"));
        Files.writeString(dir.resolve("report.html/keep"), "x");
        assertThatThrownBy(() -> ReportWriters.writeAll(SampleReports.mixed(), dir)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("report.json")).isRegularFile();
        assertThat(dir.resolve("junit.xml")).isRegularFile();
        assertThat(dir.resolve("allure-results")).isDirectory();
        assertThat(dir.resolve("report.html.tmp")).doesNotExist();
    }

    /**
     * The data reaches the writers redacted (the reference client masks SASL payloads): a
     * transcript with a masked PLAIN {@code <auth/>} must come out of every writer with the mask
     * and without the credential, in plain or in base64.
     */
    @Test
    void aMaskedPlainAuthStaysMaskedInEveryOutput(@TempDir Path dir) throws IOException {
        Report report = SampleReports.mixed();
        assertThat(Base64.getDecoder().decode(SampleReports.PLAIN_CREDENTIAL))
                .isEqualTo("\0alice\0s3cr3t-pw".getBytes(StandardCharsets.UTF_8));
        ReportWriters.writeAll(report, dir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        boolean maskSeen = false;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            assertThat(text).as(f.toString()).doesNotContain(SampleReports.PLAIN_CREDENTIAL)
                    .doesNotContain(SampleReports.PLAIN_CREDENTIAL.replace("=", ""))
                    .doesNotContain(SampleReports.PASSWORD)
                    .doesNotContain(Base64.getEncoder().encodeToString(SampleReports.PASSWORD.getBytes(StandardCharsets.UTF_8)));
            maskSeen |= text.contains("[redacted: 24 characters]");
        }
        assertThat(maskSeen).as("the masked <auth/> is shown").isTrue();
        assertThat(Files.readString(dir.resolve("report.html"))).contains(
                "mechanism=&#39;PLAIN&#39;&gt;[redacted: 24 characters]&lt;/auth&gt;");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("PLAIN", "[redacted: 24 characters]");
    }
}
