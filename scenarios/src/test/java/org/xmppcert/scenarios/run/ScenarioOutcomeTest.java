package org.xmppcert.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;

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
}
