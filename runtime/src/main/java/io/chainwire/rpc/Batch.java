package io.chainwire.rpc;

import io.chainwire.rpc.internal.RpcCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of a batch, its description for messages, and its timeout: the longest of its requests' own timeouts or the
 * client's default.
 */
record Batch<T>(List<RpcCall<? extends T>> calls, String label, Duration timeout) {
    static <T> Batch<T> of(List<? extends RpcRequest<? extends T>> requests, Duration defaultTimeout) {
        List<RpcCall<? extends T>> calls = new ArrayList<>(requests.size());
        Duration timeout = null;
        for (RpcRequest<? extends T> request : requests) {
            calls.add(request.call());
            Duration own = request.timeout().orElse(defaultTimeout);
            timeout = timeout == null || own.compareTo(timeout) > 0 ? own : timeout;
        }
        return new Batch<>(List.copyOf(calls), RpcCall.describeBatch(calls), timeout);
    }
}
