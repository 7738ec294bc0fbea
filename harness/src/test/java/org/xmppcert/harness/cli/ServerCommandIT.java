package org.xmppcert.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
        assertThat(fails(report)).as("the FAILs on Prosody are exactly its known deviations: a new FAIL is either"
                + " a Prosody bug to add to the list (with the spec text) or a false FAIL of xmppcert")
                .containsExactlyInAnyOrderElementsOf(knownDeviations());
        assertThat(report.get("verdict").asText()).isEqualTo(knownDeviations().isEmpty() ? "COMPLIANT" : "NOT_COMPLIANT");
        System.out.println("server --register took " + ms + " ms including the JVM start");
    }

    /**
     * Every PASS and every FAIL carries the stanza it was judged on, and that stanza is in the
     * scenario's transcript as received: a verdict that cannot be shown on the wire is worthless.
     */
    private static void everyVerdictShowsItsStanzaOnTheWire(JsonNode report) {
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
    private static String normalised(String xml) {
        String s = xml.replace(" xmlns='jabber:client'", "")
                .replace(" xmlns:stream='http://etherx.jabber.org/streams'", "");
        return s.startsWith("<stream:stream") && s.endsWith("/>") ? s.substring(0, s.length() - 2) + ">" : s;
    }

    private static List<String> fails(JsonNode report) {
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

    /** The deviations of the CI Prosody, checked by hand against the spec (one list for all tests). */
    private static List<String> knownDeviations() throws java.io.IOException {
        Path list = Path.of("..", "scenarios", "src", "test", "resources", "known-deviations", "prosody.txt");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.substring(0, line.indexOf(" -- ")).strip());
            }
        }
        return out;
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

    /** What every report must satisfy, whatever scenarios the library holds. */
    private static void checkReport(JsonNode report, XmppCertProcess.Result r) {
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
