package io.chainwire.micrometer;

import io.chainwire.checkpoint.StreamId;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.noop.NoopCounter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one event stream's {@link StreamMetrics} in a Micrometer {@link MeterRegistry}, every meter tagged
 * {@code stream=<stream id>}:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>unit</th><th>more tags</th><th>what</th></tr>
 *   <tr><td>{@code chainwire.stream.state}</td><td>gauge</td><td></td><td>{@code state}</td>
 *       <td>1 for the state the stream is in, 0 for the others</td></tr>
 *   <tr><td>{@code chainwire.stream.block.handled}</td><td>gauge</td><td></td><td></td>
 *       <td>the number of the last handled block (NaN until one is handled)</td></tr>
 *   <tr><td>{@code chainwire.stream.head.lag}</td><td>gauge</td><td>blocks</td><td></td>
 *       <td>how far the node's head is ahead of the last handled block (NaN until known)</td></tr>
 *   <tr><td>{@code chainwire.stream.blocks.scanned}</td><td>counter</td><td>blocks</td><td></td>
 *       <td>blocks covered by backfill ranges, with or without events</td></tr>
 *   <tr><td>{@code chainwire.stream.events.delivered}</td><td>counter</td><td>events</td><td></td>
 *       <td>events delivered to the handlers</td></tr>
 *   <tr><td>{@code chainwire.stream.events.removed}</td><td>counter</td><td>events</td><td></td>
 *       <td>removals delivered after reorganisations</td></tr>
 *   <tr><td>{@code chainwire.stream.reorgs}</td><td>counter</td><td></td><td></td>
 *       <td>reorganisations the stream rolled back</td></tr>
 *   <tr><td>{@code chainwire.stream.reorg.depth}</td><td>distribution summary</td><td>blocks</td>
 *       <td></td><td>how many blocks each of them rolled back</td></tr>
 *   <tr><td>{@code chainwire.stream.rpc.retries}</td><td>counter</td><td></td><td>{@code endpoint}</td>
 *       <td>node calls that failed transiently and are retried</td></tr>
 *   <tr><td>{@code chainwire.stream.failovers}</td><td>counter</td><td></td>
 *       <td>{@code from}, {@code to}</td><td>moves from one endpoint to the next</td></tr>
 *   <tr><td>{@code chainwire.stream.range.size}</td><td>gauge</td><td>blocks</td><td>{@code endpoint}</td>
 *       <td>the endpoint's learned {@code eth_getLogs} block range, once it changed</td></tr>
 *   <tr><td>{@code chainwire.stream.subscriptions}</td><td>counter</td><td></td><td>{@code endpoint}</td>
 *       <td>head subscriptions established or re-established</td></tr>
 *   <tr><td>{@code chainwire.stream.handler.retries}</td><td>counter</td><td></td><td>{@code handler}</td>
 *       <td>handler calls that failed transiently and are retried</td></tr>
 *   <tr><td>{@code chainwire.stream.handler.skips}</td><td>counter</td><td></td><td>{@code handler}</td>
 *       <td>events a handler failed on that {@code ErrorPolicy.SKIP} skipped</td></tr>
 *   <tr><td>{@code chainwire.stream.handler.dead.letters}</td><td>counter</td><td></td>
 *       <td>{@code handler}</td><td>events a handler failed on that were recorded as dead letters</td></tr>
 *   <tr><td>{@code chainwire.stream.undecodable.logs}</td><td>counter</td><td></td><td>{@code handler}</td>
 *       <td>logs that claimed an event the handler takes but did not decode as it, passed over</td></tr>
 *   <tr><td>{@code chainwire.stream.faulty.answers}</td><td>counter</td><td></td><td>{@code endpoint}</td>
 *       <td>node answers that did not fit their question and were not used</td></tr>
 *   <tr><td>{@code chainwire.stream.stalled}</td><td>gauge</td><td></td><td></td>
 *       <td>1 while the stream makes no progress for longer than its stall timeout, else 0</td></tr>
 *   <tr><td>{@code chainwire.stream.role}</td><td>gauge</td><td></td><td>{@code role}</td>
 *       <td>1 for what this copy of the stream does ({@code LEADER} or {@code STANDBY}), 0 for the
 *       other; {@code STANDBY} until it first takes the lease</td></tr>
 *   <tr><td>{@code chainwire.stream.role.changes}</td><td>counter</td><td></td><td>{@code role}</td>
 *       <td>how often this copy became leader, or went back to standing by</td></tr>
 *   <tr><td>{@code chainwire.stream.lease.epoch}</td><td>gauge</td><td></td><td></td>
 *       <td>the fencing epoch of the lease this copy holds, or last held (NaN until it led)</td></tr>
 *   <tr><td>{@code chainwire.stream.lease.renewal.failures}</td><td>counter</td><td></td><td></td>
 *       <td>renewals of the lease that failed (the store did not answer)</td></tr>
 * </table>
 *
 * <p>Several copies of a stream (same id) report under the same {@code stream} tag: tell them apart with a common tag
 * of the registry (host, instance), as for any other replicated service. A copy is ready when it reaches its store and
 * node, whatever its role; it serves when {@code role} says {@code LEADER} and {@code head.lag} is small.
 *
 * <p>Endpoint tags are the redacted URLs the stream reports, so no credential reaches the registry; handler tags are
 * the dispatchers' class names.
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();   // or the application's registry
 * EventStream stream = EventStream.builder()
 *     .id("hello-messages")
 *     .endpoint("https://rpc.example.org/v3/KEY")
 *     .address(helloAddress)
 *     .handler(new HelloHandlerDispatcher(new MessageSaver()))
 *     .metrics(new MicrometerStreamMetrics(registry, "hello-messages"))
 *     .build();
 * }</pre>
 *
 * <p>The meters that do not depend on an endpoint or a handler are registered by the constructor; the others when the
 * stream first reports them, after which each call is a map lookup and an increment. A registry that refuses one of
 * those later meters (say, a meter of another type already has its name and tags) gets a WARN and that meter is not
 * recorded; the stream is never disturbed. The gauges read fields of this object: keep one instance per stream id and
 * registry, for as long as its meters should report (the stream holds it while it is referenced).
 *
 * <p>Thread-safe: the stream calls it from its delivery, fetch and subscription threads.
 */
