package io.chainwire.rpc;

import java.time.Duration;
import java.util.Objects;

/** No complete response arrived within the request's timeout; the request was abandoned. */
public final class RpcTimeoutException extends RpcException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param method the method called
     * @param endpoint the node
     * @param timeout the timeout that expired
     * @param cause the underlying failure, or null
     */
    public RpcTimeoutException(String method, RpcEndpoint endpoint, Duration timeout, Throwable cause) {
        super(method, endpoint, "no complete response within " + timeout.toMillis() + " ms", cause);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Returns the timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
