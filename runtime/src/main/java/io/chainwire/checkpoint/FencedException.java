package io.chainwire.checkpoint;

/**
 * A unit of work was refused at commit because its writer no longer owns the stream: its lease's epoch is no longer the
 * stream's (another copy took over), or the checkpoint is no longer the one it began from. Nothing of it was committed.
 */
public final class FencedException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the stream, the store and what changed. */
    public FencedException(String message) {
        super(message);
    }
}
