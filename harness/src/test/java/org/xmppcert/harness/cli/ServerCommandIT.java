package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.harness.cli.ServerReportChecks.checkReport;
import static org.xmppcert.harness.cli.ServerReportChecks.everyVerdictShowsItsStanzaOnTheWire;
import static org.xmppcert.harness.cli.ServerReportChecks.failsAreExactlyTheKnownDeviations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmppcert.xmpp.it.CiServer;

/**
 * {@code xmppcert server} and {@code xmppcert requirements} run as processes against the CI
 * Prosody. The scenario library grows on its own: these tests check the report's structure and
 * its consistency, not a fixed number of scenarios.
 */
class ServerCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CiServer prosody = CiServer.prosody();

    @TempDir
    Path out;

    private List<String> server(String... more) {
        List<String> args = new ArrayList<>(List.of("server", "--domain", prosody.domain(), "--host", prosody.host(),
                "--port", String.valueOf(prosody.port()), "--cafile", prosody.caFile().toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static XmppCertProcess.Result run(List<String> args) throws Exception {
        return XmppCertProcess.run(Map.of(), null, args.toArray(String[]::new));
    }

    @Test
    void aRegisteredRunWritesAConsistentReportAndExitsWithItsVerdict() throws Exception {
        long start = System.nanoTime();
        XmppCertProcess.Result r = run(server("--register"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isIn(0, 1);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        checkReport(report, r);
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("target").get("software").get("name").asText()).isEqualTo("Prosody");
        for (String f : List.of("report.html", "junit.xml", "allure-results")) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(r.stdout()).contains("Running ").contains("Verdict: " + report.get("verdict").asText())
                .contains("Report:  " + out.resolve("report.html").toAbsolutePath()).contains("RFC 3920");
        everyVerdictShowsItsStanzaOnTheWire(report);
        failsAreExactlyTheKnownDeviations(report, "prosody");
        System.out.println("server --register took " + ms + " ms including the JVM start");
    }

    @Test
    void aPoolOfGivenAccountsWorksAndTheirPasswordsStaySecret() throws Exception {
        String alice = prosody.user();
        String bob = prosody.otherUser();
        XmppCertProcess.Result r = run(server("--account", alice + ":" + prosody.password(alice),
                "--account", bob + ":" + prosody.password(bob), "--parallel", "2"));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isIn(0, 1);
        checkReport(JSON.readTree(out.resolve("report.json").toFile()), r);
        String everything = r.stdout() + r.stderr() + Files.readString(out.resolve("report.json"))
                + Files.readString(out.resolve("report.html")) + Files.readString(out.resolve("junit.xml"));
        assertThat(everything).doesNotContain(prosody.password(alice)).doesNotContain(prosody.password(bob));
    }

    @Test
    void onlyRunsTheMatchingScenarios() throws Exception {
        XmppCertProcess.Result r = run(server("--register", "--only", "no-scenario-is-called-this"));
        assertThat(r.exitCode()).as("nothing judged certifies nothing").isEqualTo(1);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("scenarios")).isEmpty();
        assertThat(report.get("verdict").asText()).isEqualTo("NOT_COMPLIANT");
    }

    @Test
    void aStoppedRunStillWritesTheReportMarkedIncomplete() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("xmppcert.jar", "target/xmppcert.jar")));
        command.addAll(server("--register", "--parallel", "1"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String first = lines.readLine(); // "Running N scenarios": the engine is about to start them
            assertThat(first).startsWith("Running ");
            p.toHandle().destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does; our streams stay open
            StringBuilder rest = new StringBuilder();
            for (String l; (l = lines.readLine()) != null; ) {
                rest.append(l).append('\n');
            }
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.exitValue() == 143,
                    "the run ended before the signal: nothing to check");
            JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
            assertThat(report.get("complete").asBoolean()).as(rest.toString()).isFalse();
            assertThat(rest.toString()).contains("INCOMPLETE");
            for (JsonNode sc : report.get("scenarios")) {
                if (sc.get("status").asText().equals("NOT_TESTED")) {
                    assertThat(sc.get("message").asText()).startsWith("not run");
                }
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anUnreachableTargetExitsWith3() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        XmppCertProcess.Result r = run(List.of("server", "--domain", "localhost", "--host", "127.0.0.1", "--port",
                String.valueOf(closedPort), "--register", "--insecure", "--out", out.toString()));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderrLines()).singleElement().asString().startsWith("xmppcert server: target unusable")
                .contains("refused");
    }

    @Test
    void wrongPoolCredentialsExitWith3() throws Exception {
        XmppCertProcess.Result r = run(server("--account", prosody.user() + ":wrong-password"));
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(3);
        assertThat(r.stderr()).contains("target unusable").doesNotContain("wrong-password");
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        assertThat(run(List.of("server", "--register")).exitCode()).as("no --domain").isEqualTo(2);
        assertThat(run(List.of("server", "--domain", "d")).exitCode()).as("no accounts").isEqualTo(2);
        assertThat(run(List.of("server", "--domain", "d", "--register", "--account", "a:b")).exitCode())
                .as("both account sources").isEqualTo(2);
        assertThat(run(List.of("server", "--domain", "d", "--register", "--deadline", "soon")).exitCode())
                .isEqualTo(2);
        XmppCertProcess.Result parallel = run(List.of("server", "--domain", "d", "--register", "--parallel", "0"));
        assertThat(parallel.exitCode()).isEqualTo(2);
        assertThat(parallel.stderr()).contains("--parallel");
        XmppCertProcess.Result profile = run(List.of("server", "--domain", "d", "--register", "--profile", "nope"));
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.stderr()).contains("unknown profile").contains("basic-client-2008");
        XmppCertProcess.Result account = run(List.of("server", "--domain", "d", "--account", "nocolon"));
        assertThat(account.exitCode()).isEqualTo(2);
        assertThat(account.stderr()).contains("user:password");
    }

    @Test
    void helpExplainsTheOptionsAndExitCodes() throws Exception {
        XmppCertProcess.Result r = run(List.of("server", "--help"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("--register").contains("--account").contains("--deadline")
                .contains("--parallel").contains("Exit codes:").contains("NOT_COMPLIANT").contains("unreachable");
    }

    @Test
    void requirementsListsTheCatalogWithCoverage() throws Exception {
        XmppCertProcess.Result table = run(List.of("requirements"));
        assertThat(table.exitCode()).as(table.stderr()).isZero();
        assertThat(table.stdout()).contains("XMPP Basic Client 2008").contains("Covered:");
        XmppCertProcess.Result json = run(List.of("requirements", "--subject", "server", "--json"));
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode entries = JSON.readTree(json.stdout());
        assertThat(entries.isArray()).isTrue();
        for (JsonNode e : entries) {
            assertThat(e.get("subject").asText()).isEqualTo("server");
            assertThat(e.has("scenarios")).isTrue();
            assertThat(e.get("id").asText()).isNotBlank();
        }
        assertThat(run(List.of("requirements", "--subject", "both")).exitCode()).isEqualTo(2);
    }
}
