package io.chainwire.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * The node answered with a JSON-RPC error object: its code (for example {@code -32005} limit exceeded, {@code -32602}
 * invalid params), its message and its optional data.
 */
public final class RpcErrorException extends RpcException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DATA_IN_MESSAGE = 300;

    private final int code;
    private final String rpcMessage;
    private final String data;

    /**
     * Creates the exception.
     *
     * @param method the method called
     * @param endpoint the node
     * @param code the error code
     * @param rpcMessage the error message, as the node sent it
     * @param data the error's {@code data} member as JSON text, or null if absent
     */
    public RpcErrorException(String method, RpcEndpoint endpoint, int code, String rpcMessage, String data) {
        super(method, endpoint, describe(code, rpcMessage, data), null);
        this.code = code;
        this.rpcMessage = Objects.requireNonNull(rpcMessage, "rpcMessage");
        this.data = data;
    }

    private static String describe(int code, String message, String data) {
        String text = "error " + code + ": " + message;
        if (data == null) {
            return text;
        }
        String shown = data.length() <= MAX_DATA_IN_MESSAGE ? data : data.substring(0, MAX_DATA_IN_MESSAGE) + "...";
        return text + " (data: " + shown + ")";
    }

    /** Returns the JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** Returns the error message as the node sent it. */
    public String rpcMessage() {
        return rpcMessage;
    }

    /** Returns the error's {@code data} member as JSON text, if present. */
    public Optional<String> data() {
        return Optional.ofNullable(data);
    }
}
