package io.chainwire.rpc.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one logger of the JSON-RPC clients, named after their public API rather than the classes behind it: requests at
 * DEBUG, WebSocket connections at INFO, what goes wrong inside a client at WARN.
 */
public final class RpcLogger {
    /** The logger {@code io.chainwire.rpc.RpcClient}. */
    public static final Logger LOG = LoggerFactory.getLogger("io.chainwire.rpc.RpcClient");

    private RpcLogger() {}
}