public final class MicrometerStreamMetrics implements StreamMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerStreamMetrics.class);
    private static final String PREFIX = "chainwire.stream.";
    private static final String BLOCKS = "blocks";

    private final MeterRegistry registry;
    private final Tags streamTags;
    private final Counter blocksScanned;
    private final Counter eventsDelivered;
    private final Counter eventsRemoved;
    private final Counter reorgs;
    private final DistributionSummary reorgDepth;
    private final TaggedCounters rpcRetries =
            new TaggedCounters("rpc.retries", "endpoint", "Node calls that failed transiently and are retried");
    private final TaggedCounters subscriptions =
            new TaggedCounters("subscriptions", "endpoint", "Head subscriptions established or re-established");
    private final TaggedCounters handlerRetries =
            new TaggedCounters("handler.retries", "handler", "Handler calls that failed transiently and are retried");
    private final TaggedCounters handlerSkips = new TaggedCounters(
            "handler.skips", "handler", "Events a handler failed on that the SKIP error policy skipped");
    private final TaggedCounters deadLetters = new TaggedCounters(
            "handler.dead.letters", "handler", "Events a handler failed on that were recorded as dead letters");
    private final TaggedCounters undecodableLogs = new TaggedCounters(
            "undecodable.logs",
            "handler",
            "Logs that claimed an event the handler takes but did not decode as it, passed over");
    private final TaggedCounters faultyAnswers = new TaggedCounters(
            "faulty.answers", "endpoint", "Node answers that did not fit their question and were not used");
    private final Map<StreamRole, Counter> roleChanges = new EnumMap<>(StreamRole.class);
    private final Counter leaseRenewalFailures;
    private final ConcurrentHashMap<Route, Counter> failovers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> rangeSizes = new ConcurrentHashMap<>();
    private volatile StreamState state;
    private volatile double lastHandledBlock = Double.NaN;
    private volatile double headLag = Double.NaN;
    private volatile boolean stalled;
    private volatile StreamRole role = StreamRole.STANDBY;
    private volatile double leaseEpoch = Double.NaN;

    /** A failover's direction, the key of its counter. */
    private record Route(String from, String to) {}

    /**
     * Creates the binding for the stream {@code streamId} and registers its stream-wide meters in {@code registry}.
     *
     * @throws IllegalArgumentException if {@code streamId} is not a valid stream id (see {@link StreamId#of(String)})
     */
    public MicrometerStreamMetrics(MeterRegistry registry, String streamId) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.streamTags = Tags.of("stream", StreamId.of(streamId).value());
        for (StreamState each : StreamState.values()) {
            Gauge.builder(PREFIX + "state", this, metrics -> metrics.state == each ? 1 : 0)
                    .description("1 for the state the stream is in, 0 for the others")
                    .tags(streamTags.and("state", each.name()))
                    .register(registry);
        }
        Gauge.builder(PREFIX + "block.handled", this, metrics -> metrics.lastHandledBlock)
                .description("The number of the last block whose unit of work committed")
                .tags(streamTags)
                .register(registry);
        Gauge.builder(PREFIX + "head.lag", this, metrics -> metrics.headLag)
                .description("How many blocks the node's head is ahead of the last handled block")
                .baseUnit(BLOCKS)
                .tags(streamTags)
                .register(registry);
        this.blocksScanned = counter(
                "blocks.scanned", "Blocks covered by backfill ranges, with or without events", BLOCKS, streamTags);
        this.eventsDelivered =
                counter("events.delivered", "Events delivered to the handlers", BaseUnits.EVENTS, streamTags);
        this.eventsRemoved = counter(
                "events.removed",
                "Removals delivered to the handlers after reorganisations",
                BaseUnits.EVENTS,
                streamTags);
        this.reorgs = counter("reorgs", "Chain reorganisations the stream rolled back", null, streamTags);
        this.reorgDepth = DistributionSummary.builder(PREFIX + "reorg.depth")
                .description("How many blocks a reorganisation rolled back")
                .baseUnit(BLOCKS)
                .tags(streamTags)
                .register(registry);
        Gauge.builder(PREFIX + "stalled", this, metrics -> metrics.stalled ? 1 : 0)
                .description("1 while the stream makes no progress for longer than its stall timeout, else 0")
                .tags(streamTags)
                .register(registry);
        for (StreamRole each : StreamRole.values()) {
            Tags roleTags = streamTags.and("role", each.name());
            Gauge.builder(PREFIX + "role", this, metrics -> metrics.role == each ? 1 : 0)
                    .description("1 for what this copy of the stream does, leading or standing by, 0 for the other")
                    .tags(roleTags)
                    .register(registry);
            roleChanges.put(
                    each, counter("role.changes", "How often this copy of the stream took this role", null, roleTags));
        }
        Gauge.builder(PREFIX + "lease.epoch", this, metrics -> metrics.leaseEpoch)
                .description("The fencing epoch of the lease this copy of the stream holds, or last held")
                .tags(streamTags)
                .register(registry);
        this.leaseRenewalFailures =
                counter("lease.renewal.failures", "Renewals of the stream's lease that failed", null, streamTags);
    }

    @Override
    public void stateChanged(StreamState state) {
        this.state = state;
    }

    @Override
    public void blockHandled(long number) {
        lastHandledBlock = number;
    }

    @Override
    public void blocksScanned(long count) {
        blocksScanned.increment(count);
    }

    @Override
    public void eventsDelivered(int count) {
        eventsDelivered.increment(count);
    }

    @Override
    public void eventsRemoved(int count) {
        eventsRemoved.increment(count);
    }

    @Override
    public void headLag(long blocks) {
        headLag = blocks;
    }

    @Override
    public void reorg(int depth) {
        reorgs.increment();
        reorgDepth.record(depth);
    }

    @Override
    public void rpcRetry(String endpoint) {
        rpcRetries.increment(endpoint);
    }

    @Override
    public void faultyAnswer(String endpoint) {
        faultyAnswers.increment(endpoint);
    }

    @Override
    public void stalled(boolean stalled) {
        this.stalled = stalled;
    }

    @Override
    public void roleChanged(StreamRole role, long epoch) {
        this.role = role;
        leaseEpoch = epoch;
        roleChanges.get(role).increment();
    }

    @Override
    public void leaseRenewalFailed() {
        leaseRenewalFailures.increment();
    }

    @Override
    public void failover(String from, String to) {
        cached(
                        failovers,
                        new Route(from, to),
                        route -> lateCounter(
                                "failovers",
                                "Moves from one endpoint to the next after repeated failures",
                                streamTags.and("from", route.from()).and("to", route.to())))
                .increment();
    }

    @Override
    public void rangeSize(String endpoint, long blocks) {
        cached(rangeSizes, endpoint, this::rangeGauge).set(blocks);
    }

    @Override
    public void subscribed(String endpoint) {
        subscriptions.increment(endpoint);
    }

    @Override
    public void handlerRetry(String handler) {
        handlerRetries.increment(handler);
    }

    @Override
    public void eventSkipped(String handler) {
        handlerSkips.increment(handler);
    }

    @Override
    public void undecodableLog(String handler) {
        undecodableLogs.increment(handler);
    }

    @Override
    public void deadLetter(String handler) {
        deadLetters.increment(handler);
    }

    @Override
    public String toString() {
        return "MicrometerStreamMetrics[" + streamTags + "]";
    }

    /** Returns the cached value for {@code key}, creating it once; a plain read on the common path. */
    private static <K, V> V cached(ConcurrentHashMap<K, V> cache, K key, Function<K, V> create) {
        V value = cache.get(key);
        return value != null ? value : cache.computeIfAbsent(key, create);
    }

    private Counter counter(String name, String description, String baseUnit, Tags tags) {
        return Counter.builder(PREFIX + name)
                .description(description)
                .baseUnit(baseUnit)
                .tags(tags)
                .register(registry);
    }

    /** Registers a counter while the stream runs: a refusal is logged, not thrown at the stream. */
    private Counter lateCounter(String name, String description, Tags tags) {
        try {
            return counter(name, description, null, tags);
        } catch (RuntimeException e) {
            refused(name, tags, e);
            return new NoopCounter(new Meter.Id(PREFIX + name, tags, null, description, Meter.Type.COUNTER));
        }
    }

    private AtomicLong rangeGauge(String endpoint) {
        AtomicLong size = new AtomicLong();
        Tags tags = streamTags.and("endpoint", endpoint);
        try {
            Gauge.builder(PREFIX + "range.size", size, AtomicLong::get)
                    .description("The endpoint's learned eth_getLogs block range")
                    .baseUnit(BLOCKS)
                    .tags(tags)
                    .register(registry);
        } catch (RuntimeException e) {
            refused("range.size", tags, e);
        }
        return size;
    }

    private void refused(String name, Tags tags, RuntimeException e) {
        LOG.warn("the meter registry refused meter {}{} {}; it is not recorded: {}", PREFIX, name, tags, e.toString());
    }

    /** The counters of one name, one per value of one tag, registered as the values appear. */
    private final class TaggedCounters {
        private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
        private final String name;
        private final String tag;
        private final String description;

        TaggedCounters(String name, String tag, String description) {
            this.name = name;
            this.tag = tag;
            this.description = description;
        }

        void increment(String value) {
            cached(counters, value, key -> lateCounter(name, description, streamTags.and(tag, key)))
                    .increment();
        }
    }
}
