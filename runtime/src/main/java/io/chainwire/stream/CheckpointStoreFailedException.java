package io.chainwire.stream;

import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.StreamId;

/**
 * The checkpoint store failed: it could not load the checkpoint, begin or commit a unit of work, or refused a write.
 * The unit of work in progress was rolled back, so the checkpoint is what the store last committed. The cause is the
 * store's exception.
 */
public final class CheckpointStoreFailedException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param cause the store's failure
     */
    public CheckpointStoreFailedException(StreamId stream, CheckpointException cause) {
        super(stream, "the checkpoint store failed: " + cause.getMessage(), cause);
    }
}
