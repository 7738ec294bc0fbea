package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.reports.model.WireEntry;
import org.xmppcert.scenarios.lang.FileScenario;
import org.xmppcert.scenarios.lang.ScenarioParser;
import org.xmppcert.scenarios.run.ScenarioOutcome;

/**
 * The interpreter end to end against the CI Prosody, with the sample scenarios of
 * {@code src/test/resources/samples/} (not shipped): expectations, alternatives, captures,
 * barriers across sessions, expect-nothing, timeouts, require-feature, and FAIL evidence.
 */
class FileScenarioProsodyIT {

    private static CiScenarioRunner runner;

    @BeforeAll
    static void start() {
        runner = new CiScenarioRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static FileScenario sample(String name) {
        return new FileScenario(new ScenarioParser().parseResource(FileScenarioProsodyIT.class.getClassLoader(),
                "samples/" + name + ".xml"));
    }

    private static Map<String, Status> statuses(ScenarioOutcome o) {
        return o.judgements().stream().collect(Collectors.toMap(Judgement::requirement, Judgement::status, (x, y) -> x));
    }

    @Test
    void pingAndUnknownIqPass() throws Exception {
        ScenarioOutcome o = runner.run(sample("ping-and-unknown-iq"));
        assertThat(o.error()).as(o::describe).isNull();
        assertThat(statuses(o)).as(o::describe).containsExactlyInAnyOrderEntriesOf(
                Map.of("T-ping", Status.PASS, "T-iq-error", Status.PASS, "T-one-reply", Status.PASS));
        assertThat(o.judgements()).allSatisfy(j -> assertThat(j.observed()).isNotNull());
        assertThat(o.transcript()).extracting(WireEntry::actor).containsOnly("a");
        assertThat(o.transcript()).noneMatch(WireEntry::offending);
    }

    @Test
    void messageBetweenTwoSessionsWithCaptures() throws Exception {
        ScenarioOutcome o = runner.run(sample("message-between-sessions"));
        assertThat(o.error()).as(o::describe).isNull();
        assertThat(o.judgements()).as(o::describe).extracting(Judgement::status).containsOnly(Status.PASS);
        assertThat(statuses(o)).containsOnlyKeys("T-delivered", "T-from", "T-reply", "T-quiet");
        assertThat(o.transcript()).extracting(WireEntry::actor).contains("a", "b");
        for (int i = 1; i < o.transcript().size(); i++) {
            assertThat(o.transcript().get(i).time()).isAfterOrEqualTo(o.transcript().get(i - 1).time());
        }
    }

    @Test
    void unmetExpectationFailsWithTheOffendingStanza() throws Exception {
        ScenarioOutcome o = runner.run(sample("failing-expectation"));
        assertThat(o.error()).as(o::describe).isNull();
        Judgement wrong = o.judgements().get(0);
        assertThat(wrong.requirement()).isEqualTo("T-wrong");
        assertThat(wrong.status()).as(o::describe).isEqualTo(Status.FAIL);
        assertThat(wrong.expected()).contains("type='error'");
        assertThat(wrong.observed()).contains("result").contains("p1");
        assertThat(wrong.message()).contains("came instead");
        assertThat(o.transcript()).as(o::describe).filteredOn(WireEntry::offending).hasSize(1)
                .allSatisfy(e -> assertThat(e.text()).contains("p1").contains("result"));
        // the stanza that came instead stays queued: the expect-nothing after it sees it
        assertThat(statuses(o).get("T-after")).isEqualTo(Status.FAIL);
        assertThat(o.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void timeoutsFailOrErrorAndStopTheScenario() throws Exception {
        ScenarioOutcome o = runner.run(sample("timeouts"));
        assertThat(statuses(o)).as(o::describe).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T-silence-fails", Status.FAIL, "T-silence-errors", Status.ERROR, "T-not-reached", Status.ERROR));
        assertThat(o.error()).isNotNull();
        List<Judgement> notReached = o.judgements().stream().filter(j -> j.requirement().equals("T-not-reached")).toList();
        assertThat(notReached.get(0).message()).contains("not reached");
        assertThat(o.judgements().get(0).observed()).isNull();
    }

    @Test
    void absentFeatureMakesTheRestNotApplicable() throws Exception {
        ScenarioOutcome o = runner.run(sample("feature-absent"));
        assertThat(o.error()).as(o::describe).isNull();
        assertThat(statuses(o)).as(o::describe).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T-bind-offered", Status.PASS, "T-feature", Status.NOT_APPLICABLE, "T-after-feature", Status.NOT_APPLICABLE));
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aTamperedReplyFailsAndIsMarked() throws Exception {
        Tamper t = Tamper.on(Tamper.iq("result").and(Tamper.attribute("id", "p1"))).setAttribute("type", "error");
        ScenarioOutcome o = runner.run(sample("ping-and-unknown-iq"), t);
        assertThat(statuses(o).get("T-ping")).as(o::describe).isEqualTo(Status.FAIL);
        assertThat(o.transcript()).filteredOn(WireEntry::offending).hasSize(1);
    }

    @Test
    void anInjectedStanzaFailsExpectNothing() throws Exception {
        Tamper t = Tamper.on(Tamper.iq("error").and(Tamper.attribute("id", "u1")))
                .inject("<iq type='result' id='u1' from='localhost'/>");
        ScenarioOutcome o = runner.run(sample("ping-and-unknown-iq"), t);
        assertThat(statuses(o)).as(o::describe).containsEntry("T-iq-error", Status.PASS).containsEntry("T-one-reply", Status.FAIL);
        Judgement j = o.judgements().stream().filter(x -> x.requirement().equals("T-one-reply")).findFirst().orElseThrow();
        assertThat(j.observed()).contains("result").contains("u1");
    }

    @Test
    void aCaptureNotMadeIsAnErrorThatStopsTheScenario() throws Exception {
        ScenarioOutcome o = runner.run(sample("capture-not-made"));
        assertThat(statuses(o)).as(o::describe).containsExactlyInAnyOrderEntriesOf(Map.of(
                "T-answer", Status.PASS, "T-later", Status.ERROR));
        assertThat(o.error()).contains("{who}");
    }
}
