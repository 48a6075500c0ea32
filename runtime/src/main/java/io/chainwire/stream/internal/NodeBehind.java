package io.chainwire.stream.internal;

/**
 * A node has not reached the block a request needs; asking it would let a node that lags (or whose log index lags)
 * answer with less than the chain holds. The request goes to another endpoint, or waits and asks again.
 */
public final class NodeBehind extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the endpoint, its head and the block needed. */
    public NodeBehind(String message) {
        super(message, null, false, false);
    }
}
