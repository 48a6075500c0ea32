package io.chainwire.testkit.internal.proxy;

import io.chainwire.testkit.Fault;
import io.chainwire.testkit.FaultProxy.Channel;
import java.util.List;

/** Decides which messages passing the proxy get a fault. */
@FunctionalInterface
public interface FaultDecider {
    /**
     * Returns the fault for a message with {@code methods} (empty if it is not JSON-RPC) on {@code channel}, or null to
     * pass it on unchanged. Called once per message, in the order each connection sees them.
     */
    Fault decide(Channel channel, List<String> methods);
}
