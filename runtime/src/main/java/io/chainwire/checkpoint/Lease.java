package io.chainwire.checkpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * The right to write a stream's checkpoint, as a {@link CheckpointStore} granted it: one holder at a time per stream,
 * until the lease expires by the store's clock or is released. Every takeover raises the fencing {@code epoch}, and a
 * unit of work {@linkplain CheckpointStore#begin(Lease, java.util.Optional) begun under a lease} commits only while its
 * epoch is still the stream's, so a holder that lost its lease (paused, partitioned) can never commit again.
 *
 * @param stream the stream
 * @param holder who holds it, as the holder named itself
 * @param epoch the fencing epoch, raised by every takeover
 * @param duration how long the lease lasts after each grant or renewal, by the store's clock
 */
public record Lease(StreamId stream, String holder, long epoch, Duration duration) {
    /** Checks that nothing is missing, the epoch is positive and the duration is. */
    public Lease {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(duration, "duration");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be positive, got " + epoch);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
    }
}
