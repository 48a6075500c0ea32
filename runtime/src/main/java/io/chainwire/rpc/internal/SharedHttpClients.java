package io.chainwire.rpc.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK HTTP clients that chainwire's HTTP RPC clients share unless given one of their own: one per connect timeout,
 * for the life of the JVM. The JDK advises sharing an {@link HttpClient}, which holds a connection pool and a selector
 * thread, rather than creating one per use: streams started one after another, or side by side, then reuse warm
 * connections and one selector thread, whose loop the JIT compiles once instead of once per client.
 */
public final class SharedHttpClients {
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedHttpClients() {}

    /** Returns the shared client that connects within {@code connectTimeout}. */
    public static HttpClient withConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(
                connectTimeout,
                timeout -> HttpClient.newBuilder().connectTimeout(timeout).build());
    }
}
