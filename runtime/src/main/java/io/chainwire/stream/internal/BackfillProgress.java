package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a backfill's progress at INFO, at most once per interval: the block reached, blocks and events per second, the
 * estimated time left, and the retries so far; and a summary at the end.
 */
public final class BackfillProgress {
    /** The shortest time between two progress lines. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = StreamLoggers.STREAM;

    private final StreamId stream;
    private final long from;
    private final long to;
    private final LongSupplier clock;
    private final LongSupplier retries;
    private final long started;
    private long lastReport;
    private long blocks;
    private long events;

    /** Starts tracking a backfill of blocks {@code from} to {@code to} on the given nanosecond clock. */
    public BackfillProgress(StreamId stream, long from, long to, LongSupplier nanoClock, LongSupplier retries) {
        this.stream = stream;
        this.from = from;
        this.to = to;
        this.clock = nanoClock;
        this.retries = retries;
        this.started = nanoClock.getAsLong();
        this.lastReport = started;
        LOG.info("stream '{}': backfilling blocks {} to {} ({} blocks)", stream, from, to, to - from + 1);
    }

    /**
     * Records that blocks up to {@code reached} are handled, with {@code newEvents} more events, and returns the
     * progress line if one is due (it is also logged), else null.
     */
    public String advance(long reached, long newBlocks, long newEvents) {
        blocks += newBlocks;
        events += newEvents;
        long now = clock.getAsLong();
        if (now - lastReport < INTERVAL.toNanos() || reached >= to) {
            return null;
        }
        lastReport = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double blockRate = blocks / seconds;
        long left = to - reached;
        String eta = blockRate > 0 ? format(Duration.ofSeconds((long) Math.ceil(left / blockRate))) : "unknown";
        String line = String.format(
                Locale.ROOT,
                "stream '%s': backfill at block %d of %d (%.1f%%), %.0f blocks/s, %.0f events/s, ETA %s, %d RPC retries",
                stream,
                reached,
                to,
                100.0 * (reached - from + 1) / (to - from + 1),
                blockRate,
                events / seconds,
                eta,
                retries.getAsLong());
        LOG.info(line);
        return line;
    }

    /** Logs the summary of a finished backfill. */
    public void finish() {
        double seconds = (clock.getAsLong() - started) / 1e9;
        LOG.info(String.format(
                Locale.ROOT,
                "stream '%s': backfilled blocks %d to %d, %d events, in %.1f s",
                stream,
                from,
                to,
                events,
                seconds));
    }

    private static String format(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
