package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.xmppcert.harness.run.AccountProvider;
import org.xmppcert.harness.run.Preflight;
import org.xmppcert.harness.run.ScenarioRunner;
import org.xmppcert.reports.model.Software;

/**
 * What executing needs from the world: accounts, a runner, and the check before the first
 * scenario. {@link NetworkBackend} is the real target; tests give one without a network.
 */
@API(status = INTERNAL)
public interface Backend extends AutoCloseable {

    /** Checks the target can be used, and asks its software (XEP-0092); {@code null} when it will not say. */
    Software preflight() throws Preflight.TargetUnusableException, InterruptedException;

    AccountProvider accounts();

    ScenarioRunner runner();

    @Override
    void close();

    /** Makes the backend for the settings; a bad setting is an {@link IllegalArgumentException}. */
    @FunctionalInterface
    interface Factory {
        Backend open(EngineSettings settings);
    }
}
