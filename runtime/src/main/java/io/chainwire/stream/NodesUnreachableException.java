package io.chainwire.stream;

import io.chainwire.checkpoint.StreamId;

/**
 * No endpoint answered the start-up probe ({@code eth_chainId} and the head) within the
 * {@linkplain EventStream.Builder#startupTimeout(java.time.Duration) startup timeout}: the message names each endpoint
 * (redacted) with what went wrong, such as a refused connection, an unknown host, a TLS failure or an answer that is
 * not JSON-RPC. The cause is the last endpoint's failure.
 */
public final class NodesUnreachableException extends StreamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param message each endpoint and its failure
     * @param cause the last failure
     */
    public NodesUnreachableException(StreamId stream, String message, Throwable cause) {
        super(stream, message, cause);
    }
}
