package org.xmppcert.scenarios.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.it.ProsodyScenarioRunner;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Every shipped scenario is valid: its file against the schema and the parser's checks, its
 * judged ids in the catalog, its id unique, its subject and spec those of its judged entries.
 */
class ShippedScenariosTest {

    @Test
    void everyShippedScenarioLoadsAgainstTheCatalog() {
        Catalog catalog = ProsodyScenarioRunner.catalog();
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
}
