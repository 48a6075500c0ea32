package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcException;

/**
 * Every endpoint refused a request in a way retrying cannot fix (a bad request, an unsupported method, a refused
 * credential), or a node's answers made no sense. Transient failures never end a stream: they are retried and failed
 * over for as long as the stream runs. The cause is the last endpoint's failure.
 */
public final class NodeRequestFailedException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param request what was asked, for example {@code eth_getLogs over blocks 100..199}
     * @param cause the last endpoint's failure
     */
    public NodeRequestFailedException(StreamId stream, String request, RpcException cause) {
        super(stream, "every endpoint refused " + request + "; last: " + cause.getMessage(), cause);
    }
}
