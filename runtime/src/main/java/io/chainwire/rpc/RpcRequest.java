package io.chainwire.rpc;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.internal.BlockHeaderReader;
import io.chainwire.rpc.internal.LogsParser;
import io.chainwire.rpc.internal.Params;
import io.chainwire.rpc.internal.ReceiptReader;
import io.chainwire.rpc.internal.Results;
import io.chainwire.rpc.internal.RpcCall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON-RPC call with a typed result, to {@linkplain RpcClient#send(RpcRequest) send} alone or in a
 * {@linkplain RpcClient#batch(List) batch}. Immutable; {@link #withTimeout(Duration)} overrides the client's default
 * timeout for this request.
 *
 * @param <T> the result type
 */
public final class RpcRequest<T> {
    private final RpcCall<T> call;
    private final Duration timeout;

    private RpcRequest(RpcCall<T> call, Duration timeout) {
        this.call = call;
        this.timeout = timeout;
    }

    /** {@code eth_blockNumber}: the number of the node's newest block. */
    public static RpcRequest<Long> blockNumber() {
        return new RpcRequest<>(new RpcCall<>("eth_blockNumber", Params.NONE, Results.QUANTITY), null);
    }

    /** {@code eth_chainId}: the chain id (EIP-155). */
    public static RpcRequest<Long> chainId() {
        return new RpcRequest<>(new RpcCall<>("eth_chainId", Params.NONE, Results.QUANTITY), null);
    }

    /** {@code eth_getBlockByNumber} without transactions: the header, or empty if there is no such block. */
    public static RpcRequest<Optional<BlockHeader>> getBlockByNumber(BlockTag block) {
        return new RpcRequest<>(
                new RpcCall<>("eth_getBlockByNumber", Params.blockByNumber(block), BlockHeaderReader.OPTIONAL), null);
    }

    /** {@code eth_getBlockByHash} without transactions: the header, or empty if the node knows no such block. */
    public static RpcRequest<Optional<BlockHeader>> getBlockByHash(Hash hash) {
        return new RpcRequest<>(
                new RpcCall<>("eth_getBlockByHash", Params.blockByHash(hash), BlockHeaderReader.OPTIONAL), null);
    }

    /** {@code eth_getLogs}: the matching logs, parsed as they stream in. */
    public static RpcRequest<List<RawLog>> getLogs(LogFilter filter) {
        return new RpcRequest<>(new RpcCall<>("eth_getLogs", Params.logs(filter), LogsParser.LOGS), null);
    }

    /**
     * {@code eth_getTransactionReceipt}: the receipt of a mined transaction, or empty while it is pending or if the
     * node does not know it.
     */
    public static RpcRequest<Optional<TransactionReceipt>> getTransactionReceipt(Hash transactionHash) {
        Objects.requireNonNull(transactionHash, "transactionHash");
        return new RpcRequest<>(
                new RpcCall<>("eth_getTransactionReceipt", Params.of(transactionHash), ReceiptReader.OPTIONAL), null);
    }

    /**
     * Any method, with its result returned as JSON text (for example {@code "0x1"}, {@code null} or an object).
     * Parameters may be strings, booleans, numbers, null, maps with string keys, lists and arrays, {@link Hash},
     * {@link io.chainwire.abi.Address} and {@link io.chainwire.abi.Bytes} (sent as hex), {@link BlockTag} and
     * {@link LogFilter}.
     *
     * @throws IllegalArgumentException naming the first parameter with no JSON form
     */
    public static RpcRequest<String> call(String method, Object... params) {
        Objects.requireNonNull(method, "method");
        return new RpcRequest<>(new RpcCall<>(method, Params.of(params), Results.RAW_JSON), null);
    }

    /** {@code eth_subscribe}: the subscription id. Only a WebSocket client can receive notifications. */
    static RpcRequest<String> subscribe(String kind) {
        return new RpcRequest<>(new RpcCall<>("eth_subscribe", Params.of(kind), Results.STRING), null);
    }

    /** {@code eth_unsubscribe}: true if the subscription existed. */
    static RpcRequest<Boolean> unsubscribe(String subscriptionId) {
        return new RpcRequest<>(new RpcCall<>("eth_unsubscribe", Params.of(subscriptionId), Results.BOOLEAN), null);
    }

    /**
     * Returns this request with its own timeout, from sending until the whole response is read.
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public RpcRequest<T> withTimeout(Duration timeout) {
        return new RpcRequest<>(call, positive(timeout, "timeout"));
    }

    static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        return duration;
    }

    /** Returns the method name. */
    public String method() {
        return call.method();
    }

    /** Returns this request's own timeout, if it has one. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    RpcCall<T> call() {
        return call;
    }

    @Override
    public String toString() {
        return "RpcRequest[" + call.method() + (timeout == null ? "" : ", timeout=" + timeout) + "]";
    }
}
