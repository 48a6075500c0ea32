package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import io.chainwire.rpc.WebSocketRpcClient;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * One node the stream talks to: its client (a WebSocket one reconnects on the next request after a drop), its learned
 * {@code eth_getLogs} range, its rate gate, and its health. A {@code Retry-After} delay is honoured up to a cap, so a
 * provider asking for days cannot halt the stream. Thread-safe.
 */
public final class Endpoint implements AutoCloseable {
    private static final Logger LOG = StreamLoggers.NODES;

    private final RpcEndpoint address;
    private final String name;
    private final Duration timeout;
    private final Duration maxRetryAfter;
    private final long maxResponseBytes;
    private final StreamMetrics metrics;
    private final RangeSizer ranges;
    private final RateGate gate;
    private final StopSignal stop;
    private final NodeConnector connector;
    private final EngineClock clock;
    private RpcClient client;
    private boolean closed;
    private int downCount;
    private long downUntil;
    private long downSince;
    private boolean down;
    private volatile long reportedHead = -1;
    private volatile Probe lastProbe;
    private volatile boolean answered;
    private volatile String refusal;

    /** Creates an endpoint that connects through {@code connector}; nothing connects before the first request. */
    public Endpoint(
            RpcEndpoint address,
            String name,
            Duration timeout,
            long maxRange,
            Duration maxRetryAfter,
            long maxResponseBytes,
            StreamMetrics metrics,
            StopSignal stop,
            NodeConnector connector) {
        this.address = Objects.requireNonNull(address, "address");
        this.name = Objects.requireNonNull(name, "name");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.ranges = new RangeSizer(maxRange);
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        this.maxResponseBytes = maxResponseBytes;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clock = stop.clock();
        this.gate = new RateGate(clock::nanoTime);
    }

    /** Returns the node's URL. */
    public RpcEndpoint address() {
        return address;
    }

    /**
     * Returns the endpoint's name in messages and metric tags: its label and redacted URL, after its position among the
     * stream's endpoints when another one would look alike.
     */
    public String name() {
        return name;
    }

