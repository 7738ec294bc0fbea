package org.xmppcert.reports.junit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.xmppcert.reports.ReportText;
import org.xmppcert.reports.TranscriptWindow;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;

/**
 * Writes {@code junit.xml} in the form Jenkins (JUnit plugin), GitLab and most CI systems read
 * (the Ant/Surefire dialect): a {@code <testsuites>} root, one {@code <testsuite>} per
 * specification, one {@code <testcase>} per scenario with {@code classname} = the specification
 * and {@code name} = the scenario id, {@code time} in seconds. A FAIL becomes {@code <failure>}
 * (message, the failing requirements, the expected pattern and the offending stanza), an ERROR
 * {@code <error>}, NOT_APPLICABLE and NOT_TESTED {@code <skipped>}; PASS and WARN pass (a WARN
 * is noted in the test's output, since JUnit has no "passed with a warning"). The transcript goes
 * to {@code <system-out>}. Written with StAX, scenario by scenario.
 */
public final class JUnitXmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final int maxEntries;
    private final int maxChars;

    /** A writer with the default per-scenario transcript bounds of {@link TranscriptWindow}. */
    public JUnitXmlWriter() {
        this(TranscriptWindow.DEFAULT_MAX_ENTRIES, TranscriptWindow.DEFAULT_MAX_CHARS);
    }

    /**
     * @param maxEntries transcript entries written per scenario
     * @param maxChars characters written per entry or stanza
     */
    public JUnitXmlWriter(int maxEntries, int maxChars) {
        if (maxEntries < 2 || maxChars < 16) {
            throw new IllegalArgumentException("bounds too small: " + maxEntries + " entries, " + maxChars + " chars");
        }
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** Writes the report to {@code file}, replacing it. */
    public void write(Report report, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(report, out);
        }
    }

    /** Writes the report to {@code out} as UTF-8 XML; flushes but does not close it. */
    public void write(Report report, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report");
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            write(report, w);
            w.flush();
            w.close(); // closes the writer, not the stream
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
        }
    }

    private void write(Report report, XMLStreamWriter w) throws XMLStreamException {
        Map<String, List<ScenarioResult>> suites = new LinkedHashMap<>();
        for (ScenarioResult s : report.scenarios()) {
            suites.computeIfAbsent(s.spec() == null ? "" : s.spec(), k -> new ArrayList<>()).add(s);
        }
        Tally all = new Tally();
        for (List<ScenarioResult> l : suites.values()) {
            l.forEach(all::add);
        }
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuites");
        attr(w, "name", report.tool() + " " + report.profile() + " " + domain(report));
        all.writeAttributes(w);
        w.writeCharacters("\n");
        // xs:dateTime without a zone, as the Ant schema has it (UTC); always with seconds.
        String timestamp = report.start() == null ? null : TIMESTAMP.format(report.start());
        int id = 0;
        for (Map.Entry<String, List<ScenarioResult>> suite : suites.entrySet()) {
            Tally t = new Tally();
            suite.getValue().forEach(t::add);
            w.writeStartElement("testsuite");
            attr(w, "name", suite.getKey());
            attr(w, "id", Integer.toString(id++));
            t.writeAttributes(w);
            if (timestamp != null) {
                attr(w, "timestamp", timestamp);
            }
            attr(w, "hostname", domain(report));
            w.writeCharacters("\n");
            properties(w, report);
            for (ScenarioResult s : suite.getValue()) {
                testcase(w, suite.getKey(), s);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
        }
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private static void properties(XMLStreamWriter w, Report report) throws XMLStreamException {
        w.writeStartElement("properties");
        property(w, "tool", report.tool() + " " + report.version());
        property(w, "profile", report.profile());
        property(w, "target", domain(report));
        if (report.target() != null && report.target().software() != null) {
            var sw = report.target().software();
            property(w, "software", (sw.name() == null ? "" : sw.name()) + (sw.version() == null ? "" : " " + sw.version()));
        }
        property(w, "verdict", report.verdict() == null ? "" : report.verdict().name());
        property(w, "complete", Boolean.toString(report.complete()));
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeEmptyElement("property");
        attr(w, "name", name);
        attr(w, "value", value);
    }

    private void testcase(XMLStreamWriter w, String spec, ScenarioResult s) throws XMLStreamException {
        w.writeStartElement("testcase");
        attr(w, "classname", spec);
        attr(w, "name", s.id());
        attr(w, "time", seconds(s.durationMs()));
        Status status = s.status() == null ? Status.ERROR : s.status();
        switch (status) {
            case FAIL -> {
                w.writeStartElement("failure");
                attr(w, "message", message(s, "FAIL"));
                attr(w, "type", "FAIL");
                text(w, failureDetail(s, Status.FAIL));
                w.writeEndElement();
            }
            case ERROR -> {
                w.writeStartElement("error");
                attr(w, "message", message(s, "ERROR"));
                attr(w, "type", "ERROR");
                text(w, failureDetail(s, Status.ERROR));
                w.writeEndElement();
            }
            case NOT_APPLICABLE, NOT_TESTED -> {
                w.writeEmptyElement("skipped");
                attr(w, "message", status.name() + (s.message() == null ? "" : ": " + ReportText.cap(s.message(), maxChars)));
            }
            case PASS, WARN -> {
                // passed: no child
            }
        }
        w.writeStartElement("system-out");
        text(w, systemOut(s, status));
        w.writeEndElement();
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private String message(ScenarioResult s, String fallback) {
        String m = s.message();
        if (m == null || m.isBlank()) {
            for (Judgement j : s.judgements()) {
                if (j.status() == s.status() && j.message() != null) {
                    m = j.requirement() + ": " + j.message();
                    break;
                }
            }
        }
        return ReportText.cap(m == null || m.isBlank() ? fallback : m, Math.min(maxChars, 4096));
    }

    /** The judgements with the failing status: requirement, message, expected, offending stanza. */
    private String failureDetail(ScenarioResult s, Status wanted) {
        StringBuilder b = new StringBuilder();
        for (Judgement j : s.judgements()) {
            if (j.status() != wanted) {
                continue;
            }
            b.append(wanted).append(' ').append(ReportText.clean(j.requirement())).append(": ")
                    .append(ReportText.cap(j.message(), maxChars)).append('\n');
            if (j.expected() != null) {
                b.append("expected:\n").append(ReportText.cap(j.expected(), maxChars)).append('\n');
            }
            if (j.observed() != null) {
                b.append(wanted == Status.FAIL ? "offending stanza:\n" : "observed:\n")
                        .append(ReportText.cap(j.observed(), maxChars)).append('\n');
            }
        }
        int offending = 0;
        for (WireEntry e : s.transcript()) {
            if (e.offending() && offending++ < 5) {
                b.append("offending (").append(ReportText.clean(e.actor())).append(' ').append(ReportText.clean(e.direction()))
                        .append(" at ").append(e.time()).append("):\n").append(ReportText.cap(e.text(), maxChars))
                        .append('\n');
            }
        }
        if (b.length() == 0 && s.message() != null) {
            b.append(ReportText.cap(s.message(), maxChars)).append('\n');
        }
        return b.toString();
    }

    private String systemOut(ScenarioResult s, Status status) {
        StringBuilder b = new StringBuilder();
        b.append(ReportText.clean(s.title())).append('\n').append("status: ").append(status);
        if (status == Status.WARN) {
            b.append(" (a SHOULD not met, or a RECOMMENDED feature absent)");
        }
        b.append('\n');
        if (s.message() != null && !s.message().isBlank()) {
            b.append("message: ").append(ReportText.cap(s.message(), maxChars)).append('\n');
        }
        for (Judgement j : s.judgements()) {
            b.append("  ").append(j.status()).append(' ').append(ReportText.clean(j.requirement()));
            if (j.message() != null && !j.message().isBlank()) {
                b.append(": ").append(ReportText.cap(j.message(), maxChars));
            }
            b.append('\n');
        }
        b.append("transcript:\n").append(TranscriptWindow.of(s.transcript(), maxEntries).toPlainText(maxChars));
        return b.toString();
    }

    private static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeAttribute(name, ReportText.clean(value));
    }

    private static void text(XMLStreamWriter w, String value) throws XMLStreamException {
        w.writeCharacters(ReportText.clean(value));
    }

    private static String domain(Report r) {
        return r.target() == null || r.target().domain() == null ? "" : r.target().domain();
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, ms) / 1000.0);
    }

    /** Counts of one suite (or of all), as the testsuite attributes. */
    private static final class Tally {
        int tests;
        int failures;
        int errors;
        int skipped;
        long ms;

        void add(ScenarioResult s) {
            tests++;
            ms += Math.max(0, s.durationMs());
            Status st = s.status() == null ? Status.ERROR : s.status();
            switch (st) {
                case FAIL -> failures++;
                case ERROR -> errors++;
                case NOT_APPLICABLE, NOT_TESTED -> skipped++;
                default -> {
                }
            }
        }

        void writeAttributes(XMLStreamWriter w) throws XMLStreamException {
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", Integer.toString(errors));
            w.writeAttribute("skipped", Integer.toString(skipped));
            w.writeAttribute("time", seconds(ms));
        }
    }
}
