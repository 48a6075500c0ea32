package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * The logs of one block for a single address and topic 0 are more than the node will send, or more than the response
 * size limit allows, even after the request was split by address and topic: no narrower request exists, so the stream
 * cannot deliver that block. The message names the block, the address, the topic and the endpoint's refusal. Raise the
 * node's limit or the stream's response size limit.
 */
public final class BlockTooLargeException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param message the block, the address and topic 0, and the refusal
     * @param cause the endpoint's refusal
     */
    public BlockTooLargeException(StreamId stream, String message, Throwable cause) {
        super(stream, message, cause);
    }
}
