package io.chainwire.rpc;

/**
 * Receives the headers of a {@code newHeads} subscription, in the order the node sent them, on a thread of the
 * subscription's own. Heads wait in a bounded queue between the socket and this listener; a listener that falls a whole
 * queue behind ends the connection with {@link #onError(RpcException)} rather than silently losing heads.
 *
 * <p>Exactly one of {@link #onError(RpcException)} and {@link #onClose()} ends every subscription, after the last head.
 * An exception thrown by {@link #onHead(BlockHeader)} is logged and does not stop delivery.
 */
public interface NewHeadsListener {
    /** Receives the next head. */
    void onHead(BlockHeader head);

    /**
     * The subscription ended without this side asking: the node closed the connection, the connection failed, a
     * notification was malformed, or the listener fell too far behind. Reconnect (a new {@link WebSocketRpcClient}) and
     * backfill from the last head seen.
     */
    void onError(RpcException cause);

    /** The subscription ended because it was unsubscribed or its client closed. */
    default void onClose() {}
}
