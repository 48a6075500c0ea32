package io.chainwire.stream.internal;

/**
 * The {@code eth_getLogs} block range one endpoint accepts, learned as the stream goes. A refusal (the range too large,
 * or a timeout) marks that span as too wide and drops back to the widest span that worked since, or halves (down to one
 * block) if none did. After a streak of successes at the current size the range grows: doubling while no refusal is
 * known, else halfway towards the narrowest refused span. A provider with a fixed limit is so found exactly and then
 * held without refusals; after a long run at that edge the refusal is forgotten and the range probes upwards again,
 * since limits by result count move with how dense the logs are. A refusal of a span wider than the current size comes
 * from a request made before the last shrink and changes nothing. Thread-safe: parallel range fetches share it.
 */
public final class RangeSizer {
    /** Successes in a row before the range grows again. */
    static final int GROWTH_STREAK = 8;
    /** Streaks of successes just below the narrowest refused span before that refusal is forgotten. */
    static final int PROBE_AFTER_STREAKS = 32;

    private static final long NONE_REFUSED = Long.MAX_VALUE;

    private final long max;
    private long current;
    private int streak;
    // The narrowest span refused since it was last forgotten, and the widest that succeeded since then.
    private long refusedSpan = NONE_REFUSED;
    private long succeededSpan;
    private int streaksAtEdge;

    /**
     * Creates a sizer starting at {@code max} blocks.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public RangeSizer(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("max range must be at least 1 block, got " + max);
        }
        this.max = max;
        this.current = max;
    }

    /** Returns the number of blocks to ask for next. */
    public synchronized long current() {
        return current;
    }

    /**
     * Records that a request over {@code span} blocks was refused as too large, and returns the new size: the widest
     * span that succeeded since, if narrower, else half the span, at least 1.
     */
    public synchronized long refused(long span) {
        streak = 0;
        streaksAtEdge = 0;
        refusedSpan = Math.min(refusedSpan, span);
        if (span <= succeededSpan) {
            // What worked before is refused now: the limit has tightened.
            succeededSpan = 0;
        }
        if (span <= current) {
            current = succeededSpan > 0 ? succeededSpan : Math.max(1, span / 2);
        }
        return current;
    }

    /**
     * Records that a request over {@code span} blocks succeeded, and returns the new size. Only spans of the current
     * size count towards growth; shorter ones (a range's tail) prove nothing.
     */
    public synchronized long succeeded(long span) {
        succeededSpan = Math.max(succeededSpan, span);
        if (span >= refusedSpan) {
            refusedSpan = NONE_REFUSED;
        }
        if (span < current || current >= max || ++streak < GROWTH_STREAK) {
            return current;
        }
        streak = 0;
        long next = grown();
        if (next == current && ++streaksAtEdge >= PROBE_AFTER_STREAKS) {
            refusedSpan = NONE_REFUSED;
            streaksAtEdge = 0;
            next = grown();
        }
        current = next;
        return current;
    }

    private long grown() {
        return refusedSpan == NONE_REFUSED
                ? Math.min(max, current * 2)
                : Math.min(max, current + (refusedSpan - current) / 2);
    }
}
