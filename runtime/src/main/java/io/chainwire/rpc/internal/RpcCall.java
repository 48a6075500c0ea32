package io.chainwire.rpc.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One JSON-RPC method call as the transports see it: the method, how to write its params and how to read its result.
 *
 * @param <T> the result type
 * @param method the method name
 * @param params writes the params array
 * @param reader reads the result
 */
public record RpcCall<T>(String method, ParamsWriter params, ResultReader<T> reader) {
    /** Validates that nothing is missing. */
    public RpcCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(reader, "reader");
    }

    /** Describes a batch for messages: {@code batch of 3 (eth_getBlockByNumber, eth_chainId)}. */
    public static String describeBatch(List<? extends RpcCall<?>> calls) {
        Set<String> methods = new LinkedHashSet<>();
        for (RpcCall<?> call : calls) {
            methods.add(call.method());
        }
        return "batch of " + calls.size() + " (" + String.join(", ", methods) + ")";
    }
}
