package org.xmppcert.scenarios.spi;

import java.util.List;
import org.xmppcert.scenarios.catalog.Subject;

/**
 * A scenario written in Java. Implementations are listed in
 * {@code META-INF/services/org.xmppcert.scenarios.spi.JavaScenario}.
 */
public interface JavaScenario {

    /** Stable, unique across all scenarios. */
    String id();

    /** One line. */
    String title();

    /** The specification it belongs to, e.g. {@code RFC 3920}. */
    String spec();

    Subject subject();

    /** The accounts it needs, created before {@link #run}. */
    List<String> accounts();

    /** Every requirement id it may judge. */
    List<String> judges();

    /** Runs the scenario; judgements go to the context. An exception is an ERROR. */
    void run(ScenarioContext context) throws Exception;
}
