package io.chainwire.stream.internal;

import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.WebSocketRpcClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One node the stream talks to: its client (a WebSocket one reconnects on the next request after
 * a drop), its learned {@code eth_getLogs} range, its rate gate, and its health. Thread-safe.
 */
public final class Endpoint implements AutoCloseable {
  private final RpcEndpoint address;
  private final Duration timeout;
  private final RangeSizer ranges;
  private final RateGate gate = new RateGate(System::nanoTime);
  private final StopSignal stop;
  private final WebSocketRpcClient.Builder webSocket;
  private RpcClient client;
  private boolean closed;
  private int downCount;
  private long downUntil;
  private boolean down;

  /** Creates an endpoint; nothing connects before the first request. */
  public Endpoint(RpcEndpoint address, Duration timeout, long maxRange, StopSignal stop) {
    this.address = Objects.requireNonNull(address, "address");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.ranges = new RangeSizer(maxRange);
    this.stop = Objects.requireNonNull(stop, "stop");
    this.webSocket = address.isWebSocket() ? WebSocketRpcClient.builder(address).timeout(timeout) : null;
  }

  /** Returns the node's URL. */
  public RpcEndpoint address() {
    return address;
  }

  /** Returns the redacted URL, for messages. */
  public String name() {
    return address.redacted();
  }

  /** Returns the block range this endpoint is learned to accept. */
  public RangeSizer ranges() {
    return ranges;
  }

  /**
   * Sends one request through the rate gate: waits for a slot, runs {@code call} on the client, and
   * records the outcome.
   *
   * @throws RpcException if the call fails
   * @throws StreamStopping if the stream stops while waiting
   */
  public <T> T request(Function<RpcClient, T> call) {
    Duration wait = gate.reserve();
    if (!wait.isZero()) {
      stop.sleep(wait);
    }
    try {
      T result = call.apply(client());
      gate.succeeded();
      return result;
    } catch (RpcException e) {
      if (RpcErrors.isRateLimit(e)) {
        gate.limited(RpcErrors.retryAfter(e));
      }
      throw e;
    }
  }

  private synchronized RpcClient client() {
    if (closed) {
      throw new StreamStopping();
    }
    if (client == null) {
      client = webSocket != null ? webSocket.connect() : HttpRpcClient.builder(address).timeout(timeout).build();
    } else if (client instanceof WebSocketRpcClient socket && !socket.isOpen()) {
      socket.close();
      client = null;
      client = webSocket.connect();
    }
    return client;
  }

  /** Returns true unless the endpoint is cooling down after failures at time {@code now}. */
  public synchronized boolean isUpAt(long now) {
    return !down || now - downUntil >= 0;
  }

  /** Returns when the endpoint's cool-down ends, in {@link System#nanoTime()} terms. */
  public synchronized long downUntil() {
    return downUntil;
  }

  /** Takes the endpoint out of use for a cool-down that doubles with each failure in a row. */
  public synchronized void markDown(Backoff backoff) {
    downCount++;
    down = true;
    downUntil = System.nanoTime() + backoff.ceiling(downCount).toNanos();
  }

  /** Records a success: the endpoint is healthy again. */
  public synchronized void markUp() {
    downCount = 0;
    down = false;
  }

  /** Closes the client; later requests fail with {@link StreamStopping}. */
  @Override
  public void close() {
    RpcClient open;
    synchronized (this) {
      closed = true;
      open = client;
      client = null;
    }
    if (open != null) {
      open.close();
    }
  }

  /** Returns the redacted URL. */
  @Override
  public String toString() {
    return name();
  }
}
