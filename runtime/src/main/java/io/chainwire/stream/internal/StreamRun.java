package io.chainwire.stream.internal;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.StreamCrashedException;
import io.chainwire.stream.StreamException;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One run of a stream: its delivery thread, the resources it opens (checkpoint store if it owns
 * it, node clients, fetch threads, head subscription) and its observable state. The thread runs
 * the {@link StreamEngine} and, whatever ends it, releases the resources before it reports the
 * final state.
 */
public final class StreamRun implements StreamHandle {
  private static final Logger LOG = StreamLoggers.STREAM;
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final StreamSettings settings;
  private final StopSignal stop;
  private final HeadSignal heads;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Thread thread;
  private StreamState state = StreamState.STARTING;
  private volatile BlockRef lastHandled;
  private volatile StreamException failure;

  private StreamRun(StreamSettings settings) {
    this.settings = settings;
    this.stop = new StopSignal(settings.environment().clock());
    this.heads = new HeadSignal(settings.environment().clock());
    this.thread = new Thread(this::run, "chainwire-stream-" + settings.id());
  }

  /** Starts a run of the stream {@code settings} describe. */
  public static StreamRun start(StreamSettings settings) {
    StreamRun run = new StreamRun(settings);
    settings.metrics().stateChanged(StreamState.STARTING);
    run.thread.start();
    return run;
  }

  @Override
  public StreamId id() {
    return settings.id();
  }

  @Override
  public synchronized StreamState state() {
    return state;
  }

  @Override
  public Optional<BlockRef> lastHandledBlock() {
    return Optional.ofNullable(lastHandled);
  }

  @Override
  public Optional<StreamException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public synchronized boolean awaitLive(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state != StreamState.LIVE && !state.isTerminal()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return state == StreamState.LIVE;
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    stop.stop();
    heads.close();
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      if (!terminated.await(settings.requestTimeout().plus(CLOSE_GRACE).toNanos(), TimeUnit.NANOSECONDS)) {
        LOG.warn("stream '{}': still running after the close timeout; interrupting it", settings.id());
        thread.interrupt();
        if (!terminated.await(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
          LOG.warn("stream '{}': did not stop after an interrupt; leaving its thread behind", settings.id());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void setState(StreamState newState) {
    state = newState;
    notifyAll();
  }

  private void run() {
    List<Endpoint> endpoints = new ArrayList<>();
    CheckpointStore store = null;
    HeadSubscription subscription = null;
    ExecutorService fetchers = null;
    StreamState end = StreamState.STOPPED;
    Environment environment = settings.environment();
    try {
      store = settings.store().orElseGet(() -> SqliteCheckpointStore.builder(settings.defaultStoreFile()).build());
      Optional<Checkpoint> checkpoint = store.load(settings.id());
      checkpoint.ifPresent(found -> lastHandled = found.head());
      for (RpcEndpoint address : settings.endpoints()) {
        endpoints.add(new Endpoint(address, settings.requestTimeout(), settings.maxRange(), settings.maxRetryAfter(),
            stop, environment.connector()));
      }
      Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), environment.random());
      ProgressWatch progress = new ProgressWatch(settings.id(), environment.clock(), settings.stallTimeout(),
          settings.metrics(), newState -> {
            setState(newState);
            settings.metrics().stateChanged(newState);
          });
      NodeCaller node = new NodeCaller(
          settings.id(), endpoints, backoff, settings.attemptsPerEndpoint(), stop, settings.metrics(), progress);
      List<RpcEndpoint> sockets = settings.endpoints().stream().filter(RpcEndpoint::isWebSocket).toList();
      if (!sockets.isEmpty()) {
        subscription = new HeadSubscription(
            settings.id(), sockets, settings.requestTimeout(), backoff, heads, settings.metrics(), environment);
      }
      fetchers = environment.fetchers().apply(settings.id().value(), settings.concurrency());
      Delivery delivery = new Delivery(settings.id(), store, settings.dispatchers(), settings.errorPolicy(), backoff,
          settings.handlerAttempts(), stop, settings.metrics());
      StreamEngine engine = new StreamEngine(settings, node, delivery, store.recentBlocks(), heads, subscription,
          fetchers, stop, progress, block -> lastHandled = block);
      engine.run(checkpoint);
    } catch (StreamStopping e) {
      LOG.info("stream '{}': stopping", settings.id());
    } catch (StreamException e) {
      end = fail(e);
    } catch (CheckpointException e) {
      end = fail(new CheckpointStoreFailedException(settings.id(), e));
    } catch (RuntimeException | Error e) {
      end = fail(new StreamCrashedException(settings.id(), e));
    } finally {
      release(subscription, fetchers, endpoints, settings.store().isEmpty() ? store : null);
      LOG.info("stream '{}': {}", settings.id(), end == StreamState.FAILED ? "failed" : "stopped");
      setState(end);
      settings.metrics().stateChanged(end);
      terminated.countDown();
    }
  }

  private StreamState fail(StreamException e) {
    failure = e;
    LOG.error("stream '{}' failed", settings.id(), e);
    return StreamState.FAILED;
  }

  private void release(
      HeadSubscription subscription, ExecutorService fetchers, List<Endpoint> endpoints, CheckpointStore ownedStore) {
    stop.stop();
    heads.close();
    List<AutoCloseable> resources = new ArrayList<>();
    if (subscription != null) {
      resources.add(subscription);
    }
    if (fetchers != null) {
      resources.add(() -> {
        fetchers.shutdownNow();
        fetchers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      });
    }
    resources.addAll(endpoints);
    if (ownedStore != null) {
      resources.add(ownedStore);
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("stream '{}': could not release {}", settings.id(), resource, e);
      }
    }
  }
}
