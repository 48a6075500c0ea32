package io.chainwire.testkit;

import io.chainwire.rpc.RpcErrorException;

/**
 * The node answered a JSON-RPC call with an error object. The message is that of the runtime's
 * {@link RpcErrorException}, which is the cause: the method, the node, the code, the text and any data.
 */
public final class JsonRpcException extends AnvilException {
    private static final long serialVersionUID = 1L;

    private final RpcErrorException error;

    /** Creates an exception for the error object that {@code error} carries. */
    public JsonRpcException(RpcErrorException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    /** Returns the JSON-RPC method that failed, for example {@code eth_sendTransaction}. */
    public String method() {
        return error.method();
    }

    /** Returns the JSON-RPC error code, for example {@code -32602} for invalid params. */
    public long code() {
        return error.code();
    }

    /** Returns the node's error, with its message as the node sent it and its data. */
    public RpcErrorException error() {
        return error;
    }
}
