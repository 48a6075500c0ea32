package io.chainwire.rpc.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Closes a response stream when its request's deadline passes, so that a reader blocked on a server that stalls
 * mid-body fails with an I/O error instead of waiting forever. One daemon thread serves every client.
 */
final class ResponseWatchdog {
    private static final Logger LOG = RpcLogger.LOG;
    private static final ScheduledThreadPoolExecutor SCHEDULER = createScheduler();

    private final ScheduledFuture<?> task;
    private volatile boolean fired;

    private ResponseWatchdog(long deadlineNanos, Closeable stream) {
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        this.task = SCHEDULER.schedule(() -> expire(stream), delay, TimeUnit.NANOSECONDS);
    }

    /** Starts watching: {@code stream} is closed at {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    static ResponseWatchdog closeAt(long deadlineNanos, Closeable stream) {
        return new ResponseWatchdog(deadlineNanos, stream);
    }

    private void expire(Closeable stream) {
        fired = true;
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("closing a response stream at its deadline failed", e);
        }
    }

    /** Returns true if the deadline passed and the stream was closed. */
    boolean fired() {
        return fired;
    }

    /** Stops watching; the stream stays as it is. */
    void cancel() {
        task.cancel(false);
    }

    private static ScheduledThreadPoolExecutor createScheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "chainwire-rpc-deadlines-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
