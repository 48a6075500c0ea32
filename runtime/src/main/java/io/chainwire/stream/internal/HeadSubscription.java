package io.chainwire.stream.internal;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.NewHeadsListener;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;

/**
 * Keeps a {@code newHeads} subscription open on the stream's WebSocket endpoints and passes each head to a
 * {@link HeadSignal}. It has no thread of its own: the stream's thread calls {@link #maintain()} whenever it waits for
 * a head, which starts a connection (completed by the {@link NodeConnector} without blocking) when none is open and the
 * backoff after the last failure has passed, moving to the next WebSocket endpoint after each failure. While it is down
 * the stream polls; heads it missed meanwhile need no replay, because the stream reads blocks by number from its
 * checkpoint onwards.
 */
public final class HeadSubscription implements AutoCloseable {
    private static final Logger LOG = StreamLoggers.NODES;

    private final StreamId stream;
    private final List<RpcEndpoint> endpoints;
    private final Duration timeout;
    private final Backoff backoff;
    private final HeadSignal signal;
    private final StreamMetrics metrics;
    private final NodeConnector connector;
    private final EngineClock clock;
    private Connection connection;
    private int failures;
    private long nextAttempt;
    private boolean closed;

    /** Creates the subscription; the first {@link #maintain()} opens it. */
    public HeadSubscription(
            StreamId stream,
            List<RpcEndpoint> endpoints,
            Duration timeout,
            Backoff backoff,
            HeadSignal signal,
            StreamMetrics metrics,
            Environment environment) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("need at least one WebSocket endpoint");
        }
        this.stream = Objects.requireNonNull(stream, "stream");
        this.endpoints = List.copyOf(endpoints);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.connector = environment.connector();
        this.clock = environment.clock();
        this.nextAttempt = clock.nanoTime();
    }

    /**
     * Opens the subscription if it is down and its backoff has passed, and closes the connection of one that ended;
     * never waits for the network.
     */
    public void maintain() {
        Connection ended = null;
        Connection opening = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (connection != null && connection.ended) {
                ended = connection;
                connection = null;
            }
            if (connection == null && clock.nanoTime() - nextAttempt >= 0) {
                connection = new Connection(endpoints.get(Math.floorMod(failures, endpoints.size())));
                opening = connection;
            }
        }
        if (ended != null) {
            ended.closeFeed();
        }
        if (opening != null) {
            opening.open();
        }
    }

    /** Returns true while a subscription is open and delivering heads. */
    public synchronized boolean isSubscribed() {
        return connection != null && connection.feed != null && !connection.ended;
    }

    /** Drops the current subscription, if any, so that the next {@link #maintain()} opens a new one. */
    public void reconnect() {
        Connection current;
        synchronized (this) {
            current = connection;
        }
        if (current != null) {
            current.end();
        }
    }

    /** Closes the subscription; a connection still being opened is closed once it opens. */
    @Override
    public void close() {
        Connection current;
        synchronized (this) {
            closed = true;
            current = connection;
            connection = null;
        }
        if (current != null) {
            current.end();
            current.closeFeed();
        }
    }

    /** One connection and its subscription's listener; ends when the connection drops or is dropped. */
    private final class Connection implements NewHeadsListener {
        private final RpcEndpoint endpoint;
        private NodeConnector.HeadFeed feed;
        private boolean ended;

        Connection(RpcEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        void open() {
            connector.subscribeNewHeads(endpoint, timeout, this).whenComplete(this::opened);
        }

        private void opened(NodeConnector.HeadFeed opened, Throwable failure) {
            boolean keep;
            synchronized (HeadSubscription.this) {
                keep = failure == null && !closed && !ended;
                if (keep) {
                    feed = opened;
                    failures = 0;
                } else if (failure != null) {
                    failures++;
                    nextAttempt = clock.nanoTime() + backoff.delay(failures).toNanos();
                    ended = true;
                }
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                LOG.warn(
                        "stream '{}': no head subscription on {}: {}",
                        stream,
                        endpoint,
                        cause instanceof RpcException ? cause.getMessage() : cause.toString());
            } else if (keep) {
                LOG.info("stream '{}': subscribed to new heads on {}", stream, endpoint);
                metrics.subscribed(endpoint.displayName());
            } else {
                opened.close();
            }
        }

        @Override
        public void onHead(BlockHeader head) {
            signal.offer(head);
        }

        @Override
        public void onError(RpcException cause) {
            LOG.warn("stream '{}': head subscription on {} dropped: {}", stream, endpoint, cause.getMessage());
            end();
        }

        @Override
        public void onClose() {
            end();
        }

        void end() {
            synchronized (HeadSubscription.this) {
                if (!ended) {
                    ended = true;
                    nextAttempt = clock.nanoTime()
                            + backoff.delay(Math.max(1, failures)).toNanos();
                }
            }
        }

        void closeFeed() {
            NodeConnector.HeadFeed open;
            synchronized (HeadSubscription.this) {
                open = feed;
                feed = null;
            }
            if (open != null) {
                open.close();
            }
        }
    }
}
