package io.chainwire.rpc;

import io.chainwire.rpc.internal.RedactedCause;

/**
 * A failed JSON-RPC call. Unchecked: the stream engine runs calls on executors and in futures, where checked exceptions
 * are only wrapped again, and it decides what to do with a failure by its kind
 * ({@link RpcErrors#classify(RpcException)}), not by where it is caught.
 *
 * <p>Messages name the method and the endpoint in its {@linkplain RpcEndpoint#redacted() redacted} form; causes whose
 * messages would reveal a secret part of the URL are replaced by redacted copies.
 */
public abstract sealed class RpcException extends RuntimeException
        permits RpcErrorException, RpcTransportException, RpcTimeoutException, RpcResponseException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String endpoint;

    RpcException(String method, RpcEndpoint endpoint, String detail, Throwable cause) {
        super(endpoint.redact(method + " on " + endpoint + ": " + detail), RedactedCause.of(cause, endpoint));
        this.method = method;
        this.endpoint = endpoint.redacted();
    }

    /** Returns the JSON-RPC method called, or a description such as {@code batch of 3 (eth_getBlockByNumber)}. */
    public String method() {
        return method;
    }

    /** Returns the endpoint's redacted URL. */
    public String endpoint() {
        return endpoint;
    }
}
