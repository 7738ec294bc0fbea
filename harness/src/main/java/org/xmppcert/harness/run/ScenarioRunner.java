package org.xmppcert.harness.run;

import java.util.List;
import org.xmppcert.scenarios.run.ScenarioOutcome;
import org.xmppcert.scenarios.spi.Account;
import org.xmppcert.scenarios.spi.ScenarioDefinition;

/**
 * Runs one scenario with its accounts: owns its sessions, transcript and judgements, and closes
 * every session at the end. Never throws for what the scenario or the server did: that is the
 * outcome's error.
 */
@FunctionalInterface
public interface ScenarioRunner {
    /**
     * Runs the scenario once with these accounts, in the order of its {@link ScenarioDefinition#accounts()}.
     *
     * @return what it produced; a scenario that could not finish has the outcome's error set
     */
    ScenarioOutcome run(ScenarioDefinition scenario, List<Account> accounts);
}
