package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.WebSocketRpcClient;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code newHeads} subscription open on the stream's WebSocket endpoints and passes each
 * head to a {@link HeadSignal}. Runs on a thread of its own: it connects and subscribes, waits
 * while the subscription lives, and after a drop (or a {@link #reconnect} asked by the stream's
 * watchdog) reconnects with exponential backoff, moving to the next WebSocket endpoint after each
 * failure. While it is down the stream polls; heads it missed meanwhile need no replay, because the
 * stream reads blocks by number from its checkpoint onwards.
 */
public final class HeadSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HeadSubscription.class);

  private final StreamId stream;
  private final List<RpcEndpoint> endpoints;
  private final Duration timeout;
  private final Backoff backoff;
  private final HeadSignal signal;
  private final StreamMetrics metrics;
  private final StopSignal stop = new StopSignal();
  private final Thread thread;
  private Connection connection;
  private boolean subscribed;
  private boolean closed;

  /** Creates the subscription; {@link #start()} opens it. */
  public HeadSubscription(
      StreamId stream,
      List<RpcEndpoint> endpoints,
      Duration timeout,
      Backoff backoff,
      HeadSignal signal,
      StreamMetrics metrics) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("need at least one WebSocket endpoint");
    }
    this.stream = Objects.requireNonNull(stream, "stream");
    this.endpoints = List.copyOf(endpoints);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.signal = Objects.requireNonNull(signal, "signal");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.thread = new Thread(this::run, "chainwire-heads-" + stream);
    this.thread.setDaemon(true);
  }

  /** Starts the thread that subscribes. */
  public void start() {
    thread.start();
  }

  /** Returns true while a subscription is open and delivering heads. */
  public synchronized boolean isSubscribed() {
    return subscribed;
  }

  /** Drops the current subscription, if any, so that the thread opens a new one. */
  public void reconnect() {
    Connection current;
    synchronized (this) {
      current = connection;
    }
    if (current != null) {
      current.end();
    }
  }

  private void run() {
    int failures = 0;
    while (!stop.isStopped()) {
      RpcEndpoint endpoint = endpoints.get(Math.floorMod(failures, endpoints.size()));
      Connection opened = null;
      try {
        opened = open(endpoint);
        failures = 0;
        opened.awaitEnd();
      } catch (RpcException e) {
        failures++;
        LOG.warn("stream '{}': no head subscription on {}: {}", stream, endpoint, e.getMessage());
      } catch (StreamStopping e) {
        break;
      } finally {
        synchronized (this) {
          subscribed = false;
          connection = null;
        }
        if (opened != null) {
          opened.client.close();
        }
      }
      if (!stop.isStopped()) {
        Duration delay = backoff.delay(Math.max(1, failures));
        LOG.info("stream '{}': reconnecting the head subscription in {} ms", stream, delay.toMillis());
        try {
          stop.sleep(delay);
        } catch (StreamStopping e) {
          break;
        }
      }
    }
  }

  private Connection open(RpcEndpoint endpoint) {
    WebSocketRpcClient client = WebSocketRpcClient.builder(endpoint).timeout(timeout).connect();
    Connection opened = new Connection(client);
    try {
      synchronized (this) {
        if (closed) {
          throw new StreamStopping();
        }
        connection = opened;
      }
      client.subscribeNewHeads(opened);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    synchronized (this) {
      subscribed = !opened.isEnded();
    }
    LOG.info("stream '{}': subscribed to new heads on {}", stream, endpoint);
    metrics.subscribed(endpoint.redacted());
    return opened;
  }

  /** Stops the thread and closes the connection; waits a few seconds at most. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    stop.stop();
    reconnect();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One connection and its subscription's listener; ends when the connection drops or is dropped. */
  private final class Connection implements NewHeadsListener {
    private final WebSocketRpcClient client;
    private boolean ended;

    Connection(WebSocketRpcClient client) {
      this.client = client;
    }

    @Override
    public void onHead(BlockHeader head) {
      signal.offer(head);
    }

    @Override
    public void onError(RpcException cause) {
      LOG.warn("stream '{}': head subscription on {} dropped: {}", stream, client.endpoint(), cause.getMessage());
      end();
    }

    @Override
    public void onClose() {
      end();
    }

    synchronized void end() {
      ended = true;
      notifyAll();
    }

    synchronized boolean isEnded() {
      return ended;
    }

    synchronized void awaitEnd() {
      while (!ended) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StreamStopping();
        }
      }
    }
  }
}
