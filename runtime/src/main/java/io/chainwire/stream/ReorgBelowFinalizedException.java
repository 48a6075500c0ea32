package io.chainwire.stream;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.StreamId;
import java.util.Objects;

/**
 * The node's chain no longer holds a block the stream handled at or below a block the stream itself saw finalized (and
 * recorded in its checkpoint). A finalized block cannot be reorganised away on a healthy chain, so the stream halts
 * rather than roll back: the node is probably on another chain or broken. Nothing was rolled back. (Blocks the stream
 * never saw finalized are its own unfinal history and are rolled back, even when the node has since finalized another
 * branch, as happens to a stream that was down during a reorganisation.)
 */
public final class ReorgBelowFinalizedException extends StreamException {
    private static final long serialVersionUID = 1L;

    private final long orphanedBlock;
    private final transient BlockRef finalizedBlock;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param orphanedBlock the lowest handled block no longer on the chain
     * @param finalizedBlock the highest block the stream saw finalized
     * @param endpoint the redacted endpoint that reported the chain
     */
    public ReorgBelowFinalizedException(StreamId stream, long orphanedBlock, BlockRef finalizedBlock, String endpoint) {
        super(
                stream,
                "handled block "
                        + orphanedBlock
                        + " is no longer on the chain of "
                        + endpoint
                        + ", but the stream saw "
                        + finalizedBlock
                        + " finalized; refusing to roll back below a finalized block (is the node on another chain?)",
                null);
        this.orphanedBlock = orphanedBlock;
        this.finalizedBlock = Objects.requireNonNull(finalizedBlock, "finalizedBlock");
    }

    /** Returns the lowest handled block that is no longer on the chain. */
    public long orphanedBlock() {
        return orphanedBlock;
    }

    /** Returns the highest block the stream saw finalized, as its checkpoint recorded it. */
    public BlockRef finalizedBlock() {
        return finalizedBlock;
    }
}
