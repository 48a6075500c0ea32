package io.chainwire.stream.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The system's monotonic clock, with one daemon timer thread for every stream's scheduled tasks. */
final class SystemClock implements EngineClock {
    static final SystemClock INSTANCE = new SystemClock();

    private final ScheduledExecutorService timer;

    private SystemClock() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "chainwire-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void await(Object monitor, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.timedWait(monitor, left);
        }
    }

    @Override
    public Cancellable every(Duration period, Runnable task) {
        long nanos = period.toNanos();
        ScheduledFuture<?> scheduled = timer.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }
}
