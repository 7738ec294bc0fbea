package org.xmppcert.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xmppcert.harness.run.Fixtures.judgement;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.ScenarioResult;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

class ScenarioResultsTest {
    private static final ScenarioDefinition DEF = new ScenarioDefinition() {
        public String id() {
            return "sc";
        }

        public String title() {
            return "a scenario";
        }

        public String spec() {
            return "RFC 3920";
        }

        public Subject subject() {
            return Subject.SERVER;
        }

        public List<String> accounts() {
            return List.of("alice");
        }

        public List<String> judges() {
            return List.of("a", "b", "c");
        }

        public String source() {
            return "test";
        }

        public void run(ScenarioContext context) {
        }
    };

    private static ScenarioResult of(String error, Judgement... js) {
        return ScenarioResults.of(DEF, new ScenarioOutcome(List.of(js), List.of(), error, 7));
    }

    @Test
    void theWorstJudgementInTheDesignsOrder() {
        assertThat(of(null, judgement("a", Status.PASS), judgement("b", Status.FAIL), judgement("c", Status.ERROR))
                .status()).isEqualTo(Status.FAIL);
        assertThat(of(null, judgement("a", Status.PASS), judgement("b", Status.ERROR), judgement("c", Status.WARN))
                .status()).isEqualTo(Status.ERROR);
        assertThat(of(null, judgement("a", Status.PASS), judgement("b", Status.WARN)).status()).isEqualTo(Status.WARN);
        assertThat(of(null, judgement("a", Status.NOT_APPLICABLE), judgement("b", Status.PASS)).status())
                .isEqualTo(Status.PASS);
        assertThat(of(null, judgement("a", Status.NOT_APPLICABLE)).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aScenarioThatCouldNotFinishIsAnErrorAndItsUnjudgedRequirementsWereNotReached() {
        ScenarioResult r = of("connection lost", judgement("a", Status.PASS));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).isEqualTo("connection lost");
        assertThat(r.judgements()).extracting(Judgement::requirement).containsExactly("a", "b", "c");
        assertThat(r.judgements().get(2).status()).isEqualTo(Status.ERROR);
        assertThat(r.judgements().get(2).message()).startsWith("not reached: connection lost");
        assertThat(r.durationMs()).isEqualTo(7);
        assertThat(r.requirements()).containsExactly("a", "b", "c");
    }

    @Test
    void aFailBeforeAnErrorStaysAFail() {
        ScenarioResult r = of("timeout", judgement("a", Status.FAIL));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.message()).startsWith("a: FAIL of a");
    }

    @Test
    void aScenarioThatJudgedNothingIsAnError() {
        assertThat(of(null).status()).isEqualTo(Status.ERROR);
        assertThat(of(null).message()).contains("judged nothing");
    }
}
