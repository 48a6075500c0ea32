package io.chainwire.stream.internal;

import io.chainwire.checkpoint.BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * One backfill range as fetched: its blocks with events, in order, and the range's last block,
 * whose header lets the checkpoint move to the end of the range.
 *
 * @param from the first block of the range
 * @param to the last block of the range
 * @param blocks the blocks holding logs, ascending
 * @param end block {@code to}
 */
public record FetchedRange(long from, long to, List<BlockLogs> blocks, BlockRef end) {
  /** Copies the blocks and checks that nothing is missing. */
  public FetchedRange {
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(end, "end");
  }

  /** Returns how many logs the range holds. */
  public int logCount() {
    return blocks.stream().mapToInt(block -> block.logs().size()).sum();
  }
}
