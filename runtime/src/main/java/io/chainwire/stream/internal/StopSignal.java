package io.chainwire.stream.internal;

import java.time.Duration;

/**
 * The stream's request to stop, shared by its threads: waits (backoff, rate limits, head waits) end early when it is
 * raised, and the code that sees it unwinds with {@link StreamStopping}.
 */
public final class StopSignal {
    private final EngineClock clock;
    private boolean stopped;

    /** Creates a signal whose waits run on {@code clock}. */
    public StopSignal(EngineClock clock) {
        this.clock = clock;
    }

    /** Returns the clock waits run on. */
    public EngineClock clock() {
        return clock;
    }

    /** Raises the signal and wakes every waiter. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Returns true once the signal was raised. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    /**
     * Throws {@link StreamStopping} if the signal was raised or the thread was interrupted.
     *
     * @throws StreamStopping if the stream is stopping
     */
    public void check() {
        if (isStopped() || Thread.currentThread().isInterrupted()) {
            throw new StreamStopping();
        }
    }

    /**
     * Waits for {@code delay}, or less if the signal is raised meanwhile.
     *
     * @throws StreamStopping if the stream is stopping, before or during the wait
     */
    public void sleep(Duration delay) {
        long deadline = clock.nanoTime() + delay.toNanos();
        synchronized (this) {
            while (!stopped && deadline - clock.nanoTime() > 0) {
                try {
                    clock.await(this, deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StreamStopping();
                }
            }
        }
        check();
    }
}
