package io.chainwire.rpc;

import io.chainwire.rpc.internal.HeadDispatcher;
import io.chainwire.rpc.internal.RequestEncoder;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import io.chainwire.rpc.internal.WebSocketSession;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * A JSON-RPC client over one WebSocket connection: calls and batches like {@link HttpRpcClient},
 * plus {@code newHeads} subscriptions.
 *
 * <p>The client never reconnects. When the connection drops, every subscription's listener gets
 * {@link NewHeadsListener#onError(RpcException)} and calls fail with {@link RpcTransportException};
 * the owner connects again with the same builder ({@link Builder#connect()} may be called any number
 * of times) and backfills what it missed.
 *
 * <pre>{@code
 * WebSocketRpcClient.Builder node = WebSocketRpcClient.builder(RpcEndpoint.of("ws://127.0.0.1:8545"));
 * try (WebSocketRpcClient client = node.connect()) {
 *   client.subscribeNewHeads(listener);
 * }
 * }</pre>
 */
public final class WebSocketRpcClient implements RpcClient {
  private static final Duration MAX_CLOSE_WAIT = Duration.ofSeconds(5);

  private final RpcEndpoint endpoint;
  private final Duration timeout;
  private final int queueCapacity;
  private final WebSocketSession session;
  private final AtomicLong nextId = new AtomicLong(1);
  private volatile boolean closed;

  private WebSocketRpcClient(Builder builder, WebSocketSession session) {
    this.endpoint = builder.endpoint;
    this.timeout = builder.timeout;
    this.queueCapacity = builder.queueCapacity;
    this.session = session;
  }

  /**
   * Returns a builder for connections to {@code endpoint}.
   *
   * @throws IllegalArgumentException if the endpoint is not a ws or wss URL
   */
  public static Builder builder(RpcEndpoint endpoint) {
    if (!endpoint.isWebSocket()) {
      throw new IllegalArgumentException("a WebSocket client needs a ws:// or wss:// URL, got " + endpoint);
    }
    return new Builder(endpoint);
  }

  @Override
  public RpcEndpoint endpoint() {
    return endpoint;
  }

  /** Returns true until the connection ends, by {@link #close()} or otherwise. */
  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public <T> T send(RpcRequest<T> request) {
    requireOpen();
    RpcCall<T> call = request.call();
    long id = nextId.getAndIncrement();
    String text = new String(RequestEncoder.single(id, call), StandardCharsets.UTF_8);
    return session.request(call.method(), List.of(id), text, request.timeout().orElse(timeout),
        reader -> ResponseReader.single(reader, endpoint, id, call));
  }

  @Override
  public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
    requireOpen();
    if (requests.isEmpty()) {
      return List.of();
    }
    Batch<T> batch = Batch.of(requests, timeout);
    long firstId = nextId.getAndAdd(requests.size());
    List<Long> ids = LongStream.range(firstId, firstId + requests.size()).boxed().toList();
    String text = new String(RequestEncoder.batch(firstId, batch.calls()), StandardCharsets.UTF_8);
    return session.request(batch.label(), ids, text, batch.timeout(),
        reader -> ResponseReader.batch(reader, endpoint, firstId, batch.calls()));
  }

  /**
   * Subscribes to new block headers ({@code eth_subscribe} {@code newHeads}). Heads are delivered
   * to {@code listener} on a thread of the subscription's own, through a bounded queue.
   *
   * @throws RpcException if the node refuses or the connection fails
   */
  public RpcSubscription subscribeNewHeads(NewHeadsListener listener) {
    Objects.requireNonNull(listener, "listener");
    requireOpen();
    RpcCall<String> call = RpcRequest.subscribe("newHeads").call();
    long id = nextId.getAndIncrement();
    HeadDispatcher dispatcher = new HeadDispatcher(listener, queueCapacity, "newheads-" + id);
    String text = new String(RequestEncoder.single(id, call), StandardCharsets.UTF_8);
    try {
      String subscription = session.request(call.method(), List.of(id), text, timeout, reader -> {
        String subscriptionId = ResponseReader.single(reader, endpoint, id, call);
        session.attach(subscriptionId, dispatcher);
        return subscriptionId;
      });
      return new RpcSubscription(subscription, this);
    } catch (RpcException e) {
      // A subscribe that timed out may have been attached meanwhile.
      session.detach(dispatcher);
      dispatcher.discard();
      throw e;
    }
  }

  void unsubscribe(String subscription) {
    HeadDispatcher dispatcher = session.detach(subscription);
    if (dispatcher == null) {
      return;
    }
    dispatcher.finish(null);
    if (session.isOpen()) {
      send(RpcRequest.unsubscribe(subscription));
    }
  }

  /**
   * Closes the connection: pending calls fail, subscriptions end with {@link
   * NewHeadsListener#onClose()}. Waits a few seconds at most for the node's close reply.
   */
  @Override
  public void close() {
    closed = true;
    session.close(timeout.compareTo(MAX_CLOSE_WAIT) < 0 ? timeout : MAX_CLOSE_WAIT);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the RPC client of " + endpoint + " is closed");
    }
  }

  @Override
  public String toString() {
    return "WebSocketRpcClient[" + endpoint + (isOpen() ? "" : ", closed") + "]";
  }

  /** Configures connections of a {@link WebSocketRpcClient}; reusable, to reconnect. */
  public static final class Builder {
    private final RpcEndpoint endpoint;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int queueCapacity = 1024;
    private HttpClient httpClient;

    private Builder(RpcEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Sets the default timeout of a call, from sending until the response is read; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = RpcRequest.positive(timeout, "timeout");
      return this;
    }

    /** Sets how long opening the connection may take; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = RpcRequest.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how many heads may wait for a subscription's listener; default 1024.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public Builder queueCapacity(int capacity) {
      if (capacity <= 0) {
        throw new IllegalArgumentException("queueCapacity must be positive, got " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Uses {@code client} to open connections instead of one this builder creates and reuses. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /**
     * Opens a new connection.
     *
     * @throws RpcException if it cannot be opened within the connect timeout
     */
    public synchronized WebSocketRpcClient connect() {
      if (httpClient == null) {
        httpClient = HttpClient.newHttpClient();
      }
      return new WebSocketRpcClient(this, WebSocketSession.connect(httpClient, endpoint, connectTimeout));
    }
  }
}
