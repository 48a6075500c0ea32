package io.chainwire.stream.internal;

import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * A copy's hold on its stream's lease. It takes the lease, renews it on a schedule, and knows until when it can prove
 * the lease by its own monotonic clock: a grant or renewal asked at time t lasts at least until t plus the lease
 * duration by the store's clock, so the copy counts it valid until t plus nine tenths of the duration and stops
 * delivering then, before the store can let another copy take over. No wall clocks are compared. Thread-safe: the
 * renewals run on the clock's timer.
 */
final class Leadership implements AutoCloseable {
    private static final Logger LOG = StreamLoggers.STORE;

    private final StreamId stream;
    private final CheckpointStore store;
    private final String holder;
    private final Duration duration;
    private final Duration renewEvery;
    private final EngineClock clock;
    private final StreamMetrics metrics;
    // The lease held, and until when (on the clock) it can be proven; null when standing by.
    private volatile Grant grant;
    private EngineClock.Cancellable keeper;

    private record Grant(Lease lease, long validUntil) {}

    Leadership(
            StreamId stream,
            CheckpointStore store,
            String holder,
            Duration duration,
            Duration renewEvery,
            EngineClock clock,
            StreamMetrics metrics) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.store = Objects.requireNonNull(store, "store");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.renewEvery = Objects.requireNonNull(renewEvery, "renewEvery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Returns this copy's name as the store knows it. */
    String holder() {
        return holder;
    }

    /**
     * Tries once to take the lease; true if this copy leads now.
     *
     * @throws CheckpointException if the store cannot be reached
     */
    boolean tryAcquire() {
        long asked = clock.nanoTime();
        Optional<Lease> granted = store.acquireLease(stream, holder, duration);
        if (granted.isEmpty()) {
            return false;
        }
        Lease taken = granted.get();
        boolean changed;
        synchronized (this) {
            changed = grant == null || grant.lease().epoch() != taken.epoch();
            grant = new Grant(taken, asked + validity());
            if (keeper == null) {
                keeper = clock.every(renewEvery, this::renew);
            }
        }
        if (changed) {
            LOG.info("stream '{}': {} leads, lease epoch {}", stream, holder, taken.epoch());
            metrics.roleChanged(StreamRole.LEADER, taken.epoch());
        }
        return true;
    }

    /**
     * Returns the lease if this copy can prove it holds it now.
     *
     * @throws LeaseLost if it cannot
     */
    Lease require() {
        Grant held = grant;
        if (held == null) {
            throw new LeaseLost("it does not hold the lease");
        }
        if (clock.nanoTime() - held.validUntil() >= 0) {
            throw new LeaseLost("it could not renew its lease (epoch "
                    + held.lease().epoch() + ") in time; it stops delivering before the lease can expire");
        }
        return held.lease();
    }

    /**
     * Returns the lease if this copy can prove it holds it now: what the stream's handle reports, so that a copy that
     * cannot renew (cut off from the store, or told another copy took over) says it stands by as soon as it can no
     * longer deliver, not when it next tries to.
     */
    Optional<Lease> proven() {
        Grant held = grant;
        return held == null || clock.nanoTime() - held.validUntil() >= 0 ? Optional.empty() : Optional.of(held.lease());
    }

    /**
     * Returns true if the store says this copy still holds the lease it took (renewing it), false if another copy took
     * it over or this copy holds none.
     *
     * @throws CheckpointException if the store cannot be reached
     */
    boolean stillHolds() {
        Grant held = grant;
        return held != null && store.renewLease(held.lease());
    }

    /** Stops leading: no more renewals; the lease is left to expire or be taken over. */
    void demote(String reason) {
        Grant was;
        synchronized (this) {
            was = grant;
            grant = null;
            cancelKeeper();
        }
        if (was != null) {
            stoodBy(was.lease(), reason);
        }
    }

    private void stoodBy(Lease was, String reason) {
        LOG.info("stream '{}': {} stands by: {}", stream, holder, reason);
        metrics.roleChanged(StreamRole.STANDBY, was.epoch());
    }

    /** Gives the lease up, so a standby takes over at once; for a clean shutdown. */
    @Override
    public void close() {
        Lease was;
        synchronized (this) {
            was = grant == null ? null : grant.lease();
            grant = null;
            cancelKeeper();
        }
        if (was == null) {
            return;
        }
        try {
            store.releaseLease(was);
            LOG.info("stream '{}': {} released its lease (epoch {})", stream, holder, was.epoch());
        } catch (CheckpointException e) {
            LOG.warn(
                    "stream '{}': could not release the lease (epoch {}); it expires by itself: {}",
                    stream,
                    was.epoch(),
                    e.getMessage());
        }
        // A stopped copy leads no more, whether or not the store heard of it.
        metrics.roleChanged(StreamRole.STANDBY, was.epoch());
    }

    private void renew() {
        Grant held = grant;
        if (held == null) {
            return;
        }
        Lease current = held.lease();
        long asked = clock.nanoTime();
        try {
            boolean renewed = store.renewLease(current);
            boolean lost = false;
            synchronized (this) {
                if (grant != null && grant.lease() == current) {
                    if (renewed) {
                        grant = new Grant(current, asked + validity());
                    } else {
                        // Another copy took over: this one stands by now, not at its next unit of work, which
                        // may be far off on a quiet chain.
                        grant = null;
                        cancelKeeper();
                        lost = true;
                    }
                }
            }
            if (lost) {
                stoodBy(current, "another copy took over its lease (epoch " + current.epoch() + ")");
            }
        } catch (CheckpointException | IllegalStateException e) {
            long left = Math.max(0, held.validUntil() - clock.nanoTime());
            LOG.warn(
                    "stream '{}': could not renew the lease (epoch {}); it can be proven for {} ms more: {}",
                    stream,
                    current.epoch(),
                    Duration.ofNanos(left).toMillis(),
                    e.getMessage());
            metrics.leaseRenewalFailed();
        }
    }

    private long validity() {
        return duration.toNanos() / 10 * 9;
    }

    private void cancelKeeper() {
        if (keeper != null) {
            keeper.cancel();
            keeper = null;
        }
    }
}
