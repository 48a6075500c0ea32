package io.chainwire.testkit;

import io.chainwire.testkit.internal.proxy.ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A loopback proxy between a JSON-RPC client and a node that injects faults, for chaos tests: HTTP 429 with
 * {@code Retry-After}, 5xx statuses, stalls past the client's timeout, truncated JSON, connection resets, WebSocket
 * connections closed, dropped or muted, notifications delayed or swallowed, a provider's {@code eth_getLogs} range
 * limit, outages and lost answers. A {@linkplain #tcp(String, int) TCP proxy} does the outages and lost answers for
 * peers that do not speak JSON-RPC, such as a database.
 *
 * <p>The proxy listens on a free port of 127.0.0.1 and forwards HTTP POSTs and WebSocket connections to one upstream
 * node (anvil serves both on one port, and so does the proxy). What it disturbs is decided by {@link FaultRule}s, each
 * bounded in count, in the order they were added; a seed makes the random ones repeatable. Counts, the calls clients
 * sent and a journal of what was injected are observable.
 *
 * <pre>{@code
 * FaultRule limited = FaultRule.random(Fault.tooManyRequests(Duration.ZERO), 0.1, 10);
 * try (Anvil anvil = Anvil.start();
 *     FaultProxy proxy = FaultProxy.builder(anvil.httpUrl())
 *         .seed(42)
 *         .rule(limited)                                                          // 429s
 *         .rule(FaultRule.random(Fault.drop(), 0.05, 3).methods("eth_getLogs"))   // stalls
 *         .rule(FaultRule.at(Fault.reset(), 2).methods("eth_subscription"))       // a dropped socket
 *         .rangeLimit(100)                   // eth_getLogs over more than 100 blocks: -32005
 *         .start()) {
 *   URI http = proxy.httpUrl();              // give these to the client under test
 *   URI ws = proxy.wsUrl();
 *   ...
 *   assertTrue(proxy.injected(limited) <= 10);
 * }
 * }</pre>
 *
 * <p>Besides the rules, a test disturbs the proxy directly, at the moment it chooses:
 * {@link #dropWebSocketConnections()} and {@link #muteWebSocketConnections()} act on the WebSocket connections open at
 * the time, {@link #cut()} and {@link #restore()} take the upstream away for as long as the test likes, and
 * {@link #dropOnceWhenUpstreamSends(byte[])} loses an answer the upstream gave.
 *
 * <pre>{@code
 * try (FaultProxy database = FaultProxy.tcp("127.0.0.1", 5432)) {
 *   String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/test";   // the store under test's
 *   ...
 *   database.cut();                          // every connection ends; new ones are closed at once
 *   ...
 *   database.restore();
 *   database.dropOnceWhenUpstreamSends("COMMIT\0".getBytes(StandardCharsets.US_ASCII));  // the next commit's answer is lost
 * }
 * }</pre>
 *
 * <p>The proxy is for tests: it buffers each message whole (64 MiB at most), serves each connection on a thread of its
 * own, and speaks plain HTTP/1.1 and WebSocket without extensions. It is safe to use from several threads.
 */
public final class FaultProxy implements AutoCloseable {
    private final ProxyServer server;
    private final FaultPlan plan;
    private final String route;

    private FaultProxy(ProxyServer server, FaultPlan plan, String route) {
        this.server = server;
        this.plan = plan;
        this.route = route;
    }

    /**
     * Returns a builder for a proxy to the node at {@code upstream}, an {@code http://} URL such as
     * {@link Anvil#httpUrl()}; WebSocket connections go to the same host and port.
     *
     * @throws IllegalArgumentException if {@code upstream} is not an {@code http://} URL with a host
     */
    public static Builder builder(URI upstream) {
        Objects.requireNonNull(upstream, "upstream");
        if (upstream.getScheme() == null
                || !upstream.getScheme().toLowerCase(Locale.ROOT).equals("http")
                || upstream.getHost() == null) {
            throw new IllegalArgumentException("upstream must be an http:// URL with a host, got " + upstream);
        }
        return new Builder(upstream);
    }

    /**
     * Starts a proxy on a free loopback port that relays raw TCP to {@code host} and {@code port}, byte for byte, for a
     * peer that does not speak JSON-RPC, such as a database; clients connect to {@link #port()}. It reads no messages,
     * so it has no rules or range limit and counts no requests: {@link #cut()}, {@link #restore()} and
     * {@link #dropOnceWhenUpstreamSends(byte[])} are its faults. A connection to it connects to the upstream in turn;
     * if that fails, the client's connection is closed.
     *
     * @throws IllegalArgumentException if {@code host} is empty or {@code port} is not in 1 to 65535
     * @throws UncheckedIOException if no port can be bound
     */
    public static FaultProxy tcp(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1 to 65535, got " + port);
        }
        try {
            ProxyServer server = ProxyServer.startTcp(host, port);
            return new FaultProxy(
                    server, new FaultPlan(List.of(), 0), "tcp 127.0.0.1:" + server.port() + " -> " + host + ":" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port: " + e.getMessage(), e);
        }
    }

    /** Where a message passes the proxy. */
    public enum Channel {
        /** A JSON-RPC request POSTed over HTTP. */
        HTTP,
        /** A message on a WebSocket connection: a request from the client, or a notification from the node. */
        WEBSOCKET
    }

    /** Returns the proxy's HTTP endpoint, {@code http://127.0.0.1:PORT}. */
    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Returns the proxy's WebSocket endpoint, {@code ws://127.0.0.1:PORT}. */
    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /** Returns the port the proxy listens on; clients of a {@linkplain #tcp(String, int) TCP proxy} connect here. */
    public int port() {
        return server.port();
    }

    /** Returns how many faults {@code rule} injected so far (0 for a rule this proxy does not have). */
    public int injected(FaultRule rule) {
        return plan.injected(Objects.requireNonNull(rule, "rule"));
    }

    /** Returns how many faults all rules injected so far. */
    public int injected() {
        return plan.injected();
    }

    /** Returns how many {@code eth_getLogs} calls the {@linkplain Builder#rangeLimit(long) range limit} refused. */
    public long rangeLimited() {
        return server.rangeLimited();
    }

    /** Returns how many JSON-RPC messages clients sent through the proxy: HTTP requests and WebSocket messages. */
    public long requests() {
        return server.requests();
    }

    /** Returns how many WebSocket connections the proxy relayed. */
    public long webSocketConnections() {
        return server.webSocketConnections();
    }

    /**
     * Returns the JSON-RPC calls clients sent through the proxy, oldest first (the last 10,000): each call of a batch
     * on its own, whether or not a fault or the range limit kept it from the node.
     */
    public List<Call> calls() {
        return server.calls();
    }

    /**
     * Ends every WebSocket connection open now, closing its sockets to the client and to the node without a close
     * frame, as a network failure does; later connections are relayed as usual.
     *
     * @return how many connections were dropped
     */
    public int dropWebSocketConnections() {
        return server.dropWebSocketConnections();
    }

    /**
     * Mutes every WebSocket connection open now, as a stalled subscription is: the connection stays open and the
     * client's messages still reach the node, but nothing more from the node (answers, notifications, pings) reaches
     * the client. Later connections are relayed as usual.
     *
     * @return how many connections were muted
     */
    public int muteWebSocketConnections() {
        return server.muteWebSocketConnections();
    }

    /**
     * Cuts the upstream off, for an outage of any length: ends every connection through the proxy, and closes each new
     * one as soon as it is accepted, until {@link #restore()}. Calling it again while cut off does nothing more.
     */
    public void cut() {
        server.cut();
    }

    /**
     * Relays new connections again after {@link #cut()}; connections it ended stay ended. Does nothing if not cut off.
     */
    public void restore() {
        server.restore();
    }

    /**
     * Drops the next connection on which the upstream sends {@code marker}, before the bytes that complete it reach the
     * client, so that the client loses an answer the upstream gave: a database's reply to a commit, say. It acts once;
     * a later call replaces a marker not yet seen. A TCP proxy looks for it in the byte stream, across reads; a
     * JSON-RPC proxy in each answer to an HTTP request and each WebSocket message from the node.
     *
     * @throws IllegalArgumentException if {@code marker} is empty or longer than 1,024 bytes
     */
    public void dropOnceWhenUpstreamSends(byte[] marker) {
        Objects.requireNonNull(marker, "marker");
        if (marker.length == 0 || marker.length > ProxyServer.MAX_MARKER_BYTES) {
            throw new IllegalArgumentException(
                    "marker must be 1 to " + ProxyServer.MAX_MARKER_BYTES + " bytes long, got " + marker.length);
        }
        server.dropOnceWhenUpstreamSends(marker);
    }

    /** Returns how many connections {@link #dropOnceWhenUpstreamSends(byte[])} dropped so far. */
    public long droppedWhenUpstreamSent() {
        return server.droppedWhenUpstreamSent();
    }

    /**
     * Returns a line per injected fault, oldest first (the last 1,000): the message's number, channel and methods, the
     * fault, the rule (1-based, in the order added) and the match position.
     */
    public List<String> journal() {
        return plan.journal();
    }

    /**
     * Stops the proxy and ends every connection through it; waits a few seconds at most. Calling it again does nothing.
     */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + route + ", " + injected() + " faults injected]";
    }

    /**
     * A JSON-RPC call a client sent through the proxy.
     *
     * @param channel where it passed
     * @param method its method
     * @param params the elements of its {@code params} array, each as compact JSON text (a string keeps its quotes);
     *     empty if it has none
     */
    public record Call(Channel channel, String method, List<String> params) {
        /** Checks and copies the components. */
        public Call {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(method, "method");
            params = List.copyOf(params);
        }

        /**
         * Returns parameter {@code index} as a number if it is a JSON-RPC quantity, a string such as {@code "0x1f"};
         * empty if there is no such parameter, it is anything else (a tag such as {@code "latest"}, say) or it does not
         * fit a {@code long}.
         */
        public OptionalLong quantity(int index) {
            if (index < 0 || index >= params.size()) {
                return OptionalLong.empty();
            }
            String param = params.get(index);
            if (param.length() < 5 || param.length() > 20 || !param.startsWith("\"0x") || !param.endsWith("\"")) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(param.substring(3, param.length() - 1), 16));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }

    /** Options for a proxy; {@link #start()} starts it. */
    public static final class Builder {
        private final URI upstream;
        private final List<FaultRule> rules = new ArrayList<>();
        private long seed;
        private long rangeLimit;
        private Duration maxHold = Duration.ofSeconds(60);
        private Duration upstreamTimeout = Duration.ofSeconds(30);

        private Builder(URI upstream) {
            this.upstream = upstream;
        }

        /** Seeds the random rules; the default seed is 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a rule. Rules are consulted in the order added; each counts the messages it matches, and the first that
         * chooses a message decides its fault.
         */
        public Builder rule(FaultRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Refuses every {@code eth_getLogs} call whose block span is wider than {@code maxBlocks} with JSON-RPC error
         * {@code -32005 "query returned more than 10000 results"}, as Infura does; tags such as {@code latest} count as
         * the node's head. This is a property of the provider, not a fault: it is not counted by {@link #injected()}
         * but by {@link FaultProxy#rangeLimited()}.
         *
         * @throws IllegalArgumentException if {@code maxBlocks} is not positive
         */
        public Builder rangeLimit(long maxBlocks) {
            if (maxBlocks < 1) {
                throw new IllegalArgumentException("maxBlocks must be positive, got " + maxBlocks);
            }
            this.rangeLimit = maxBlocks;
            return this;
        }

        /**
         * Sets how long a {@linkplain Fault#drop() dropped} HTTP request holds its connection if the client does not
         * give up first; the default is 60 seconds.
         */
        public Builder maxHold(Duration maxHold) {
            this.maxHold = Durations.positive(maxHold, "maxHold");
            return this;
        }

        /** Sets how long a request forwarded to the node may take; the default is 30 seconds. */
        public Builder upstreamTimeout(Duration upstreamTimeout) {
            this.upstreamTimeout = Durations.positive(upstreamTimeout, "upstreamTimeout");
            return this;
        }

        /**
         * Starts the proxy on a free loopback port.
         *
         * @throws UncheckedIOException if no port can be bound
         */
        public FaultProxy start() {
            FaultPlan plan = new FaultPlan(rules, seed);
            try {
                ProxyServer server = ProxyServer.start(upstream, upstreamTimeout, rangeLimit, maxHold, plan);
                return new FaultProxy(server, plan, "http://127.0.0.1:" + server.port() + " -> " + upstream);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on a loopback port: " + e.getMessage(), e);
            }
        }
    }
}
