package io.chainwire.rpc;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.List;
import java.util.Optional;

/**
 * A JSON-RPC connection to one node: typed calls, any method as raw JSON, and batches. Calls block until the response
 * is read or the request's timeout expires, and are safe from many threads.
 *
 * <p>Every failure is an {@link RpcException}; {@link RpcErrors#classify(RpcException)} says whether to retry, narrow a
 * log range, or give up.
 */
public interface RpcClient extends AutoCloseable {
    /** Returns the node this client talks to. */
    RpcEndpoint endpoint();

    /**
     * Sends one request and returns its result.
     *
     * @throws RpcException if the call fails in any way
     */
    <T> T send(RpcRequest<T> request);

    /**
     * Sends requests as one batch and returns their outcomes in request order, however the node ordered its answers. A
     * request the node answered with an error, or not at all, has a failed outcome; the call itself throws only if the
     * batch as a whole failed. An empty list sends nothing. The batch's timeout is the longest of its requests'.
     *
     * @throws RpcException if the batch as a whole fails (transport, timeout, a malformed response, or an error object
     *     for the whole batch)
     */
    <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests);

    /**
     * Closes the client: calls in flight on other threads fail at once with an {@link RpcTransportException} whose
     * failure is {@link RpcTransportException.Failure#CLOSED}, and later calls with {@link IllegalStateException}.
     */
    @Override
    void close();

    /** Returns the number of the node's newest block ({@code eth_blockNumber}). */
    default long blockNumber() {
        return send(RpcRequest.blockNumber());
    }

    /** Returns the chain id ({@code eth_chainId}). */
    default long chainId() {
        return send(RpcRequest.chainId());
    }

    /** Returns a block's header ({@code eth_getBlockByNumber}), or empty if there is no such block. */
    default Optional<BlockHeader> getBlockByNumber(BlockTag block) {
        return send(RpcRequest.getBlockByNumber(block));
    }

    /** Returns the header of block {@code number}, or empty if the chain is not that long yet. */
    default Optional<BlockHeader> getBlockByNumber(long number) {
        return getBlockByNumber(BlockTag.number(number));
    }

    /** Returns a block's header ({@code eth_getBlockByHash}), or empty if the node knows no such block. */
    default Optional<BlockHeader> getBlockByHash(Hash hash) {
        return send(RpcRequest.getBlockByHash(hash));
    }

    /** Returns the logs matching {@code filter} ({@code eth_getLogs}). */
    default List<RawLog> getLogs(LogFilter filter) {
        return send(RpcRequest.getLogs(filter));
    }

    /**
     * Returns a transaction's receipt ({@code eth_getTransactionReceipt}), or empty while it is pending or if the node
     * does not know it.
     */
    default Optional<TransactionReceipt> getTransactionReceipt(Hash transactionHash) {
        return send(RpcRequest.getTransactionReceipt(transactionHash));
    }

    /**
     * Calls any method and returns its result as JSON text; see {@link RpcRequest#call(String, Object...)} for the
     * parameter types.
     */
    default String call(String method, Object... params) {
        return send(RpcRequest.call(method, params));
    }
}
