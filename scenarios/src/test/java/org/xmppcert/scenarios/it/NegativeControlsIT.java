package org.xmppcert.scenarios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppcert.reports.model.Judgement;
import org.xmppcert.reports.model.Status;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every shipped scenario can FAIL: run with its negative control ({@link NegativeControlSet}),
 * which makes the CI Prosody violate what the scenario checks, it must report FAIL on at least
 * one of its ids, with the offending stanza as evidence. A scenario without a control (and
 * without an exemption saying where its failure is shown) fails this test by name.
 */
class NegativeControlsIT {

    @RegisterExtension
    static final ParallelProsodyRuns RUNS = new ParallelProsodyRuns();

    private static final Map<String, Tamper> CONTROLS = new HashMap<>();
    private static final Map<String, String> EXEMPT = new HashMap<>();

    @BeforeAll
    static void start() {
        for (NegativeControlSet set : ServiceLoader.load(NegativeControlSet.class)) {
            set.controls().forEach((id, t) -> {
                if (CONTROLS.put(id, t) != null) {
                    throw new IllegalStateException("two negative controls for " + id);
                }
            });
            EXEMPT.putAll(set.exemptions());
        }
    }

    @Test
    void everyShippedScenarioHasAControl() {
        List<String> missing = new ArrayList<>();
        for (ScenarioDefinition s : ScenarioRuns.shipped()) {
            if (!CONTROLS.containsKey(s.id()) && !EXEMPT.containsKey(s.id())) {
                missing.add(s.id() + " (" + s.source() + ")");
            }
        }
        assertThat(missing).as("scenarios without a negative control (add one to a NegativeControlSet)").isEmpty();
    }

    @Test
    void everyControlNamesAShippedScenario() {
        List<String> ids = ScenarioRuns.all().stream().map(ScenarioDefinition::id).toList();
        assertThat(ids).containsAll(CONTROLS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyControlledScenarioFails() {
        List<ScenarioDefinition> scenarios = ScenarioRuns.shipped().stream().filter(s -> CONTROLS.containsKey(s.id())).toList();
        return RUNS.eachRun(scenarios, s -> CONTROLS.get(s.id()), run -> {
            assertThat(run.failure()).as(run::describe).isNull();
            List<Judgement> fails = run.outcome().judgements().stream()
                    .filter(j -> j.status() == Status.FAIL && j.observed() != null).toList();
            assertThat(fails).as("a FAIL with the offending stanza, under the negative control: " + run.describe()).isNotEmpty();
        });
    }
}
