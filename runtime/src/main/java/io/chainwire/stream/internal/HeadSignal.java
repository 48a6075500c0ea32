package io.chainwire.stream.internal;

import io.chainwire.rpc.BlockHeader;
import java.time.Duration;
import java.util.Optional;

/**
 * Hands new heads from a subscription's thread to the stream's delivery thread. Heads are hints: the delivery thread
 * reads blocks by number, so a head that is lost or out of date costs nothing but a wait. A version number tells
 * waiters whether anything new arrived.
 */
public final class HeadSignal {
    private final EngineClock clock;
    private BlockHeader latest;
    private long version;
    private boolean closed;

    /** Creates a signal whose waits run on {@code clock}. */
    public HeadSignal(EngineClock clock) {
        this.clock = clock;
    }

    /** Publishes a head and wakes the waiter. */
    public synchronized void offer(BlockHeader head) {
        latest = head;
        version++;
        notifyAll();
    }

    /**
     * A head as published.
     *
     * @param header the head
     * @param version its version: 1 for the first head, increasing by one per head
     */
    public record Head(BlockHeader header, long version) {}

    /**
     * Waits until a head newer than version {@code seen} arrives, the signal is closed, or the timeout elapses, and
     * returns the latest head with its version.
     *
     * @return the latest head if one arrived after {@code seen}, else empty
     * @throws StreamStopping if interrupted
     */
    public synchronized Optional<Head> awaitAfter(long seen, Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (version <= seen && !closed) {
            if (deadline - clock.nanoTime() <= 0) {
                return Optional.empty();
            }
            try {
                clock.await(this, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamStopping();
            }
        }
        return version > seen ? Optional.of(new Head(latest, version)) : Optional.empty();
    }

    /** Wakes the waiter for good: later waits return at once. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
