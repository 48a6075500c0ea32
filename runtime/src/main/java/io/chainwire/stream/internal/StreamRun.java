package io.chainwire.stream.internal;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.StreamCrashedException;
import io.chainwire.stream.StreamException;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One run of a stream: its delivery thread, the resources it opens (checkpoint store if it owns it, node clients, fetch
 * threads, head subscription) and its observable state. The thread runs the {@link StreamEngine} and, whatever ends it,
 * releases the resources before it reports the final state.
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
    private volatile Leadership leadership;
    private volatile boolean nodesAnswered;
    private volatile boolean storeReached;
    private volatile List<Endpoint> endpoints = List.of();
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
    public StreamRole role() {
        return lease().isPresent() ? StreamRole.LEADER : StreamRole.STANDBY;
    }

    @Override
    public boolean isReady() {
        return isLive() && nodesAnswered && storeReached;
    }

    @Override
    public OptionalLong epoch() {
        return lease().map(held -> OptionalLong.of(held.epoch())).orElse(OptionalLong.empty());
    }

    /** Returns the lease while this copy can prove it holds it. */
    private Optional<Lease> lease() {
        Leadership held = leadership;
        return held == null ? Optional.empty() : held.proven();
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
        // Requests in flight fail at once, so the stream's thread sees the stop without waiting them out.
        endpoints.forEach(Endpoint::close);
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
        Leadership leadership = null;
        HeadSubscription subscription = null;
        ExecutorService fetchers = null;
        StreamState end = StreamState.STOPPED;
        Environment environment = settings.environment();
        try {
            store = settings.store().orElseGet(this::openDefaultStore);
            List<String> names = Endpoint.names(settings.endpoints());
            for (int i = 0; i < names.size(); i++) {
                endpoints.add(new Endpoint(
                        settings.endpoints().get(i),
                        names.get(i),
                        settings.requestTimeout(),
                        settings.maxRange(),
                        settings.maxRetryAfter(),
                        settings.maxResponseBytes(),
                        settings.metrics(),
                        stop,
                        environment.connector()));
            }
            this.endpoints = List.copyOf(endpoints);
            Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), environment.random());
            ProgressWatch progress = new ProgressWatch(
                    settings.id(), environment.clock(), settings.stallTimeout(), settings.metrics(), newState -> {
                        // Metrics first: whoever sees the handle in a state finds the metrics there too.
                        settings.metrics().stateChanged(newState);
                        setState(newState);
                    });
            ChainCheck chains = new ChainCheck(settings.id(), settings.chainId());
            recordedChain(store).ifPresent(chains::recorded);
            NodeCaller node = new NodeCaller(
                    settings.id(),
                    endpoints,
                    backoff,
                    settings.attemptsPerEndpoint(),
                    stop,
                    settings.metrics(),
                    progress,
                    chains);
            new Startup(settings, endpoints, chains, node, backoff, stop).run();
            nodesAnswered = true;
            List<RpcEndpoint> sockets = settings.endpoints().stream()
                    .filter(RpcEndpoint::isWebSocket)
                    .toList();
            if (!sockets.isEmpty()) {
                subscription = new HeadSubscription(
                        settings.id(),
                        sockets,
                        settings.requestTimeout(),
                        backoff,
                        heads,
                        settings.metrics(),
                        environment);
            }
            fetchers = environment.fetchers().apply(settings.id().value(), settings.concurrency());
            leadership = new Leadership(
                    settings.id(),
                    store,
                    holder(),
                    settings.leaseDuration(),
                    settings.leaseRenewal(),
                    environment.clock(),
                    settings.metrics());
            this.leadership = leadership;
            CheckpointStore committing = store;
            HeadSubscription heads = subscription;
            ExecutorService fetching = fetchers;
            new Supervisor(
                            settings,
                            store,
                            leadership,
                            chains,
                            progress,
                            backoff,
                            stop,
                            reached -> storeReached = reached,
                            delivery -> new StreamEngine(
                                    settings,
                                    node,
                                    delivery,
                                    committing.recentBlocks(),
                                    this.heads,
                                    heads,
                                    fetching,
                                    stop,
                                    progress,
                                    block -> lastHandled = block))
                    .run();
        } catch (StreamStopping e) {
            LOG.info("stream '{}': stopping", settings.id());
        } catch (StreamException e) {
            end = fail(e);
        } catch (CheckpointException e) {
            end = fail(new CheckpointStoreFailedException(settings.id(), e));
        } catch (RuntimeException | Error e) {
            end = fail(new StreamCrashedException(settings.id(), e));
        } finally {
            // Whatever releasing throws, the handle learns that the run ended.
            try {
                if (leadership != null) {
                    leadership.close();
                }
            } finally {
                try {
                    release(subscription, fetchers, endpoints, settings.store().isEmpty() ? store : null);
                    LOG.info("stream '{}': {}", settings.id(), end == StreamState.FAILED ? "failed" : "stopped");
                } finally {
                    settings.metrics().stateChanged(end);
                    setState(end);
                    terminated.countDown();
                }
            }
        }
    }

    /** Returns the chain the stream's checkpoint was written on, if the store says so now. */
    private OptionalLong recordedChain(CheckpointStore store) {
        try {
            return store.load(settings.id())
                    .map(checkpoint -> checkpoint.record().chainId())
                    .orElse(OptionalLong.empty());
        } catch (CheckpointException e) {
            if (!e.isTransient()) {
                throw e;
            }
            LOG.info("stream '{}': could not read the chain of its checkpoint yet: {}", settings.id(), e.getMessage());
            return OptionalLong.empty();
        }
    }

    private CheckpointStore openDefaultStore() {
        Path file = settings.defaultStoreFile().toAbsolutePath().normalize();
        LOG.info(
                "stream '{}': checkpoints in {}; copies of this stream share it only if they run on this host with this"
                        + " path",
                settings.id(),
                file);
        return SqliteCheckpointStore.builder(file).build();
    }

    /** Returns this copy's name in the lease: host, process and a random part, unique per run. */
    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private StreamState fail(StreamException e) {
        failure = e;
        LOG.error("stream '{}' failed", settings.id(), e);
        return StreamState.FAILED;
    }

    private void release(
            HeadSubscription subscription,
            ExecutorService fetchers,
            List<Endpoint> endpoints,
            CheckpointStore ownedStore) {
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
