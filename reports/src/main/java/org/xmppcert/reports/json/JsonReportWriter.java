package org.xmppcert.reports.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmppcert.reports.model.Report;

/**
 * Writes {@code report.json}: the whole {@link Report}, every transcript entry included (it is
 * the machine-readable record; the model already bounded it at capture time). Fields in the
 * order the harness issue lists them: {@code tool, version, profile, target, start, durationMs,
 * complete, verdict, counts, requirements, scenarios}; times in ISO-8601. Jackson streams the
 * records straight to the output, so no second copy of the report is built in memory.
 * {@link JsonReportReader} reads it back.
 */
public final class JsonReportWriter {
    private final ObjectWriter writer = ReportJson.mapper().writerFor(Report.class)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Writes the report to {@code out} as UTF-8 JSON; does not close {@code out}. */
    public void write(Report report, OutputStream out) throws IOException {
        writer.writeValue(out, report);
    }

    /** Writes the report to {@code file}, replacing it. */
    public void write(Report report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }
}
