package io.chainwire.checkpoint.internal;

/** The size of a store's window of recent handled blocks: its default and its bounds. */
public final class RecentBlocks {
    /** Blocks kept per stream unless configured otherwise; deeper than any reorg seen on mainnet. */
    public static final int DEFAULT = 128;

    /** The largest window a store accepts. */
    public static final int MAX = 100_000;

    private RecentBlocks() {}

    /**
     * Returns {@code count} if it is a usable window size.
     *
     * @throws IllegalArgumentException naming {@code recentBlocks} if it is not
     */
    public static int require(int count) {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("recentBlocks must be between 1 and " + MAX + ", got " + count);
        }
        return count;
    }
}
