package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.it.CiServer;

/**
 * Opt-in ({@code -Dxmppcert.imext.report=DIR}, optionally {@code -Dxmppcert.imext.server=prosody},
 * {@code -Dxmppcert.imext.only=REGEX} on the scenario id, {@code -Dxmppcert.imext.controls=true} to
 * run each with its negative control): runs the privacy list, XEP-0115,
 * XEP-0138 and XEP-0106 scenarios against a CI server (ejabberd by default) and writes each outcome
 * (judgements and transcript) to DIR, one line per scenario on stdout. Without controls it then
 * asserts, like StreamIqDiscoTranscriptsIT, that every FAIL is a deviation listed (checked by hand
 * against the spec) in {@code known-deviations/<server>.txt} and every listed one still happens;
 * AllScenariosProsodyIT is the check on Prosody in the normal build.
 */
class ImExtEjabberdReportIT {

    /** The scenarios of this content area, by source. */
    static boolean ours(ScenarioDefinition s) {
        String source = String.valueOf(s.source());
        return source.matches(".*scenarios/(privacy|caps|jid-escaping)/.*") || source.contains(".imext.");
    }

    @Test
    void runAgainstCiServer() throws Exception {
        String dir = System.getProperty("xmppcert.imext.report");
        assumeTrue(dir != null, "set -Dxmppcert.imext.report=DIR to run");
        String only = System.getProperty("xmppcert.imext.only", ".*");
        // -Dxmppcert.imext.controls=true: each scenario with its negative control (ImExtControls).
        Map<String, Tamper> controls = Boolean.getBoolean("xmppcert.imext.controls") ? new ImExtControls().controls() : Map.of();
        Files.createDirectories(Path.of(dir));
        CiServer server = "prosody".equals(System.getProperty("xmppcert.imext.server")) ? CiServer.prosody() : CiServer.ejabberd();
        List<String> problems = new ArrayList<>();
        KnownDeviations known = KnownDeviations.of(server.name());
        try (CiScenarioRunner runner = new CiScenarioRunner(server)) {
            for (ScenarioDefinition s : ScenarioRuns.shipped()) {
                if (!ours(s) || !s.id().matches(only)) {
                    continue;
                }
                ScenarioOutcome o = runner.run(s, controls.get(s.id()));
                Files.writeString(Path.of(dir, s.id() + ".txt"), o.describe());
                System.out.println("IMEXT " + server.name() + " " + s.id() + " " + o.status() + " " + o.judgements().stream()
                        .filter(j -> j.status() != Status.PASS).map(j -> j.status() + ":" + j.requirement())
                        .distinct().collect(Collectors.joining(" ")));
                if (controls.isEmpty()) {
                    if (o.error() != null) {
                        problems.add(s.id() + ": " + o.error());
                    }
                    for (Judgement j : o.judgements()) {
                        // A FAIL on absence has no stanza to show; it is the listed deviation when another
                        // FAIL of the same requirement in the run shows it (e.g. the blocked message's bounce).
                        boolean shown = o.judgements().stream()
                                .anyMatch(k -> k.requirement().equals(j.requirement()) && known.accepts(s.id(), k));
                        if (j.status() == Status.FAIL && !shown) {
                            problems.add(s.id() + ": an unlisted FAIL of " + j.requirement() + ": " + j.message());
                        }
                    }
                    try {
                        known.assertStillDeviates(s.id(), o.judgements());
                    } catch (AssertionError e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        assertThat(problems).as("FAILs on " + server.name() + " that are not its known deviations, or listed ones gone").isEmpty();
    }
}
