package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The node's chain no longer holds a block the stream handled at or below the node's finalized
 * block. A finalized block cannot be reorganised away on a healthy chain, so the stream halts
 * rather than roll back: the node is probably on another chain or broken. Nothing was rolled back.
 */
public final class ReorgBelowFinalizedException extends StreamException {
  private static final long serialVersionUID = 1L;

  private final long orphanedBlock;
  private final long finalizedBlock;

  /**
   * Creates the exception.
   *
   * @param stream the stream
   * @param orphanedBlock the lowest handled block no longer on the chain
   * @param finalizedBlock the node's finalized block number
   * @param endpoint the redacted endpoint that reported the chain
   */
  public ReorgBelowFinalizedException(StreamId stream, long orphanedBlock, long finalizedBlock, String endpoint) {
    super(
        stream,
        "handled block "
            + orphanedBlock
            + " is no longer on the chain of "
            + endpoint
            + ", but that node's finalized block is "
            + finalizedBlock
            + "; refusing to roll back below a finalized block (is the node on another chain?)",
        null);
    this.orphanedBlock = orphanedBlock;
    this.finalizedBlock = finalizedBlock;
  }

  /** Returns the lowest handled block that is no longer on the chain. */
  public long orphanedBlock() {
    return orphanedBlock;
  }

  /** Returns the node's finalized block number when the reorganisation was seen. */
  public long finalizedBlock() {
    return finalizedBlock;
  }
}
