package org.xmppcert.scenarios.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xmppcert.scenarios.catalog.Catalog;
import org.xmppcert.scenarios.catalog.Requirement;
import org.xmppcert.scenarios.it.CiScenarioRunner;
import org.xmppcert.scenarios.lang.ScenarioLibrary;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * The RFC 3921 catalog file and the roster, presence and message scenarios load: every file
 * parses against the schema, judges only ids of the catalog, and the catalog's entries are
 * well-formed (ids keyed to their section).
 */
class Rfc3921ScenariosTest {

    private static final List<String> AREAS = List.of("scenarios/roster/", "scenarios/presence/", "scenarios/message/");

    @Test
    void catalogEntriesAreKeyedToTheirSection() {
        List<Requirement> entries = Catalog.load().all().stream().filter(r -> r.spec().equals("RFC 3921")).toList();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
        for (Requirement r : entries) {
            assertThat(r.id()).as(r.id()).startsWith("RFC3921-" + r.section() + "-");
            assertThat(r.revised()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void everyRosterPresenceAndMessageScenarioParsesAndJudgesRfc3921() {
        List<ScenarioDefinition> mine = ScenarioLibrary.load(CiScenarioRunner.catalog()).stream()
                .filter(s -> AREAS.stream().anyMatch(a -> String.valueOf(s.source()).contains(a))).toList();
        assertThat(mine).isNotEmpty();
        for (ScenarioDefinition s : mine) {
            assertThat(s.judges()).as(s.id()).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("RFC3921-"));
        }
    }
}
