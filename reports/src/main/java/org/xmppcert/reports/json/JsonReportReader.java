package org.xmppcert.reports.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xmppcert.reports.model.Report;

/**
 * Reads a {@code report.json} written by {@link JsonReportWriter} back into a {@link Report}
 * (for tests, and for tools that compare runs). Fields it does not know are ignored, so a report
 * of a newer version still loads.
 */
public final class JsonReportReader {
    private final ObjectReader reader = ReportJson.mapper().readerFor(Report.class)
            .without(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    /** The report in {@code in} (UTF-8 JSON); does not close {@code in}. */
    public Report read(InputStream in) throws IOException {
        return reader.readValue(in);
    }

    /** The report in {@code file}. */
    public Report read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }
}
