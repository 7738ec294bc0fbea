package org.xmppcert.scenarios.it;

import java.util.Map;

/**
 * Negative controls for shipped scenarios: for each scenario id, a {@link Tamper} that turns the
 * CI Prosody into a server that violates what the scenario checks. {@link NegativeControlsIT}
 * runs every scenario with its control and requires a FAIL with evidence: a scenario that cannot
 * fail checks nothing.
 *
 * <p>Implementations are listed in
 * {@code src/test/resources/META-INF/services/org.xmppcert.scenarios.it.NegativeControlSet}
 * (one class per line; each content area adds its own class and line).
 */
public interface NegativeControlSet {

    /** Scenario id to its control. */
    Map<String, Tamper> controls();

    /**
     * Scenario id to the reason no tamper can reach what it checks (e.g. a stream header, which
     * is not an element the inbound seam sees), naming the test that shows it can FAIL instead.
     */
    default Map<String, String> exemptions() {
        return Map.of();
    }
}
