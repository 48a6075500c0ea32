package io.chainwire.stream.internal;

import java.time.Duration;

/**
 * The time a stream's engine reads, waits on and schedules by: the system's monotonic clock for a running stream, a
 * virtual one in a simulation, where a wait moves time on at once and scheduled tasks run on the waiting thread.
 */
public interface EngineClock {
    /** The system's monotonic clock; waits block on the monitor, tasks run on a timer thread. */
    EngineClock SYSTEM = SystemClock.INSTANCE;

    /** Returns the current time in nanoseconds, comparable only with other values of this clock. */
    long nanoTime();

    /**
     * Waits on {@code monitor}, which the caller holds, until it is notified or the clock reaches {@code deadline}; may
     * return earlier, so callers check their condition in a loop as with {@link Object#wait()}.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    void await(Object monitor, long deadline) throws InterruptedException;

    /**
     * Runs {@code task} every {@code period}, the first time one period from now, until cancelled. Tasks must be short
     * and must not throw.
     */
    Cancellable every(Duration period, Runnable task);

    /** A scheduled task. */
    @FunctionalInterface
    interface Cancellable {
        /** Stops the task; a run in progress finishes. */
        void cancel();
    }
}
