package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every {@code xmppcert server} report must pass against a CI server, shared by
 * {@link ServerCommandIT} (Prosody) and {@link ServerCommandEjabberdIT} (ejabberd): the report's
 * consistency, a stanza on the wire behind every verdict, and FAILs that are exactly the server's
 * known deviations ({@code scenarios/src/test/resources/known-deviations/<server>.txt}).
 */
final class ServerReportChecks {

    private ServerReportChecks() {
    }

    /** What every report must satisfy, whatever scenarios the library holds. */
    static void checkReport(JsonNode report, XmppCertProcess.Result r) {
        assertThat(report.get("tool").asText()).isEqualTo("xmppcert");
        assertThat(report.get("profile").asText()).isEqualTo("basic-client-2008");
        String verdict = report.get("verdict").asText();
        assertThat(verdict).isIn("COMPLIANT", "NOT_COMPLIANT");
        assertThat(r.exitCode()).isEqualTo(verdict.equals("COMPLIANT") ? 0 : 1);
        Map<String, Integer> counted = new HashMap<>();
        for (JsonNode q : report.get("requirements")) {
            String status = q.get("status").asText();
            counted.merge(status, 1, Integer::sum);
            assertThat(q.get("subject").asText()).isEqualTo("server");
            if (!status.equals("NOT_TESTED")) {
                assertThat(q.get("scenarios")).as("judged requirement %s names its scenarios", q.get("id")).isNotEmpty();
            }
        }
        report.get("counts").fields().forEachRemaining(e ->
                assertThat(e.getValue().asInt()).as("count of " + e.getKey())
                        .isEqualTo(counted.getOrDefault(e.getKey(), 0)));
        for (JsonNode s : report.get("scenarios")) {
            assertThat(s.get("id").asText()).isNotBlank();
            if (s.get("status").asText().equals("PASS")) {
                assertThat(s.get("transcript")).as("PASS scenario %s shows its transcript", s.get("id")).isNotEmpty();
            }
            assertThat(s.get("status").asText()).as("%s: %s", s.get("id"), s.get("message"))
                    .isNotEqualTo("ERROR");
        }
    }

    /**
     * Every PASS and every FAIL carries the stanza it was judged on, and that stanza is in the
     * scenario's transcript as received: a verdict that cannot be shown on the wire is worthless.
     * The one exception is a FAIL because an expected stanza never came (ejabberd's missing
     * unavailable presence after a roster removal): its message says that nothing arrived.
     */
    static void everyVerdictShowsItsStanzaOnTheWire(JsonNode report) {
        int checked = 0;
        for (JsonNode s : report.get("scenarios")) {
            List<String> received = new ArrayList<>();
            s.get("transcript").forEach(e -> {
                if (e.get("direction").asText().equals("IN")) {
                    received.add(normalised(e.get("text").asText()));
                }
            });
            for (JsonNode j : s.get("judgements")) {
                String status = j.get("status").asText();
                if (status.equals("FAIL") && j.get("observed").isNull()) {
                    // an expected stanza that never came: the absence is the evidence, and the
                    // message must say so (the transcript shows what the session did receive)
                    assertThat(j.get("message").asText()).as("%s %s FAIL without a stanza: nothing arrived",
                            s.get("id"), j.get("requirement")).contains("nothing else arrived");
                    continue;
                }
                if (status.equals("PASS") || status.equals("FAIL")) {
                    assertThat(j.get("observed").isNull()).as("%s %s %s carries its stanza", s.get("id"),
                            j.get("requirement"), status).isFalse();
                    assertThat(received).as("%s %s %s: its stanza is in the transcript", s.get("id"),
                            j.get("requirement"), status).contains(normalised(j.get("observed").asText()));
                    checked++;
                }
            }
        }
        assertThat(checked).as("judgements checked").isPositive();
    }

    /**
     * The transcript writes stanzas in the stream's scope (no {@code jabber:client} or stream
     * prefix declaration) and the stream header as an open tag; evidence is written standalone.
     */
    static String normalised(String xml) {
        String s = xml.replace(" xmlns='jabber:client'", "")
                .replace(" xmlns:stream='http://etherx.jabber.org/streams'", "");
        return s.startsWith("<stream:stream") && s.endsWith("/>") ? s.substring(0, s.length() - 2) + ">" : s;
    }

    /** Every FAIL judgement of the report as {@code "<scenario-id> <requirement-id>"} (one per judgement). */
    static List<String> fails(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : report.get("scenarios")) {
            for (JsonNode j : s.get("judgements")) {
                if (j.get("status").asText().equals("FAIL")) {
                    out.add(s.get("id").asText() + " " + j.get("requirement").asText());
                }
            }
        }
        return out;
    }

    /**
     * The deviations of a CI server ({@code prosody}, {@code ejabberd}), checked by hand against
     * the spec: {@code known-deviations/<server>.txt}, one {@code "<scenario-id> <requirement-id>"}
     * per line (one list for all tests).
     */
    static List<String> knownDeviations(String server) throws IOException {
        Path list = Path.of("..", "scenarios", "src", "test", "resources", "known-deviations", server + ".txt");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.substring(0, line.indexOf(" -- ")).strip());
            }
        }
        return out;
    }

    /**
     * The FAILs of the report are exactly the server's known deviations: a scenario may FAIL a
     * requirement more than once (several stanzas), so the comparison is on the distinct pairs, and
     * a listed deviation that no longer FAILs is as much an error as an unlisted FAIL.
     */
    static void failsAreExactlyTheKnownDeviations(JsonNode report, String server) throws IOException {
        assertThat(fails(report).stream().distinct().toList()).as("the FAILs on " + server + " are exactly its"
                + " known deviations (known-deviations/" + server + ".txt): a new FAIL is either a " + server
                + " bug to add to the list (with the spec text) or a false FAIL of xmppcert; a listed one that no"
                + " longer FAILs is to be removed")
                .containsExactlyInAnyOrderElementsOf(knownDeviations(server));
        assertThat(report.get("verdict").asText())
                .isEqualTo(knownDeviations(server).isEmpty() ? "COMPLIANT" : "NOT_COMPLIANT");
    }
}
