package org.xmppcert.scenarios.run;

import java.util.List;
import org.xmppcert.scenarios.catalog.Subject;
import org.xmppcert.scenarios.spi.ScenarioContext;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/** Scenario definitions for the tests of this package: id {@code sc}, a body given as a lambda. */
final class TestDefinitions {

    private TestDefinitions() {
    }

    /** A scenario body that may throw, as {@link ScenarioDefinition#run} may. */
    interface Body {
        void run(ScenarioContext context) throws Exception;
    }

    /** A server scenario of RFC 3920 with these accounts and judged ids, running the body. */
    static ScenarioDefinition of(List<String> accounts, List<String> judges, Body body) {
        return new ScenarioDefinition() {
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
                return accounts;
            }

            public List<String> judges() {
                return judges;
            }

            public String source() {
                return "test";
            }

            public void run(ScenarioContext context) throws Exception {
                body.run(context);
            }
        };
    }
}
