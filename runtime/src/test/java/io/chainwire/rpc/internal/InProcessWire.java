package io.chainwire.rpc.internal;

import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.RpcEndpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * The parts of the real transports' reading that an in-process client reuses but that are not public: the
 * {@code Retry-After} header as the HTTP transport parses it, and a {@code newHeads} notification as the WebSocket
 * session reads it.
 */
public final class InProcessWire {
    private InProcessWire() {}

    /**
     * Returns the delay a {@code Retry-After} header asks for, as the HTTP transport reads it, or null when it reads
     * none; an HTTP date is measured from {@code now}.
     */
    public static Duration retryAfter(String header, Instant now) {
        return RetryAfter.parse(header, now);
    }

    /** Reads the header in an {@code eth_subscription} notification, as the WebSocket session does. */
    public static BlockHeader headNotification(byte[] message, RpcEndpoint endpoint) {
        return WebSocketMessages.notificationResult(message, endpoint, BlockHeaderReader.REQUIRED);
    }
}
