package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The stream cannot run on the chain it was given: every endpoint serves another chain than the stream follows
 * (configured with {@link EventStream.Builder#chainId(long)}, recorded in its checkpoint, or its first endpoint's), or
 * the checkpoint was written on another chain than the configured one. Nothing was delivered from the wrong chain.
 */
public final class ChainMismatchException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param message which endpoint or checkpoint is on which chain, against which expected chain
     */
    public ChainMismatchException(StreamId stream, String message) {
        super(stream, message, null);
    }
}
