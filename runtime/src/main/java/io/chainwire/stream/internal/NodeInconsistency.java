package io.chainwire.stream.internal;

/**
 * A node's answers disagree with each other or with the chain the stream saw a moment ago: a log whose block hash is
 * not the header's, a block missing below the head. Usually the chain moved between two calls, or a load balancer
 * switched replicas; the stream retries like a transient failure.
 */
public final class NodeInconsistency extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what disagreed. */
    public NodeInconsistency(String message) {
        super(message);
    }
}
