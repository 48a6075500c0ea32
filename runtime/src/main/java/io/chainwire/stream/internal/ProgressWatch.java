package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamState;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Tells the stream's state, and notices when the stream stops making progress: a stream that has neither committed a
 * unit of work nor stood caught up with the head for the stall timeout, while its node requests keep failing, is
 * {@link StreamState#STALLED}. That is logged at WARN with the last failure, reported to the metrics and the handle,
 * and undone as soon as it moves again. Thread-safe: range fetchers report failures too.
 */
final class ProgressWatch {
    private static final Logger LOG = StreamLoggers.STREAM;

    private final StreamId stream;
    private final EngineClock clock;
    private final long stallNanos;
    private final StreamMetrics metrics;
    private final Consumer<StreamState> observer;
    private StreamState state = StreamState.STARTING;
    private long lastProgress;
    private boolean stalled;
    private String lastFailure = "none";

    ProgressWatch(
            StreamId stream,
            EngineClock clock,
            Duration stallTimeout,
            StreamMetrics metrics,
            Consumer<StreamState> observer) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stallNanos = stallTimeout.toNanos();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.lastProgress = clock.nanoTime();
    }

    /** Returns the state the engine is in, ignoring a stall. */
    synchronized StreamState state() {
        return state;
    }

    /** The engine entered {@code newState}; reported unless the stream is stalled. */
    synchronized void enter(StreamState newState) {
        if (state == newState) {
            return;
        }
        state = newState;
        if (!stalled) {
            observer.accept(newState);
        }
    }

    /** The stream moved: it committed a unit of work, or it stands caught up with the head. */
    synchronized void progressed() {
        lastProgress = clock.nanoTime();
        if (stalled) {
            stalled = false;
            LOG.info("stream '{}': moving again", stream);
            metrics.stalled(false);
            observer.accept(state);
        }
    }

    /** A node request failed with {@code failure}; checks whether the stream has stalled. */
    synchronized void failed(String failure) {
        lastFailure = failure;
        checkStalled();
    }

    /**
     * The stream waits for the chain with blocks to deliver still ahead (the head is {@code head}, the last handled
     * block {@code handled}); checks whether the stream has stalled.
     */
    synchronized void behind(long head, long handled) {
        if (!stalled && clock.nanoTime() - lastProgress >= stallNanos) {
            lastFailure = "none; the node's head is " + head + " and the last handled block " + handled;
        }
        checkStalled();
    }

    private void checkStalled() {
        if (!stalled && clock.nanoTime() - lastProgress >= stallNanos) {
            stalled = true;
            LOG.warn(
                    "stream '{}': no progress for {} s; last failure: {}",
                    stream,
                    Duration.ofNanos(clock.nanoTime() - lastProgress).toSeconds(),
                    lastFailure);
            metrics.stalled(true);
            observer.accept(StreamState.STALLED);
        }
    }
}
