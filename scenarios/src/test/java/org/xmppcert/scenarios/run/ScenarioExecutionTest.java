package org.xmppcert.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/** What {@link ScenarioExecution#run} does with a scenario that stops, without any server. */
class ScenarioExecutionTest {

    /** A scenario judging {@code a} then {@code b}, whose body is given. */
    private static ScenarioDefinition scenario(TestDefinitions.Body body) {
        return TestDefinitions.of(List.of(), List.of("a", "b"), body);
    }

    @Test
    void anInterruptedScenarioIsAnErrorAndTheCallerStillSeesTheInterruption() {
        ScenarioOutcome outcome;
        try {
            outcome = ScenarioExecution.builder("example.com").build().run(scenario(c -> {
                c.judge("a", Status.PASS, "fine", null);
                throw new InterruptedException("stop");
            }));
        } finally {
            // Before the fix the flag was swallowed; Thread.interrupted() also clears it for the next test.
            assertThat(Thread.interrupted()).as("the interruption is passed on").isTrue();
        }
        assertThat(outcome.error()).isEqualTo("interrupted");
        assertThat(outcome.status()).isEqualTo(Status.ERROR);
        assertThat(outcome.judgements()).extracting(j -> j.requirement() + " " + j.status())
                .containsExactly("a PASS", "b ERROR");
    }

    @Test
    void anExceptionOfTheScenarioBecomesTheError() {
        ScenarioOutcome outcome = ScenarioExecution.builder("example.com").build().run(scenario(c -> {
            throw new IllegalStateException("boom");
        }));
        assertThat(outcome.error()).isEqualTo("IllegalStateException: boom");
        assertThat(outcome.judgements()).allSatisfy(j -> assertThat(j.message()).startsWith("not reached"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
