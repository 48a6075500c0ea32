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

/**
 * A loopback proxy between a JSON-RPC client and a node that injects faults, for chaos tests: HTTP
 * 429 with {@code Retry-After}, 5xx statuses, stalls past the client's timeout, truncated JSON,
 * connection resets, WebSocket connections closed or dropped, notifications delayed or swallowed,
 * and a provider's {@code eth_getLogs} range limit.
 *
 * <p>The proxy listens on a free port of 127.0.0.1 and forwards HTTP POSTs and WebSocket
 * connections to one upstream node (anvil serves both on one port, and so does the proxy). What it
 * disturbs is decided by {@link FaultRule}s, each bounded in count, in the order they were added; a
 * seed makes the random ones repeatable. Counts and a journal of what was injected are observable.
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
 * <p>The proxy is for tests: it buffers each message whole (64 MiB at most), serves each connection
 * on a thread of its own, and speaks plain HTTP/1.1 and WebSocket without extensions. It is safe to
 * use from several threads.
 */
public final class FaultProxy implements AutoCloseable {
  private final ProxyServer server;
  private final FaultPlan plan;
  private final URI upstream;

  private FaultProxy(ProxyServer server, FaultPlan plan, URI upstream) {
    this.server = server;
    this.plan = plan;
    this.upstream = upstream;
  }

  /**
   * Returns a builder for a proxy to the node at {@code upstream}, an {@code http://} URL such as
   * {@link Anvil#httpUrl()}; WebSocket connections go to the same host and port.
   *
   * @throws IllegalArgumentException if {@code upstream} is not an {@code http://} URL with a host
   */
  public static Builder builder(URI upstream) {
    Objects.requireNonNull(upstream, "upstream");
    if (upstream.getScheme() == null || !upstream.getScheme().toLowerCase(Locale.ROOT).equals("http")
        || upstream.getHost() == null) {
      throw new IllegalArgumentException("upstream must be an http:// URL with a host, got " + upstream);
    }
    return new Builder(upstream);
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

  /** Returns the port the proxy listens on. */
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
   * Returns a line per injected fault, oldest first (the last 1,000): the message's number,
   * channel and methods, the fault, the rule (1-based, in the order added) and the match position.
   */
  public List<String> journal() {
    return plan.journal();
  }

  /** Stops the proxy and ends every connection through it; waits a few seconds at most. Calling it again does nothing. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FaultProxy[" + httpUrl() + " -> " + upstream + ", " + injected() + " faults injected]";
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
     * Adds a rule. Rules are consulted in the order added; each counts the messages it matches,
     * and the first that chooses a message decides its fault.
     */
    public Builder rule(FaultRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Refuses every {@code eth_getLogs} call whose block span is wider than {@code maxBlocks} with
     * JSON-RPC error {@code -32005 "query returned more than 10000 results"}, as Infura does; tags
     * such as {@code latest} count as the node's head. This is a property of the provider, not a
     * fault: it is not counted by {@link #injected()} but by {@link FaultProxy#rangeLimited()}.
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
     * Sets how long a {@linkplain Fault#drop() dropped} HTTP request holds its connection if the
     * client does not give up first; the default is 60 seconds.
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
        return new FaultProxy(ProxyServer.start(upstream, upstreamTimeout, rangeLimit, maxHold, plan), plan, upstream);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on a loopback port: " + e.getMessage(), e);
      }
    }
  }
}
