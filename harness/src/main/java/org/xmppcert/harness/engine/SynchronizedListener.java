package org.xmppcert.harness.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Reports from the scenario workers one at a time: the Platform's listeners accept events of
 * different descriptors from different threads, but not every listener a user plugs in is
 * thread-safe, and a report event costs microseconds next to a scenario's round trips.
 */
final class SynchronizedListener implements EngineExecutionListener {
    private final EngineExecutionListener delegate;

    SynchronizedListener(EngineExecutionListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void dynamicTestRegistered(TestDescriptor testDescriptor) {
        delegate.dynamicTestRegistered(testDescriptor);
    }

    @Override
    public synchronized void executionSkipped(TestDescriptor testDescriptor, String reason) {
        delegate.executionSkipped(testDescriptor, reason);
    }

    @Override
    public synchronized void executionStarted(TestDescriptor testDescriptor) {
        delegate.executionStarted(testDescriptor);
    }

    @Override
    public synchronized void executionFinished(TestDescriptor testDescriptor, TestExecutionResult result) {
        delegate.executionFinished(testDescriptor, result);
    }

    @Override
    public synchronized void reportingEntryPublished(TestDescriptor testDescriptor, ReportEntry entry) {
        delegate.reportingEntryPublished(testDescriptor, entry);
    }
}
