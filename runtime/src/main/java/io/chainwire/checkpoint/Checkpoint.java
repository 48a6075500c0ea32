package io.chainwire.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a stream got: its recently handled blocks in ascending order, the last one being the
 * last fully handled block. The stream resumes after {@link #head()} and compares the other
 * blocks with the chain to find a fork point when the chain reorganised while it was down.
 *
 * @param stream the stream the checkpoint belongs to
 * @param recentBlocks the handled blocks still in the store's window, lowest first; never empty
 */
public record Checkpoint(StreamId stream, List<BlockRef> recentBlocks) {

  /** Validates that the blocks are present and strictly ascending. */
  public Checkpoint {
    Objects.requireNonNull(stream, "stream");
    recentBlocks = List.copyOf(recentBlocks);
    if (recentBlocks.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint holds at least one block");
    }
    for (int i = 1; i < recentBlocks.size(); i++) {
      if (recentBlocks.get(i).number() <= recentBlocks.get(i - 1).number()) {
        throw new IllegalArgumentException(
            "checkpoint blocks must be strictly ascending, got "
                + recentBlocks.get(i - 1)
                + " before "
                + recentBlocks.get(i));
      }
    }
  }

  /** Returns the last fully handled block. */
  public BlockRef head() {
    return recentBlocks.get(recentBlocks.size() - 1);
  }

  /** Returns the handled block numbered {@code number}, if the window still holds it. */
  public Optional<BlockRef> block(long number) {
    return recentBlocks.stream().filter(block -> block.number() == number).findFirst();
  }
}
