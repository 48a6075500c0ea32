package io.chainwire.stream;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.TopicFilter;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.internal.Environment;
import io.chainwire.stream.internal.StreamRun;
import io.chainwire.stream.internal.StreamSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A stream of contract events from one or more JSON-RPC nodes to typed handlers: it backfills history with
 * {@code eth_getLogs}, then follows new blocks, and delivers each block's events in (block, log index) order, one
 * checkpointed unit of work per block when following the head and one per range of blocks during backfill.
 *
 * <pre>{@code
 * EventStream stream = EventStream.builder()
 *     .id("hello-messages")
 *     .endpoint("https://rpc.example.org/v3/KEY")
 *     .endpoint("wss://rpc.example.org/ws/v3/KEY")        // new heads by subscription; also a failover
 *     .address(helloAddress)
 *     .fromBlock(19_000_000)
 *     .confirmations(2)
 *     .checkpointStore(SqliteCheckpointStore.builder(Path.of("hello.db")).build())
 *     .handler(new HelloHandlerDispatcher(new MessageSaver()))
 *     .errorPolicy(ErrorPolicy.DEAD_LETTER)
 *     .build();
 * try (StreamHandle handle = stream.start()) {
 *   handle.awaitTermination(Duration.ofDays(365));
 * }
 * }</pre>
 *
 * <h2>Delivery</h2>
 *
 * Every log matching the addresses and topics goes to every handler, in the order the handlers were added (an event
 * bus); a handler's dispatcher ignores events it has no method for. Delivery is at least once: a block whose unit of
 * work did not commit is delivered again after a restart. {@link io.chainwire.handler.EventContext#key()} identifies an
 * event for idempotent handlers; with a transactional store, handlers write through
 * {@link io.chainwire.handler.EventContext#connection()} and their writes commit with the checkpoint, exactly once.
 *
 * <h2>Backfill and live following</h2>
 *
 * From the block after the checkpoint (or {@link Builder#fromBlock(long)}), ranges of blocks are fetched in parallel
 * and delivered in order, up to the node's finalized block (or the checkpoint store's recent-block window below the
 * head, whichever is higher). Blocks above it are handled one by one: header by number, parent hash checked against the
 * last handled block, logs by block hash. A WebSocket endpoint provides new heads by subscription; without one, or
 * while it is down, the stream polls. A block is delivered once it is {@link Builder#confirmations(int)} deep.
 *
 * <h2>Reorganisations</h2>
 *
 * When a block's parent is not the last handled block, or the last handled block left the chain, the stream walks back
 * through the blocks it remembers to the fork point, delivers the removals of the orphaned blocks' events
 * ({@link io.chainwire.handler.EventContext#removed()}, newest first) and rolls the checkpoint back in one unit of
 * work, then handles the new branch. The logs of handled blocks are kept in memory for the checkpoint store's
 * recent-block window. After a restart, the removals of blocks handled before it are fetched again by block hash if the
 * node still has the orphaned blocks; otherwise they cannot be delivered, which the stream logs at WARN, and only the
 * rollback and the new branch reach the handlers. A reorganisation reaching the node's finalized block, or deeper than
 * the window, fails the stream without rolling back.
 *
 * <h2>Failures</h2>
 *
 * Node failures are retried with exponential backoff and full jitter and failed over across the endpoints, in order,
 * for as long as the stream runs; a rate-limited endpoint is asked less often. Handler failures are retried when
 * transient and otherwise follow the {@link ErrorPolicy}. A stream that fails reports a {@link StreamException} through
 * {@link StreamHandle#failure()}.
 */
public final class EventStream {
    private final StreamSettings settings;
    private StreamRun run;

    private EventStream(StreamSettings settings) {
        this.settings = settings;
    }

    /** Returns a builder for a stream. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the stream's id. */
    public StreamId id() {
        return settings.id();
    }

    /**
     * Starts the stream on a thread of its own and returns its handle. A stream may be started again after its previous
     * run ended, and resumes from its checkpoint.
     *
     * @throws IllegalStateException if a previous run of this stream is still running
     */
    public synchronized StreamHandle start() {
        if (run != null && !run.state().isTerminal()) {
            throw new IllegalStateException("stream '" + settings.id() + "' is already running");
        }
        run = StreamRun.start(settings);
        return run;
    }

    @Override
    public String toString() {
        return "EventStream[" + settings.id() + " on " + settings.endpoints() + "]";
    }

    /** The largest response a stream reads from a node unless told otherwise: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L << 20;

    /** The widest {@code eth_getLogs} block range a stream asks for unless told otherwise. */
    public static final long DEFAULT_MAX_RANGE = 2_000;

    /**
     * Configures an {@link EventStream}. Each setter checks its value at once; {@link #build()} checks that the
     * required parts are there. Every message names the parameter.
     */
    public static final class Builder {
        private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

        private StreamId id;
        private final List<RpcEndpoint> endpoints = new ArrayList<>();
        private final Set<Address> addresses = new LinkedHashSet<>();
        private TopicFilter topics;
        private long fromBlock;
        private int confirmations;
        private CheckpointStore checkpointStore;
        private Path checkpointDirectory;
        private final List<EventDispatcher> handlers = new ArrayList<>();
        private ErrorPolicy errorPolicy = ErrorPolicy.STOP;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration headTimeout = Duration.ofSeconds(60);
        private long maxRange = DEFAULT_MAX_RANGE;
        private int concurrency = 4;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int attemptsPerEndpoint = 3;
        private int handlerAttempts = 10;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration stallTimeout = Duration.ofMinutes(3);
        private OptionalLong chainId = OptionalLong.empty();
        private Duration startupTimeout = Duration.ofSeconds(30);
        private boolean failFast = true;
        private boolean requireContractCode;
        private Duration leaseDuration = Duration.ofSeconds(10);
        private Duration leaseRenewal = Duration.ofSeconds(3);
        private boolean fencing = true;
        private Duration storeOutageLimit = Duration.ofMinutes(5);
        private boolean strictDecoding;
        private boolean verifyBackfill;
        private boolean backfillAddedFilter;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private StreamMetrics metrics = StreamMetrics.NONE;
        private Environment environment = Environment.network();

        private Builder() {}

        /**
         * Sets the stream's id, the key of its checkpoint (required): 1 to 64 letters, digits, {@code .}, {@code _} and
         * {@code -}. Keep it stable; a renamed stream starts again from {@link #fromBlock}.
         */
        public Builder id(String id) {
            this.id = StreamId.of(id);
            return this;
        }

        /**
         * Adds a node by URL (at least one is required); see {@link #endpoint(RpcEndpoint)}.
         *
         * @throws IllegalArgumentException naming {@code endpoint} if the URL is not an http, https, ws or wss URL; the
         *     message never repeats the URL
         */
        public Builder endpoint(String url) {
            Objects.requireNonNull(url, "endpoint");
            RpcEndpoint parsed;
            try {
                parsed = RpcEndpoint.of(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint: " + e.getMessage(), e);
            }
            return endpoint(parsed);
        }

        /**
         * Adds a node. Requests go to the endpoints in the order added, the next taking over while one fails. The first
         * {@code ws://} or {@code wss://} endpoint also provides new heads by subscription; without one the stream
         * polls.
         *
         * @throws IllegalArgumentException naming {@code endpoint} if it was added already
         */
        public Builder endpoint(RpcEndpoint endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoints.contains(endpoint)) {
                throw new IllegalArgumentException("endpoint " + endpoint + " was added twice");
            }
            endpoints.add(endpoint);
            return this;
        }

        /** Adds contracts whose logs to deliver; with none, logs of any contract match the topics. */
        public Builder address(Address... anyOf) {
            return addresses(Arrays.asList(anyOf));
        }

        /** Adds contracts whose logs to deliver; with none, logs of any contract match the topics. */
        public Builder addresses(Collection<Address> anyOf) {
            for (Address address : anyOf) {
                addresses.add(Objects.requireNonNull(address, "address"));
            }
            return this;
        }

        /**
         * Sets the topic filter, for example from a generated event's {@code filter(...)} method. Default: topic 0 is
         * any event one of the handlers takes.
         */
        public Builder topics(TopicFilter filter) {
            this.topics = Objects.requireNonNull(filter, "topics");
            return this;
        }

        /**
         * Sets the first block to deliver when the stream has no checkpoint; default 0. Ignored once a checkpoint
         * exists.
         *
         * @throws IllegalArgumentException naming {@code fromBlock} if negative
         */
        public Builder fromBlock(long block) {
            if (block < 0) {
                throw new IllegalArgumentException("fromBlock must not be negative, got " + block);
            }
            this.fromBlock = block;
            return this;
        }

        /**
         * Delivers a block only once this many blocks follow it (0 to 10000; default 0, the head itself).
         *
         * @throws IllegalArgumentException naming {@code confirmations} if out of range
         */
        public Builder confirmations(int blocks) {
            this.confirmations = (int) range("confirmations", blocks, 0, 10_000);
            return this;
        }

        /**
         * Sets the checkpoint store. The stream does not close a store it is given. Default: a
         * {@link io.chainwire.checkpoint.SqliteCheckpointStore} in the file {@code <id>.db} under the
         * {@link #checkpointDirectory(Path) checkpoint directory}, opened when the stream starts and closed when it
         * ends. Give an {@link io.chainwire.checkpoint.InMemoryCheckpointStore} only in tests.
         */
        public Builder checkpointStore(CheckpointStore store) {
            this.checkpointStore = Objects.requireNonNull(store, "checkpointStore");
            return this;
        }

        /**
         * Sets the directory of the default SQLite checkpoint file; default {@code chainwire} under the working
         * directory. Only for the default store.
         */
        public Builder checkpointDirectory(Path directory) {
            this.checkpointDirectory = Objects.requireNonNull(directory, "checkpointDirectory");
            return this;
        }

        /**
         * Adds handlers, usually generated dispatchers (at least one is required). Each log goes to every handler, in
         * the order added.
         */
        public Builder handler(EventDispatcher... dispatchers) {
            for (EventDispatcher dispatcher : dispatchers) {
                handlers.add(Objects.requireNonNull(dispatcher, "handler"));
            }
            return this;
        }

        /** Sets what a deterministic handler failure does; default {@link ErrorPolicy#STOP}. */
        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "errorPolicy");
            return this;
        }

        /** Sets how often the head is polled when no subscription provides it (10 ms to 1 hour; default 2 s). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = duration("pollInterval", interval, Duration.ofMillis(10), Duration.ofHours(1));
            return this;
        }

        /**
         * Sets how long a head subscription may stay silent before the stream polls the node and, if the node moved on,
         * reconnects it: a few block times (100 ms to 1 hour; default 60 s).
         */
        public Builder headTimeout(Duration timeout) {
            this.headTimeout = duration("headTimeout", timeout, MIN_TIMEOUT, Duration.ofHours(1));
            return this;
        }

        /**
         * Sets the widest {@code eth_getLogs} block range (1 to 1000000; default 2000). Each endpoint starts there and
         * learns what it accepts: a refused range drops back to the widest one that worked (or halves), and after
         * successes the range grows towards the narrowest refusal, so a provider's fixed limit is found and then held
         * with a refusal only now and then.
         */
        public Builder maxRange(long blocks) {
            this.maxRange = range("maxRange", blocks, 1, 1_000_000);
            return this;
        }

        /**
         * Sets how many backfill ranges are fetched at once (1 to 64; default 4). Fetched ranges wait for their turn to
         * be delivered, in order, so that no fetch thread idles behind a slow one: the stream holds at most twice this
         * many ranges, fetching or waiting, besides the one being delivered, and no more than twice the
         * {@linkplain #maxResponseSize(long) response size} of waiting ranges, whatever the span of the backfill.
         */
        public Builder concurrency(int ranges) {
            this.concurrency = (int) range("concurrency", ranges, 1, 64);
            return this;
        }

        /** Sets the timeout of one request to a node (100 ms to 10 minutes; default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = duration("requestTimeout", timeout, MIN_TIMEOUT, Duration.ofMinutes(10));
            return this;
        }

        /**
         * Sets the backoff between retries: the first retry waits up to {@code initial}, each next one up to twice as
         * long, never more than {@code max}, which also caps an endpoint's cool-down (initial 1 ms to 1 minute, default
         * 250 ms; max up to 1 hour, default 30 s).
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            Duration first = duration("retryBackoff initial", initial, Duration.ofMillis(1), Duration.ofMinutes(1));
            this.maxBackoff = duration("retryBackoff max", max, first, Duration.ofHours(1));
            this.initialBackoff = first;
            return this;
        }

        /**
         * Sets how many times in a row a request is tried on one endpoint before the next endpoint takes over (1 to
         * 100; default 3).
         */
        public Builder attemptsPerEndpoint(int attempts) {
            this.attemptsPerEndpoint = (int) range("attemptsPerEndpoint", attempts, 1, 100);
            return this;
        }

        /**
         * Sets how many times a handler call that fails transiently is tried before the stream fails (1 to 1000;
         * default 10).
         */
        public Builder handlerAttempts(int attempts) {
            this.handlerAttempts = (int) range("handlerAttempts", attempts, 1, 1000);
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} delay a rate-limited endpoint is left alone for (0 to 1 hour; default 60
         * s). A node asking for longer is asked again after this; meanwhile the other endpoints serve the stream.
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = duration("maxRetryAfter", max, Duration.ZERO, Duration.ofHours(1));
            return this;
        }

        /**
         * Sets how long the stream may go without progress (no unit of work committed, not caught up with the head)
         * before it reports itself {@link StreamState#STALLED} and logs a warning (1 s to 1 day; default 3 minutes). A
         * stalled stream keeps trying and reports its previous state again as soon as it moves.
         */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = duration("stallTimeout", timeout, Duration.ofSeconds(1), Duration.ofDays(1));
            return this;
        }

        /**
         * Requires every endpoint to serve chain {@code id} ({@code eth_chainId}); an endpoint on another chain is
         * refused with an error naming it. Default: the chain recorded in the checkpoint, or else the chain of the
         * first endpoint to answer.
         *
         * @throws IllegalArgumentException naming {@code chainId} if not positive
         */
        public Builder chainId(long id) {
            this.chainId = OptionalLong.of(range("chainId", id, 1, Long.MAX_VALUE));
            return this;
        }

        /**
         * Sets how long a starting stream waits for its first endpoint to answer (1 s to 1 day; default 30 s). Every
         * endpoint is probed at start ({@code eth_chainId} and the head) and each failure logged with its cause; if
         * none answered in this time, the stream fails with the causes, unless they were rate limits or server errors
         * (5xx), which it keeps waiting through.
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = duration("startupTimeout", timeout, Duration.ofSeconds(1), Duration.ofDays(1));
            return this;
        }

        /**
         * Sets whether a stream whose endpoints all fail at start fails after the {@link #startupTimeout(Duration)
         * startup timeout} (default true); false makes it wait for them for as long as it runs. Once an endpoint has
         * answered, node failures never end the stream by themselves.
         */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets whether an address without contract code fails the stream at start (default false: it logs a warning per
         * such address, "no contract code at 0x… on chain N at block B", and runs).
         */
        public Builder requireContractCode(boolean require) {
            this.requireContractCode = require;
            return this;
        }

        /**
         * Sets the lease that lets several copies of the stream (same id, same checkpoint store) run at once with
         * exactly one delivering: the leader renews its lease every {@code renewEvery}, and a standby takes over when
         * it lasted {@code duration} without renewal or was released (1 s to 10 minutes; default 10 s renewed every 3
         * s; {@code renewEvery} at most a third of {@code duration}). Expiry is decided by the store's clock.
         */
        public Builder lease(Duration duration, Duration renewEvery) {
            Duration length = duration("lease duration", duration, Duration.ofSeconds(1), Duration.ofMinutes(10));
            this.leaseRenewal = duration("lease renewEvery", renewEvery, Duration.ofMillis(100), length.dividedBy(3));
            this.leaseDuration = length;
            return this;
        }

        /**
         * Turns fencing off (default on), <strong>for measurements only</strong>: units of work then commit without
         * checking that this copy's lease epoch is current, so a copy that lost its lease could commit. The lease is
         * still taken.
         */
        public Builder fencing(boolean fencing) {
            this.fencing = fencing;
            return this;
        }

        /**
         * Sets how long the checkpoint store may stay unreachable before the stream fails (1 s to 1 day; default 5
         * minutes). Meanwhile the stream delivers nothing, stands by and keeps trying; it resumes from the checkpoint
         * by itself when the store is back.
         */
        public Builder storeOutageLimit(Duration limit) {
            this.storeOutageLimit = duration("storeOutageLimit", limit, Duration.ofSeconds(1), Duration.ofDays(1));
            return this;
        }

        /**
         * Sets what a log does that claims an event a handler takes (by topic 0) but does not decode as it. Any
         * contract can emit any topic 0, so by default (false) such a log is not the event: it is counted, logged once
         * per address and topic 0, recorded as a dead letter (a bounded number per run), and passed over. With true,
         * such a log from one of the {@linkplain #address(Address...) addresses} the stream tracks fails the stream
         * instead, since it may mean a wrong ABI; logs of other contracts are still passed over.
         */
        public Builder strictDecoding(boolean strict) {
            this.strictDecoding = strict;
            return this;
        }

        /**
         * Sets whether backfill checks every block of its finalized ranges against the block's {@code logsBloom}
         * (default false). Blocks delivered one by one, and ranges above the finalized block, are always checked;
         * finalized ranges by default only at their last block and, when they come back empty, at a few blocks sampled
         * from the range, since a node's index of final blocks is complete unless it lags. Checking every block fetches
         * every header: see BENCHMARKS.md for the cost.
         */
        public Builder verifyBackfill(boolean verify) {
            this.verifyBackfill = verify;
            return this;
        }

        /**
         * Sets what a restart with other {@linkplain #address(Address...) addresses} or
         * {@linkplain #topics(TopicFilter) topics} than the stream's checkpoint was written with does. The checkpoint
         * says which blocks the stream handled for the old filter, so by default (false) the stream fails with a
         * {@link FilterChangedException} that names the difference: resuming would skip the history of what was added.
         * With true, the stream first delivers that history, the logs the new filter matches and the old one did not
         * from the start block up to the checkpoint's last block (once that block is final), then resumes with the new
         * filter. This backfill commits range by range, so a restart goes on where it stopped. Events of the old filter
         * are not delivered again; those the new filter no longer matches are not removed. Turn it on for the deploy
         * that changes the filter: a copy that still runs with the old filter and takes over afterwards fails, as it
         * would without the option.
         */
        public Builder backfillAddedFilter(boolean backfill) {
            this.backfillAddedFilter = backfill;
            return this;
        }

        /**
         * Sets the largest response the stream reads from a node, decompressed (1 MiB to 1 GiB; default 16 MiB). A
         * larger {@code eth_getLogs} answer is abandoned as it streams in and counts as "too large": the range narrows,
         * down to one block, which is then asked for by halves of its addresses and topics. Backfill holds fetched
         * ranges waiting for delivery within twice this size (and within twice {@link #concurrency(int)} ranges), so
         * the defaults run in a 128 MiB heap.
         */
        public Builder maxResponseSize(long bytes) {
            this.maxResponseBytes = range("maxResponseSize", bytes, 1L << 20, 1L << 30);
            return this;
        }

        /** Sets where the stream reports counters and gauges; default {@link StreamMetrics#NONE}. */
        public Builder metrics(StreamMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Replaces the clock, node connections, jitter and fetch threads, for simulations of the engine; not API. */
        Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * Returns the stream; nothing connects before {@link EventStream#start()}.
         *
         * @throws IllegalStateException naming the parameter if the id, an endpoint or a handler is missing, if both a
         *     checkpoint store and a checkpoint directory are set, or if no topics are set and the handlers take no
         *     event
         */
        public EventStream build() {
            if (id == null) {
                throw new IllegalStateException("id is required: the stream's checkpoint key");
            }
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("endpoint is required: add at least one RPC endpoint");
            }
            if (handlers.isEmpty()) {
                throw new IllegalStateException("handler is required: add at least one event dispatcher");
            }
            if (checkpointStore != null && checkpointDirectory != null) {
                throw new IllegalStateException(
                        "checkpointDirectory applies to the default store only, but checkpointStore is set too");
            }
            LogFilter filter = LogFilter.builder()
                    .addresses(addresses)
                    .topics(topics != null ? topics : handledTopics())
                    .build();
            return new EventStream(new StreamSettings(
                    id,
                    endpoints,
                    filter,
                    fromBlock,
                    confirmations,
                    Optional.ofNullable(checkpointStore),
                    checkpointDirectory != null ? checkpointDirectory : Path.of("chainwire"),
                    handlers,
                    errorPolicy,
                    pollInterval,
                    headTimeout,
                    maxRange,
                    concurrency,
                    requestTimeout,
                    initialBackoff,
                    maxBackoff,
                    attemptsPerEndpoint,
                    handlerAttempts,
                    maxRetryAfter,
                    stallTimeout,
                    chainId,
                    startupTimeout,
                    failFast,
                    requireContractCode,
                    leaseDuration,
                    leaseRenewal,
                    fencing,
                    storeOutageLimit,
                    strictDecoding,
                    verifyBackfill,
                    backfillAddedFilter,
                    maxResponseBytes,
                    metrics,
                    environment));
        }

        private TopicFilter handledTopics() {
            Set<Hash> union = new LinkedHashSet<>();
            for (EventDispatcher handler : handlers) {
                union.addAll(handler.topics());
            }
            if (union.isEmpty()) {
                throw new IllegalStateException(
                        "topics: the handlers take no event; set topics(...) or add a handler with methods");
            }
            return TopicFilter.builder().topic(0, union).build();
        }

        private static long range(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static Duration duration(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }
}
