package org.xmppcert.harness.engine;

/**
 * Stops a running engine from starting more scenarios, from another thread (the command line's
 * shutdown hook on Ctrl-C). Process-wide on purpose: there is one user and one interrupt key.
 * Scenarios already running finish (each is bounded); the rest are reported not run.
 */
public final class RunControl {
    private static volatile boolean stopRequested;

    private RunControl() {
    }

    public static void requestStop() {
        stopRequested = true;
    }

    public static boolean stopRequested() {
        return stopRequested;
    }

    /** For a new run in the same JVM. */
    public static void reset() {
        stopRequested = false;
    }
}
