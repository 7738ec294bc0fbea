package org.xmppcert.scenarios.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.it.CiScenarioRunner;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every shipped scenario is valid: its file against the schema and the parser's checks, its
 * judged ids in the catalog, its id unique, its subject and spec those of its judged entries.
 */
class ShippedScenariosTest {

    @Test
    void everyShippedScenarioLoadsAgainstTheCatalog() {
        Catalog catalog = CiScenarioRunner.catalog();
        List<ScenarioDefinition> all = ScenarioLibrary.load(catalog);
        assertThat(all).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (ScenarioDefinition s : all) {
            assertThat(ids.add(s.id())).as("unique id " + s.id()).isTrue();
            assertThat(s.judges()).as(s.id() + " judges something").isNotEmpty();
            assertThat(s.title()).as(s.id() + " has a title").isNotBlank();
            for (String id : s.judges()) {
                assertThat(catalog.requirement(id)).as(s.id() + " judges " + id).isPresent();
                assertThat(catalog.requirement(id).get().subject()).as(id + " is about the subject of " + s.id())
                        .isEqualTo(s.subject());
            }
        }
    }

    /**
     * A server requirement no scenario judges says why ({@code notJudged}), and one that is judged
     * does not carry a stale reason: NOT_TESTED in a report is always explained.
     */
    @Test
    void everyServerRequirementIsJudgedOrSaysWhyNot() {
        Catalog catalog = CiScenarioRunner.catalog();
        Set<String> judged = new HashSet<>();
        ScenarioLibrary.load(catalog).forEach(s -> judged.addAll(s.judges()));
        List<String> unexplained = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Requirement r : catalog.all()) {
            if (r.subject() != Subject.SERVER) {
                continue;
            }
            if (!judged.contains(r.id()) && (r.notJudged() == null || r.notJudged().isBlank())) {
                unexplained.add(r.id());
            }
            if (judged.contains(r.id()) && r.notJudged() != null) {
                stale.add(r.id());
            }
        }
        assertThat(unexplained).as("server requirements no scenario judges, without a notJudged reason").isEmpty();
        assertThat(stale).as("server requirements judged by a scenario but still carrying a notJudged reason").isEmpty();
    }
}
