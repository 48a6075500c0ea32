package io.chainwire.stream.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The reorder window of a backfill: fetches run in parallel on the executor (as many at a time as it has threads) and
 * come out strictly in the order they were submitted, whatever order they finish in. Memory is bounded twice: at most
 * {@code capacity} fetches are pending, running, queued or finished and waiting their turn, and no new fetch is
 * submitted while the finished ones waiting weigh {@code maxBytes} or more. A capacity above the executor's threads
 * keeps every thread busy while finished fetches wait for the one before them. Used by one thread.
 *
 * @param <T> what a fetch returns
 */
public final class OrderedFetches<T> {
    private static final Duration STOP_CHECK = Duration.ofMillis(200);

    private final ExecutorService executor;
    private final int capacity;
    private final StopSignal stop;
    private final ToLongFunction<T> weight;
    private final long maxBytes;
    private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();

    /**
     * Creates a window running fetches on {@code executor}, whose results weigh what {@code weight} says, in bytes.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public OrderedFetches(
            ExecutorService executor, int capacity, StopSignal stop, ToLongFunction<T> weight, long maxBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.capacity = capacity;
        this.stop = Objects.requireNonNull(stop, "stop");
        this.weight = Objects.requireNonNull(weight, "weight");
        this.maxBytes = maxBytes;
    }

    /**
     * Returns true if another fetch may be submitted: the window holds fewer than its capacity, and the finished
     * fetches in it weigh less than its byte budget.
     */
    public boolean hasRoom() {
        if (pending.size() >= capacity) {
            return false;
        }
        long held = 0;
        for (Future<T> fetch : pending) {
            if (fetch.isDone() && !fetch.isCancelled()) {
                try {
                    held += weight.applyAsLong(fetch.get());
                } catch (ExecutionException | InterruptedException e) {
                    // A failed fetch holds nothing; next() raises its failure when its turn comes.
                    held += 0;
                }
            }
        }
        return held < maxBytes;
    }

    /** Returns true if no fetch is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Starts {@code fetch}.
     *
     * @throws IllegalStateException if the window is full
     */
    public void submit(Callable<T> fetch) {
        if (!hasRoom()) {
            throw new IllegalStateException("the window already holds " + capacity + " fetches");
        }
        pending.addLast(executor.submit(fetch));
    }

    /**
     * Waits for the oldest fetch and returns its result, removing it from the window.
     *
     * @throws IllegalStateException if the window is empty
     * @throws RuntimeException the fetch's own unchecked exception, if it failed
     * @throws StreamStopping if the stream stops while waiting
     */
    public T next() {
        Future<T> oldest = pending.peekFirst();
        if (oldest == null) {
            throw new IllegalStateException("no fetch is pending");
        }
        try {
            while (true) {
                stop.check();
                try {
                    T result = oldest.get(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                    pending.removeFirst();
                    return result;
                } catch (TimeoutException e) {
                    // still running: check the stop signal and wait again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamStopping();
        } catch (CancellationException e) {
            throw new StreamStopping();
        } catch (ExecutionException e) {
            pending.removeFirst();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a fetch failed with a checked exception", e.getCause());
        }
    }

    /** Cancels every pending fetch and empties the window. */
    public void cancelAll() {
        pending.forEach(future -> future.cancel(true));
        pending.clear();
    }
}