    /**
     * Returns the names of {@code endpoints} for messages: each one's {@linkplain RpcEndpoint#displayName() display
     * name}, numbered from 1 by position where two look alike.
     */
    public static List<String> names(List<RpcEndpoint> endpoints) {
        List<String> shown = endpoints.stream().map(RpcEndpoint::displayName).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            boolean alike = Collections.frequency(shown, shown.get(i)) > 1;
            names.add(alike ? endpoints.get(i).displayName(i + 1) : shown.get(i));
        }
        return names;
    }

    /** Returns how many blocks this endpoint is learned to accept in one {@code eth_getLogs} request. */
    public long preferredSpan() {
        return ranges.current();
    }

    /**
     * The logs of blocks {@code from} to {@code to} (both included) matching a filter, as one answer of an endpoint
     * gave them: the first part of a longer range that was asked for.
     *
     * @param to the last block the answer covers
     * @param logs the logs, as the node sent them
     */
    public record Chunk(long to, List<RawLog> logs) {}

    /**
     * Asks for the logs of blocks {@code from} to at most {@code to} in one request as wide as this endpoint is learned
     * to accept, and returns the part answered. The endpoint learns its range from the answers ({@link RangeSizer}): a
     * refusal as too large (or a timeout) narrows it, and a too-large refusal is asked again at once, narrower; success
     * widens it over time. A single block is asked for by halves of the filter if it is too large whole.
     *
     * @throws RpcException if the request fails otherwise, or times out (after narrowing)
     * @throws io.chainwire.stream.BlockTooLargeException if one address and topic of one block are too large
     */
    public Chunk logs(StreamId stream, LogFilter filter, long from, long to) {
        while (true) {
            long span = Math.min(ranges.current(), to - from + 1);
            long end = from + span - 1;
            try {
                List<RawLog> logs = span == 1
                        ? BlockLogQuery.fetch(stream, this, filter.withRange(from, end), "block " + from)
                        : request(client -> client.getLogs(filter.withRange(from, end)));
                long before = ranges.current();
                if (ranges.succeeded(span) != before) {
                    metrics.rangeSize(name, ranges.current());
                }
                return new Chunk(end, logs);
            } catch (RpcException e) {
                boolean tooLarge = RpcErrors.classify(e) == RpcErrorKind.RANGE_TOO_LARGE;
                if (span == 1 || !(tooLarge || e instanceof RpcTimeoutException)) {
                    throw e;
                }
                long size = ranges.refused(span);
                metrics.rangeSize(name, size);
                LOG.debug(
                        "{} refused {} blocks from {}; asking for {} at a time: {}",
                        this,
                        span,
                        from,
                        size,
                        e.getMessage());
                if (!tooLarge) {
                    throw e;
                }
            }
        }
    }

    /**
     * Sends one request through the rate gate: waits for a slot, runs {@code call} on the client, and records the
     * outcome.
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
            if (!answered) {
                answered = true;
            }
            return result;
        } catch (RpcException e) {
            if (!answered && provesAlive(e)) {
                answered = true;
            }
            if (RpcErrors.isRateLimit(e)) {
                gate.limited(RpcErrors.retryAfter(e)
                        .map(asked -> asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked));
            }
            throw e;
        }
    }

    /**
     * Asks the node for its chain id and its head, the probe every endpoint passes before it is used, and remembers
     * both.
     *
     * @throws RpcException if either request fails
     * @throws NodeInconsistency if the node has no latest block
     */
    public Probe probe() {
        long chain = request(RpcClient::chainId);
        BlockHeader head = request(client -> client.getBlockByNumber(BlockTag.LATEST))
                .orElseThrow(() -> new NodeInconsistency(this + " has no latest block"));
        Probe answer = new Probe(chain, head);
        lastProbe = answer;
        reportHead(head.number());
        return answer;
    }

    /** The answer to a probe: the chain the node serves and its head. */
    public record Probe(long chainId, BlockHeader head) {}

    /**
     * Returns true once the node has answered a request, even with an error: it is reachable, speaks JSON-RPC, and its
     * failures are the kind that pass.
     */
    public boolean hasAnswered() {
        return answered;
    }

    // A JSON-RPC error, or an HTTP answer of a node that is there but busy: a rate limit, a server error.
    private static boolean provesAlive(RpcException failure) {
        if (failure instanceof RpcErrorException) {
            return true;
        }
        int status = failure instanceof RpcTransportException transport
                ? transport.statusCode().orElse(-1)
                : -1;
        return status == 429 || status >= 500;
    }

    /** Returns the answer to the last probe, if the node was probed. */
    public Optional<Probe> lastProbe() {
        return Optional.ofNullable(lastProbe);
    }

    /** Takes the endpoint out of use for good, saying why (it serves another chain). */
    public void refuse(String reason) {
        refusal = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the endpoint was taken out of use for good, if it was. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Returns the last head block number this node reported, or -1 if it reported none yet. */
    public long reportedHead() {
        return reportedHead;
    }

    /** Records that this node reported block {@code number} as its head. */
    public void reportHead(long number) {
        reportedHead = number;
    }

    /**
     * Makes sure this node has reported a head at or above {@code block}, asking it for its block number if the last
     * one it reported is lower.
     *
     * @throws NodeBehind if its head is still below {@code block}
     * @throws RpcException if asking fails
     */
    public void requireHeadAtLeast(long block, String what) {
        if (reportedHead >= block) {
            return;
        }
        long head = request(RpcClient::blockNumber);
        reportHead(head);
        if (head < block) {
            throw new NodeBehind(this + " reports head " + head + ", below block " + block + " of " + what);
        }
    }

    private synchronized RpcClient client() {
        if (closed) {
            throw new StreamStopping();
        }
        if (client == null) {
            client = connector.open(address, timeout, maxResponseBytes);
        } else if (client instanceof WebSocketRpcClient socket && !socket.isOpen()) {
            socket.close();
            client = null;
            client = connector.open(address, timeout, maxResponseBytes);
        }
        return client;
    }

    /** Returns true unless the endpoint is cooling down after failures at time {@code now}. */
    public synchronized boolean isUpAt(long now) {
        return refusal == null && (!down || now - downUntil >= 0);
    }

    /**
     * Returns true if the endpoint cannot be counted on at time {@code now}: it refused the stream for good, or it has
     * failed without a success in between for at least {@code patience}.
     */
    public synchronized boolean isGoneAt(long now, Duration patience) {
        return refusal != null || (down && now - downSince >= patience.toNanos());
    }

    /** Returns true unless the endpoint's rate gate holds requests back at time {@code now}. */
    public boolean isReadyAt(long now) {
        return gate.isOpenAt(now);
    }

    /** Returns when the endpoint's cool-down ends, in {@link EngineClock#nanoTime()} terms. */
    public synchronized long downUntil() {
        return downUntil;
    }

    /** Takes the endpoint out of use for a cool-down that doubles with each failure in a row. */
    public synchronized void markDown(Backoff backoff) {
        long now = clock.nanoTime();
        if (!down) {
            downSince = now;
        }
        downCount++;
        down = true;
        downUntil = now + backoff.ceiling(downCount).toNanos();
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

    /** Returns the endpoint's name. */
    @Override
    public String toString() {
        return name();
    }
}
