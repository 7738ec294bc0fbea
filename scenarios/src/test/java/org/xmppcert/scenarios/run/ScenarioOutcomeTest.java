package org.xmppcert.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

class ScenarioOutcomeTest {

    private static Judgement j(String id, Status s) {
        return new Judgement(id, s, "m " + id, null, null);
    }

    private static ScenarioOutcome of(String error, Judgement... js) {
        return new ScenarioOutcome(List.of(js), List.of(), error, 1);
    }

    @Test
    void statusIsTheWorstInTheDesignsOrder() {
        assertThat(of(null, j("a", Status.PASS), j("b", Status.NOT_APPLICABLE)).status()).isEqualTo(Status.PASS);
        assertThat(of(null, j("a", Status.NOT_APPLICABLE)).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(of(null, j("a", Status.PASS), j("b", Status.WARN)).status()).isEqualTo(Status.WARN);
        assertThat(of(null, j("a", Status.ERROR), j("b", Status.WARN)).status()).isEqualTo(Status.ERROR);
        assertThat(of(null, j("a", Status.ERROR), j("b", Status.FAIL)).status()).isEqualTo(Status.FAIL);
        assertThat(of("stopped", j("a", Status.PASS)).status()).isEqualTo(Status.ERROR);
        assertThat(of(null).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void messageIsTheErrorOrTheFirstFailure() {
        assertThat(of(null, j("a", Status.PASS)).message()).isNull();
        assertThat(of(null, j("a", Status.ERROR), j("b", Status.FAIL)).message()).isEqualTo("b: m b");
        assertThat(of("boom", j("b", Status.FAIL)).message()).isEqualTo("boom");
    }

    // ------------------------------------------------------------------ toResult (the report's record)

    private static final ScenarioDefinition DEF = TestDefinitions.of(List.of("alice"), List.of("a", "b", "c"), c -> {
    });

    private static ScenarioResult result(String error, Judgement... js) {
        return new ScenarioOutcome(List.of(js), List.of(), error, 7).toResult(DEF);
    }

    @Test
    void theResultsStatusIsTheWorstJudgementInTheDesignsOrder() {
        assertThat(result(null, j("a", Status.PASS), j("b", Status.FAIL), j("c", Status.ERROR)).status())
                .isEqualTo(Status.FAIL);
        assertThat(result(null, j("a", Status.PASS), j("b", Status.ERROR), j("c", Status.WARN)).status())
                .isEqualTo(Status.ERROR);
        assertThat(result(null, j("a", Status.PASS), j("b", Status.WARN)).status()).isEqualTo(Status.WARN);
        assertThat(result(null, j("a", Status.NOT_APPLICABLE), j("b", Status.PASS)).status()).isEqualTo(Status.PASS);
        assertThat(result(null, j("a", Status.NOT_APPLICABLE)).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aScenarioThatCouldNotFinishIsAnErrorAndItsUnjudgedRequirementsWereNotReached() {
        ScenarioResult r = result("connection lost", j("a", Status.PASS));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("connection lost");
        assertThat(r.judgements()).extracting(Judgement::requirement).containsExactly("a", "b", "c");
        assertThat(r.judgements().get(2).status()).isEqualTo(Status.ERROR);
        assertThat(r.judgements().get(2).message()).startsWith("not reached: connection lost");
        assertThat(r.durationMs()).isEqualTo(7);
        assertThat(r.requirements()).containsExactly("a", "b", "c");
    }

    @Test
    void aFailBeforeAnErrorStaysAFailAndTheSummaryExplainsTheFail() {
        ScenarioResult r = result("timeout", j("a", Status.FAIL));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).isEqualTo("a: m a");
    }

    @Test
    void aScenarioThatJudgedNothingIsAnError() {
        assertThat(result(null).status()).isEqualTo(Status.ERROR);
        assertThat(result(null).message()).contains("judged nothing");
    }
}
