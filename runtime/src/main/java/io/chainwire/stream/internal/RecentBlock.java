package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * A block the stream handled and still remembers, with the logs it delivered from it, kept so
 * that a reorganisation can deliver their removals. Blocks loaded from a checkpoint after a
 * restart have no logs in memory: {@code logsKnown} is false.
 *
 * @param block the block
 * @param logs the delivered logs in block order; empty when not known
 * @param logsKnown true if {@code logs} are the block's delivered logs
 */
public record RecentBlock(BlockRef block, List<RawLog> logs, boolean logsKnown) {
  /** Copies the logs and checks that nothing is missing. */
  public RecentBlock {
    Objects.requireNonNull(block, "block");
    logs = List.copyOf(logs);
  }

  /** Returns a block handled in this run, with the logs delivered from it. */
  public static RecentBlock handled(BlockRef block, List<RawLog> logs) {
    return new RecentBlock(block, logs, true);
  }

  /** Returns a block known only from the checkpoint. */
  public static RecentBlock fromCheckpoint(BlockRef block) {
    return new RecentBlock(block, List.of(), false);
  }

  /** Returns the block number. */
  public long number() {
    return block.number();
  }
}
