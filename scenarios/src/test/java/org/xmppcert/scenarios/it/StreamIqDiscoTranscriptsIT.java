package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.it.CiServer;

/**
 * The stream, iq and disco scenarios against both CI servers, Prosody and ejabberd, with every
 * judgement and the whole transcript written to {@code target/scenario-transcripts/<server>/}, so
 * that a PASS can be read, not only counted, and the two servers compared. It asserts that each
 * scenario ran to its end (no ERROR) and that every FAIL is one of the server's known deviations
 * ({@link KnownDeviations}, checked by hand against the spec) and still happens; the verdicts are
 * summarised in {@code summary.txt}.
 */
class StreamIqDiscoTranscriptsIT {

    private static final List<String> AREAS = List.of("scenarios/stream/", "scenarios/iq/", "scenarios/disco/");

    @Test
    void prosody() throws Exception {
        runAll(CiServer.prosody());
    }

    @Test
    void ejabberd() throws Exception {
        // Both CI servers are started by ci/*/start.sh; a machine without ejabberd cannot judge it.
        assumeTrue(Files.isReadable(Path.of(System.getProperty("xmppcert.ci.dir", "/tmp/xmppcert-ci"), "ejabberd", "env")),
                "the CI ejabberd is not set up here");
        runAll(CiServer.ejabberd());
    }

    /**
     * Each negative control breaks the requirement it is meant to break: that id FAILs, with the
     * offending stanza (NegativeControlsIT only asks for some FAIL).
     */
    @Test
    void controlsFailTheirIntendedRequirement() throws Exception {
        CiServer server = CiServer.prosody();
        Path dir = Path.of("target", "scenario-transcripts", "prosody-controls");
        Files.createDirectories(dir);
        Map<String, Tamper> controls = new StreamIqDiscoControls().controls();
        Map<String, String> intended = StreamIqDiscoControls.intendedFailures();
        assertThat(intended.keySet()).isEqualTo(controls.keySet());
        List<String> wrong = new java.util.ArrayList<>();
        StringBuilder out = new StringBuilder();
        try (CiScenarioRunner runner = new CiScenarioRunner(server)) {
            for (ScenarioDefinition s : ScenarioRuns.shipped()) {
                Tamper control = controls.get(s.id());
                if (control == null) {
                    continue;
                }
                ScenarioOutcome outcome = runner.run(s, control);
                Files.writeString(dir.resolve(s.id() + ".txt"), render(s, outcome), StandardCharsets.UTF_8);
                List<String> failed = outcome.judgements().stream()
                        .filter(j -> j.status() == org.xmppcert.reports.model.Status.FAIL && j.observed() != null)
                        .map(Judgement::requirement).distinct().toList();
                out.append(s.id()).append(": FAIL ").append(failed).append('\n');
                if (!failed.contains(intended.get(s.id()))) {
                    wrong.add(s.id() + " should FAIL " + intended.get(s.id()) + " but FAILed " + failed);
                }
            }
        }
        Files.writeString(dir.resolve("summary.txt"), out, StandardCharsets.UTF_8);
        assertThat(wrong).isEmpty();
    }

    private static void runAll(CiServer server) throws Exception {
        Path dir = Path.of("target", "scenario-transcripts", server.name());
        Files.createDirectories(dir);
        Map<String, String> summary = new TreeMap<>();
        List<String> errors = new java.util.ArrayList<>();
        try (CiScenarioRunner runner = new CiScenarioRunner(server)) {
            for (ScenarioDefinition s : ScenarioRuns.shipped()) {
                if (AREAS.stream().noneMatch(a -> String.valueOf(s.source()).startsWith(a))) {
                    continue;
                }
                ScenarioOutcome outcome = runner.run(s);
                Files.writeString(dir.resolve(s.id() + ".txt"), render(s, outcome), StandardCharsets.UTF_8);
                StringBuilder line = new StringBuilder(outcome.status().toString());
                for (Judgement j : outcome.judgements()) {
                    if (j.status() != org.xmppcert.reports.model.Status.PASS) {
                        line.append(' ').append(j.requirement()).append('=').append(j.status());
                    }
                }
                summary.put(s.id(), line.toString());
                if (outcome.error() != null) {
                    errors.add(s.id() + " on " + server.name() + ": " + outcome.describe());
                }
                KnownDeviations known = KnownDeviations.of(server.name());
                for (Judgement j : outcome.judgements()) {
                    if (j.status() == org.xmppcert.reports.model.Status.FAIL && !known.accepts(s.id(), j)) {
                        errors.add(s.id() + " on " + server.name() + ": an unlisted FAIL of " + j.requirement()
                                + " (check it against the spec, then list it in known-deviations/" + server.name()
                                + ".txt or fix the scenario): " + j.message());
                    }
                }
                known.assertStillDeviates(s.id(), outcome.judgements());
            }
        }
        StringBuilder out = new StringBuilder();
        summary.forEach((id, line) -> out.append(id).append(": ").append(line).append('\n'));
        Files.writeString(dir.resolve("summary.txt"), out, StandardCharsets.UTF_8);
        assertThat(errors).as("scenarios that could not run to their end on " + server.name()).isEmpty();
    }

    private static String render(ScenarioDefinition s, ScenarioOutcome outcome) {
        return s.id() + " (" + s.source() + "): " + outcome.describe() + "\n";
    }
}
