package org.xmppcert.scenarios.spi;

import java.util.List;
import org.xmppcert.scenarios.catalog.Subject;

/**
 * A scenario written in Java. Implementations are listed in
 * {@code META-INF/services/org.xmppcert.scenarios.spi.JavaScenario}.
 */
public interface JavaScenario extends ScenarioDefinition {

    @Override
    default String source() {
        return getClass().getName();
    }
}
