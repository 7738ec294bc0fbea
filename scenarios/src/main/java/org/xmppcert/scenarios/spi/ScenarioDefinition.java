package org.xmppcert.scenarios.spi;

import java.util.List;
import org.xmppcert.scenarios.catalog.Subject;

/**
 * What the engine discovers and runs: a scenario from a file of the scenario language or written
 * in Java, indistinguishable to the runner and the report.
 */
public interface ScenarioDefinition {

    /** Stable, unique across all scenarios. */
    String id();

    /** One line. */
    String title();

    /** The specification it belongs to, e.g. {@code RFC 3920}. */
    String spec();

    Subject subject();

    /** The accounts it needs (actor names), created before {@link #run}. */
    List<String> accounts();

    /** Every requirement id it may judge. */
    List<String> judges();

    /** Where it was defined (a resource path or a class name), for messages. */
    String source();

    /** Runs the scenario; judgements go to the context. An exception is an ERROR. */
    void run(ScenarioContext context) throws Exception;
}
