package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.stream.NodeRequestFailedException;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Runs a stream's node calls with retry and failover. Endpoints are tried in the order given: a
 * transient failure (I/O, timeout, 429, 5xx, -32005, a node answer that disagrees with the chain) is
 * retried on the same endpoint after an exponential backoff with full jitter (at least the {@code
 * Retry-After} delay), up to a number of attempts; then the endpoint cools down and the next one
 * takes over. A cooled-down endpoint is tried again when its cool-down ends, first in order again.
 * When every endpoint is cooling down the caller waits for the first to come back, so a stream
 * keeps trying for as long as it runs. A permanent refusal moves to the next endpoint at once; only
 * when every endpoint refused in a row does the call fail.
 */
public final class NodeCaller {
  private static final Logger LOG = StreamLoggers.NODES;

  /** One attempt of a call on one endpoint. */
  @FunctionalInterface
  public interface Attempt<T> {
    /** Makes the call's requests on {@code endpoint}. */
    T run(Endpoint endpoint);
  }

  private final StreamId stream;
  private final List<Endpoint> endpoints;
  private final Backoff backoff;
  private final int attemptsPerEndpoint;
  private final StopSignal stop;
  private final StreamMetrics metrics;
  private final AtomicLong retries = new AtomicLong();
  private volatile Endpoint current;

  /** Creates a caller over {@code endpoints}, in failover order. */
  public NodeCaller(
      StreamId stream,
      List<Endpoint> endpoints,
      Backoff backoff,
      int attemptsPerEndpoint,
      StopSignal stop,
      StreamMetrics metrics) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("need at least one endpoint");
    }
    this.stream = Objects.requireNonNull(stream, "stream");
    this.endpoints = List.copyOf(endpoints);
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.attemptsPerEndpoint = attemptsPerEndpoint;
    this.stop = Objects.requireNonNull(stop, "stop");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.current = this.endpoints.get(0);
  }

  /** Returns the endpoint calls go to now: the first one in order that is not cooling down. */
  public Endpoint preferred() {
    long now = stop.clock().nanoTime();
    return endpoints.stream().filter(endpoint -> endpoint.isUpAt(now)).findFirst().orElse(current);
  }

  /** Returns how many transient failures were retried so far. */
  public long retries() {
    return retries.get();
  }

  /**
   * Runs {@code attempt} until it succeeds on some endpoint.
   *
   * @param what the request, for messages: {@code eth_getLogs over blocks 1..100}
   * @throws NodeRequestFailedException if every endpoint in a row refused it permanently
   * @throws StreamStopping if the stream stops meanwhile
   */
  public <T> T call(String what, Attempt<T> attempt) {
    int refusals = 0;
    while (true) {
      stop.check();
      Endpoint endpoint = pick();
      for (int attemptNumber = 1; ; attemptNumber++) {
        RuntimeException failure;
        Duration asked = Duration.ZERO;
        boolean permanent;
        try {
          T result = attempt.run(endpoint);
          endpoint.markUp();
          return result;
        } catch (RpcException e) {
          stop.check();
          RpcErrorKind kind = RpcErrors.classify(e);
          permanent = kind == RpcErrorKind.PERMANENT || kind == RpcErrorKind.RANGE_TOO_LARGE;
          asked = RpcErrors.retryAfter(e).orElse(Duration.ZERO);
          failure = e;
        } catch (NodeInconsistency e) {
          stop.check();
          permanent = false;
          failure = e;
        }
        if (permanent) {
          RpcException refusal = (RpcException) failure;
          if (++refusals >= endpoints.size()) {
            throw new NodeRequestFailedException(stream, what, refusal);
          }
          LOG.warn("stream '{}': {} refused {}: {}; trying the next endpoint", stream, endpoint, what, refusal.getMessage());
          endpoint.markDown(backoff);
          break;
        }
        refusals = 0;
        if (attemptNumber >= attemptsPerEndpoint) {
          LOG.warn(
              "stream '{}': {} failed on {} {} times in a row, last: {}; it cools down and the next endpoint takes over",
              stream, what, endpoint, attemptNumber, failure.getMessage());
          endpoint.markDown(backoff);
          break;
        }
        Duration delay = backoff.delay(attemptNumber);
        if (asked.compareTo(delay) > 0) {
          delay = asked;
        }
        retries.incrementAndGet();
        metrics.rpcRetry(endpoint.name());
        LOG.debug("stream '{}': {} failed on {} (attempt {}), retrying in {} ms: {}",
            stream, what, endpoint, attemptNumber, delay.toMillis(), failure.getMessage());
        stop.sleep(delay);
      }
    }
  }

  private Endpoint pick() {
    while (true) {
      long now = stop.clock().nanoTime();
      Endpoint soonest = null;
      for (Endpoint endpoint : endpoints) {
        if (endpoint.isUpAt(now)) {
          use(endpoint);
          return endpoint;
        }
        if (soonest == null || endpoint.downUntil() - soonest.downUntil() < 0) {
          soonest = endpoint;
        }
      }
      Duration wait = Duration.ofNanos(Math.max(0, soonest.downUntil() - now));
      LOG.warn("stream '{}': every endpoint is failing; trying {} again in {} ms", stream, soonest, wait.toMillis());
      stop.sleep(wait);
    }
  }

  private synchronized void use(Endpoint endpoint) {
    Endpoint previous = current;
    if (previous != endpoint) {
      current = endpoint;
      LOG.warn("stream '{}': switching from {} to {}", stream, previous, endpoint);
      metrics.failover(previous.name(), endpoint.name());
    }
  }
}
