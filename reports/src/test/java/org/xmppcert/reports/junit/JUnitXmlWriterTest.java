package org.xmppcert.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xmppcert.reports.SampleReports;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.WireEntry;

class JUnitXmlWriterTest {

    @Test
    void oneSuitePerSpecificationOneCasePerScenario() throws Exception {
        Element root = parse(SampleReports.mixed()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("time")).isEqualTo("5.300");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(e -> e.getAttribute("name")).containsExactly("RFC 3920", "RFC 3921", "XEP-0030");
        Element rfc3920 = suites.get(0);
        assertThat(rfc3920.getAttribute("tests")).isEqualTo("4");
        assertThat(rfc3920.getAttribute("failures")).isEqualTo("1");
        assertThat(rfc3920.getAttribute("errors")).isEqualTo("0");
        assertThat(rfc3920.getAttribute("skipped")).isEqualTo("0");
        assertThat(rfc3920.getAttribute("timestamp")).isEqualTo("2026-12-07T23:00:00");
        assertThat(children(rfc3920, "testcase")).extracting(e -> e.getAttribute("name"))
                .containsExactly("iq-unknown-namespace", "iq-error-syntax", "stream-header", "sasl-plain");
        assertThat(children(rfc3920, "testcase")).allSatisfy(e -> assertThat(e.getAttribute("classname")).isEqualTo("RFC 3920"));
        Element props = children(rfc3920, "properties").get(0);
        assertThat(children(props, "property")).extracting(e -> e.getAttribute("name") + "=" + e.getAttribute("value"))
                .contains("profile=basic-client-2008", "verdict=NOT_COMPLIANT", "target=example.org",
                        "software=Evil " + SampleReports.HOSTILE + " 1.0 & <b>");
    }

    @Test
    void aFailCarriesItsMessageExpectationAndOffendingStanza() throws Exception {
        Element tc = testcase(parse(SampleReports.mixed()), "iq-unknown-namespace");
        assertThat(tc.getAttribute("time")).isEqualTo("0.120");
        Element failure = children(tc, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("RFC3920-9.3-error-syntax: the error has no condition");
        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        String body = failure.getTextContent();
        assertThat(body).contains("FAIL RFC3920-9.3-error-syntax: expected an error with a defined condition");
        assertThat(body).contains("expected:\n<iq type='error' id='u1'><error type='cancel'><service-unavailable/>");
        assertThat(body).contains("offending stanza:\n<iq type='error' id='u1'><error type='cancel'><text>"
                + SampleReports.HOSTILE + "</text>");
        assertThat(body).contains("offending (a IN at 2026-12-07T23:00:00.140Z):");
        assertThat(body).doesNotContain("RFC3920-9.2.3-iq-reply"); // passed: not part of the failure
        String out = children(tc, "system-out").get(0).getTextContent();
        assertThat(out).contains("transcript:\n", " a OUT <iq type='get' id='u1'>", ">>> 2026-12-07T23:00:00.140Z a IN ",
                "<<< offending", " a EVENT closed: " + SampleReports.HOSTILE);
        assertThat(children(tc, "error")).isEmpty();
        assertThat(children(tc, "skipped")).isEmpty();
    }

    @Test
    void errorSkippedAndWarnMapAsCiSystemsExpect() throws Exception {
        Document doc = parse(SampleReports.mixed());
        Element error = children(testcase(doc, "roster-get"), "error").get(0);
        assertThat(error.getAttribute("message")).isEqualTo("timed out after PT5S waiting for the roster result");
        assertThat(error.getTextContent()).contains("ERROR RFC3921-7.3-roster-get: timed out");
        Element skipped = children(testcase(doc, "disco-items-server"), "skipped").get(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("NOT_APPLICABLE: the server offers no items");
        Element warn = testcase(doc, "stream-header");
        assertThat(children(warn, "failure")).isEmpty();
        assertThat(children(warn, "error")).isEmpty();
        assertThat(children(warn, "skipped")).isEmpty();
        assertThat(children(warn, "system-out").get(0).getTextContent()).contains("status: WARN");
        Element pass = testcase(doc, "iq-error-syntax");
        assertThat(pass.getChildNodes().getLength()).isEqualTo(1); // system-out only
    }

    @Test
    void illegalXmlCharactersFromTheWireStillGiveAParseableFile() throws Exception {
        Report base = SampleReports.mixed();
        ScenarioResult s = base.scenarios().get(0);
        ScenarioResult odd = new ScenarioResult("odd\u0001id", s.title() + "\u0000", s.spec(), s.status(), s.durationMs(),
                s.requirements(), "msg \u0008 \uD800 lone", s.judgements(),
                List.of(new WireEntry(SampleReports.START, "a", "IN", "]]> \u001b[31m \uFFFF <x/>", true)));
        Report r = new Report(base.tool(), base.version(), base.profile(), base.target(), base.start(), base.durationMs(),
                base.complete(), base.verdict(), base.counts(), base.requirements(), List.of(odd));
        Element tc = testcase(parse(r), "odd\uFFFDid");
        assertThat(children(tc, "failure").get(0).getAttribute("message")).isEqualTo("msg \uFFFD \uFFFD lone");
        assertThat(children(tc, "system-out").get(0).getTextContent()).contains("]]> \uFFFD[31m \uFFFD <x/>");
    }

    @Test
    void anEmptyReportIsAValidEmptyRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junit.xml");
        new JUnitXmlWriter().write(SampleReports.empty(), file);
        Document doc = builder().parse(file.toFile());
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
        assertThat(children(doc.getDocumentElement(), "testsuite")).isEmpty();
    }

    @Test
    void aHugeTranscriptIsCappedInSystemOut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXmlWriter(50, 100).write(SampleReports.withLongTranscript(10_000), out);
        Element tc = testcase(builder().parse(new ByteArrayInputStream(out.toByteArray())), "iq-unknown-namespace");
        String text = children(tc, "system-out").get(0).getTextContent();
        assertThat(text.lines().filter(l -> l.contains("<message id=")).count()).isEqualTo(51);
        assertThat(text).contains(">>> ", "<message id='m5000'/>", "entries omitted");
    }

    static Document parse(Report report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JUnitXmlWriter().write(report, out);
        return builder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    static javax.xml.parsers.DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder();
    }

    static Element testcase(Document doc, String name) {
        NodeList all = doc.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

}
