package io.chainwire.stream.internal;

/**
 * The {@code eth_getLogs} block range one endpoint accepts, learned as the stream goes: halved
 * (down to one block) when the endpoint refuses a range as too large or times out on it, doubled
 * (up to the maximum) after a streak of successes. Waiting for a streak keeps a provider with a
 * fixed limit from refusing every other request. Thread-safe: parallel range fetches share it.
 */
public final class RangeSizer {
  /** Successes in a row before the range doubles again. */
  static final int GROWTH_STREAK = 8;

  private final long max;
  private long current;
  private int streak;

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
   * Records that a request over {@code span} blocks was refused as too large, and returns the new
   * size: half of the smaller of the span and the current size, at least 1.
   */
  public synchronized long refused(long span) {
    current = Math.max(1, Math.min(current, span) / 2);
    streak = 0;
    return current;
  }

  /**
   * Records that a request over {@code span} blocks succeeded, and returns the new size. Only spans
   * of the current size count towards growth; shorter ones (a range's tail) prove nothing.
   */
  public synchronized long succeeded(long span) {
    if (span >= current && current < max && ++streak >= GROWTH_STREAK) {
      current = Math.min(max, current * 2);
      streak = 0;
    }
    return current;
  }
}
