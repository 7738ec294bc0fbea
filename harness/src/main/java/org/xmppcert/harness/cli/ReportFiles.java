package org.xmppcert.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmppcert.reports.model.Report;

/**
 * Writes the report files into the output directory. Stand-in until the reports module's
 * {@code ReportWriters.writeAll} lands: {@code report.json} only.
 */
final class ReportFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ReportFiles() {
    }

    /** Writes every report file; returns the one to show the user. */
    static Path writeAll(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        JSON.writeValue(json.toFile(), report);
        return json;
    }
}
