package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.harness.cli.ServerReportChecks.checkReport;
import static org.xmppcert.harness.cli.ServerReportChecks.everyVerdictShowsItsStanzaOnTheWire;
import static org.xmppcert.harness.cli.ServerReportChecks.failsAreExactlyTheKnownDeviations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.xmpp.it.CiServer;

/**
 * {@code xmppcert server --register} as a process against the CI ejabberd ({@code ci/ejabberd/start.sh}):
 * the second real server of issue 5. Same report checks as {@link ServerCommandIT} on Prosody, and
 * the FAILs are exactly {@code known-deviations/ejabberd.txt}, each checked by hand against the
 * spec text (docs/known-deviations.md). In-band registration must be unthrottled on the server
 * (the CI config sets {@code registration_timeout: infinity}): the run registers its whole pool.
 */
class ServerCommandEjabberdIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CiServer ejabberd = CiServer.ejabberd();

    @TempDir
    Path out;

    @Test
    void aRegisteredRunFailsExactlyOnEjabberdsKnownDeviations() throws Exception {
        long start = System.nanoTime();
        XmppCertProcess.Result r = XmppCertProcess.run(Map.of(), null, "server", "--domain", ejabberd.domain(),
                "--host", ejabberd.host(), "--port", String.valueOf(ejabberd.port()),
                "--cafile", ejabberd.caFile().toString(), "--out", out.toString(), "--register");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isIn(0, 1);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        checkReport(report, r);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("target").get("software").get("name").asText()).isEqualTo("ejabberd");
        for (String f : List.of("report.html", "junit.xml", "allure-results")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(r.stdout()).contains("Running ").contains("Verdict: " + report.get("verdict").asText())
                .contains("Report:  " + out.resolve("report.html").toAbsolutePath());
        everyVerdictShowsItsStanzaOnTheWire(report);
        failsAreExactlyTheKnownDeviations(report, "ejabberd");
        System.out.println("server --register against ejabberd took " + ms + " ms including the JVM start");
    }
}
