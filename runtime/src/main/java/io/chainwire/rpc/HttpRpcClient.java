package io.chainwire.rpc;

import io.chainwire.rpc.internal.HttpTransport;
import io.chainwire.rpc.internal.JsonReader;
import io.chainwire.rpc.internal.RequestEncoder;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import io.chainwire.rpc.internal.SharedHttpClients;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC client over HTTP(S): one POST per call or batch, the response parsed as it streams in.
 *
 * <pre>{@code
 * try (RpcClient node = HttpRpcClient.builder(RpcEndpoint.of("http://127.0.0.1:8545")).build()) {
 *   long head = node.blockNumber();
 * }
 * }</pre>
 */
public final class HttpRpcClient implements RpcClient {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRpcClient.class);

  private final RpcEndpoint endpoint;
  private final Duration timeout;
  private final HttpTransport transport;
  private final AtomicLong nextId = new AtomicLong(1);
  private volatile boolean closed;

  private HttpRpcClient(Builder builder) {
    this.endpoint = builder.endpoint;
    this.timeout = builder.timeout;
    HttpClient http = builder.httpClient != null
        ? builder.httpClient
        : SharedHttpClients.withConnectTimeout(builder.connectTimeout);
    this.transport = new HttpTransport(http, endpoint);
  }

  /**
   * Returns a builder for a client of {@code endpoint}.
   *
   * @throws IllegalArgumentException if the endpoint is not an http or https URL
   */
  public static Builder builder(RpcEndpoint endpoint) {
    if (endpoint.isWebSocket()) {
      throw new IllegalArgumentException("an HTTP client needs an http:// or https:// URL, got " + endpoint);
    }
    return new Builder(endpoint);
  }

  @Override
  public RpcEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public <T> T send(RpcRequest<T> request) {
    requireOpen();
    RpcCall<T> call = request.call();
    long id = nextId.getAndIncrement();
    LOG.debug("{} (id {}) to {}", call.method(), id, endpoint);
    byte[] body = RequestEncoder.single(id, call);
    return transport.post(call.method(), body, request.timeout().orElse(timeout),
        in -> ResponseReader.single(JsonReader.of(in), endpoint, id, call));
  }

  @Override
  public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
    requireOpen();
    if (requests.isEmpty()) {
      return List.of();
    }
    Batch<T> batch = Batch.of(requests, timeout);
    long firstId = nextId.getAndAdd(requests.size());
    LOG.debug("{} (ids {}..{}) to {}", batch.label(), firstId, firstId + requests.size() - 1, endpoint);
    byte[] body = RequestEncoder.batch(firstId, batch.calls());
    return transport.post(batch.label(), body, batch.timeout(),
        in -> ResponseReader.batch(JsonReader.of(in), endpoint, firstId, batch.calls()));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the RPC client of " + endpoint + " is closed");
    }
  }

  @Override
  public String toString() {
    return "HttpRpcClient[" + endpoint + "]";
  }

  /** Configures an {@link HttpRpcClient}. */
  public static final class Builder {
    private final RpcEndpoint endpoint;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private HttpClient httpClient;

    private Builder(RpcEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Sets the default timeout of a call, from sending until the whole response is read; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = RpcRequest.positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the TCP/TLS connect timeout; default 10 s. Without {@link #httpClient}, clients with the
     * same connect timeout share one JDK {@link HttpClient}: its connection pool and selector
     * thread, as the JDK advises.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = RpcRequest.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Uses {@code client} (and its connection pool) instead of the shared one; the connect timeout is then the client's. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /** Returns the client. Nothing is sent until the first call. */
    public HttpRpcClient build() {
      return new HttpRpcClient(this);
    }
  }
}
