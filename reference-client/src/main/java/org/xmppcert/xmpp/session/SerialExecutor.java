package org.xmppcert.xmpp.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on threads of a shared pool: the pattern given
 * in the Javadoc of {@link Executor}. Each session writes through one, so that writes from the
 * caller and automatic answers from the I/O thread reach the MINA chain in order and never at
 * the same time.
 */
final class SerialExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor pool;
    private Runnable active;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            try {
                pool.execute(active);
            } catch (RejectedExecutionException e) {
                // The client was closed with writes still queued: its connections are gone, so
                // they can go nowhere. Dropped quietly rather than thrown on a pool thread.
                tasks.clear();
                active = null;
            }
        }
    }
}
