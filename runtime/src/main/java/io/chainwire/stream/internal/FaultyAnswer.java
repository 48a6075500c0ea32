package io.chainwire.stream.internal;

/**
 * A node answered something its question rules out: a log outside the requested range or filter, a log twice, a removed
 * log in {@code eth_getLogs}, logs of one block with different block hashes, a header of another block than the one
 * asked for, a log its block's bloom says cannot be there. Nothing of such an answer is used: the stream counts it
 * against the endpoint, logs it, retries there and then fails over.
 */
public final class FaultyAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the endpoint, the request and what was wrong. */
    public FaultyAnswer(String message) {
        super(message, null, false, false);
    }
}
