package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The chain reorganised below every recent block the stream remembers, so it cannot find the fork point. The checkpoint
 * store's {@link io.chainwire.checkpoint.CheckpointStore#recentBlocks() recent-block window} bounds how deep a stream
 * can roll back; nothing was rolled back.
 */
public final class ReorgTooDeepException extends StreamException {
    private static final long serialVersionUID = 1L;

    private final long lowestRemembered;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param lowestRemembered the lowest handled block the stream remembers, itself orphaned
     * @param window the store's recent-block window
     */
    public ReorgTooDeepException(StreamId stream, long lowestRemembered, int window) {
        super(
                stream,
                "the chain reorganised below block "
                        + lowestRemembered
                        + ", the lowest of the recent blocks the stream remembers (window "
                        + window
                        + " blocks); cannot find the fork point, nothing was rolled back",
                null);
        this.lowestRemembered = lowestRemembered;
    }

    /** Returns the lowest handled block the stream remembered; it too is off the chain. */
    public long lowestRemembered() {
        return lowestRemembered;
    }
}
