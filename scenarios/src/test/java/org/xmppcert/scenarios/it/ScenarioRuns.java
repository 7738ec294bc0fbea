package org.xmppcert.scenarios.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.xmppcert.scenarios.lang.ScenarioLibrary;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.ScenarioDefinition;
import org.xmppcert.xmpp.xml.Element;

/** Runs many scenarios against Prosody in parallel, for the integration tests. */
final class ScenarioRuns {

    /** How many scenarios run at once. */
    static final int THREADS = 6;

    private ScenarioRuns() {
    }

    /**
     * Every shipped scenario: the library with the shipped and the test-only catalog. For a
     * targeted run, {@code -Dxmppcert.scenarios.only=<regex>} keeps the scenarios whose id matches
     * (a development aid: CI runs them all).
     */
    static List<ScenarioDefinition> shipped() {
        String only = System.getProperty("xmppcert.scenarios.only", "");
        List<ScenarioDefinition> all = all();
        return only.isEmpty() ? all : all.stream().filter(s -> s.id().matches(only)).toList();
    }

    /** Every shipped scenario, whatever {@code xmppcert.scenarios.only} says. */
    static List<ScenarioDefinition> all() {
        return ScenarioLibrary.load(CiScenarioRunner.catalog());
    }

    /** One scenario run, or why it could not run at all. */
    record Run(ScenarioDefinition scenario, ScenarioOutcome outcome, Exception failure) {
        String describe() {
            return scenario.id() + " (" + scenario.source() + "): "
                    + (failure != null ? "could not run: " + failure : outcome.describe());
        }
    }

    /** Starts every scenario on a pool; the futures complete as they end. */
    static List<Future<Run>> start(CiScenarioRunner runner, List<ScenarioDefinition> scenarios,
            Function<ScenarioDefinition, Function<Element, List<Element>>> tamper, ExecutorService pool) {
        List<Future<Run>> runs = new ArrayList<>();
        for (ScenarioDefinition s : scenarios) {
            runs.add(pool.submit(() -> {
                try {
                    return new Run(s, runner.run(s, tamper.apply(s)), null);
                } catch (Exception e) {
                    return new Run(s, null, e);
                }
            }));
        }
        return runs;
    }

    static ExecutorService pool() {
        return Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "scenario-it");
            t.setDaemon(true);
            return t;
        });
    }
}
