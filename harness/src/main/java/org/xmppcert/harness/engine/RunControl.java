package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Stops a running engine from starting more scenarios, from another thread (the command line's
 * shutdown hook on Ctrl-C). Process-wide on purpose: there is one user and one interrupt key.
 * Scenarios already running finish (each is bounded); the rest are reported not run.
 */
@API(status = EXPERIMENTAL)
public final class RunControl {
    private static volatile boolean stopRequested;

    private RunControl() {
    }

    /** Starts no more scenarios in any running engine of this JVM. */
    public static void requestStop() {
        stopRequested = true;
    }

    /** Whether a stop was requested since the last {@link #reset()}. */
    public static boolean stopRequested() {
        return stopRequested;
    }

    /** For a new run in the same JVM. */
    public static void reset() {
        stopRequested = false;
    }
}
