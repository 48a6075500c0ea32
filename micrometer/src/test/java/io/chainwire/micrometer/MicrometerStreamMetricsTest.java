package io.chainwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MicrometerStreamMetricsTest {
    private static final String NODE = "https://rpc.example.org/v3/***";
    private static final String SPARE = "wss://ws.example.org/***";
    private static final String HANDLER = "com.example.HelloHandlerDispatcher";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerStreamMetrics metrics = new MicrometerStreamMetrics(registry, "hello");

    private RequiredSearch meter(String name) {
        return registry.get(name).tag("stream", "hello");
    }

    private double count(String name, String... tags) {
        return meter(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return meter(name).tags(tags).gauge().value();
    }

    @Test
    void registersTheStreamWideMetersTaggedWithTheStreamIdWithNamesUnitsAndDescriptions() {
        Set<String> names = registry.getMeters().stream()
                .map(each -> each.getId().getName())
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "chainwire.stream.state",
                        "chainwire.stream.block.handled",
                        "chainwire.stream.head.lag",
                        "chainwire.stream.blocks.scanned",
                        "chainwire.stream.events.delivered",
                        "chainwire.stream.events.removed",
                        "chainwire.stream.reorgs",
                        "chainwire.stream.reorg.depth",
                        "chainwire.stream.stalled",
                        "chainwire.stream.role",
                        "chainwire.stream.role.changes",
                        "chainwire.stream.lease.epoch",
                        "chainwire.stream.lease.renewal.failures"),
                names);
        for (Meter each : registry.getMeters()) {
            assertEquals("hello", each.getId().getTag("stream"), each.getId().toString());
            assertTrue(
                    each.getId().getDescription() != null
                            && !each.getId().getDescription().isBlank(),
                    each.getId().toString());
        }
        assertEquals(
                "blocks", meter("chainwire.stream.head.lag").gauge().getId().getBaseUnit());
        assertEquals(
                "blocks",
                meter("chainwire.stream.blocks.scanned").counter().getId().getBaseUnit());
        assertEquals(
                "events",
                meter("chainwire.stream.events.delivered").counter().getId().getBaseUnit());
        assertEquals(
                "events",
                meter("chainwire.stream.events.removed").counter().getId().getBaseUnit());
        assertEquals(
                "blocks",
                meter("chainwire.stream.reorg.depth").summary().getId().getBaseUnit());
        assertNull(meter("chainwire.stream.block.handled").gauge().getId().getBaseUnit(), "a block number has no unit");
    }

    @Test
    void roleGaugeSaysStandbyUntilTheCopyLeadsThenFollowsItsRoleWithTheEpoch() {
        assertEquals(1, gauge("chainwire.stream.role", "role", "STANDBY"), "before it takes the lease");
        assertEquals(0, gauge("chainwire.stream.role", "role", "LEADER"));
        assertTrue(Double.isNaN(gauge("chainwire.stream.lease.epoch")), "no epoch before it led");

        metrics.roleChanged(StreamRole.LEADER, 4);
        assertEquals(1, gauge("chainwire.stream.role", "role", "LEADER"));
        assertEquals(0, gauge("chainwire.stream.role", "role", "STANDBY"));
        assertEquals(4, gauge("chainwire.stream.lease.epoch"));

        metrics.roleChanged(StreamRole.STANDBY, 4);
        metrics.roleChanged(StreamRole.LEADER, 6);
        metrics.roleChanged(StreamRole.STANDBY, 6);
        assertEquals(1, gauge("chainwire.stream.role", "role", "STANDBY"));
        assertEquals(0, gauge("chainwire.stream.role", "role", "LEADER"));
        assertEquals(6, gauge("chainwire.stream.lease.epoch"), "the epoch it last held");
        assertEquals(2, count("chainwire.stream.role.changes", "role", "LEADER"));
        assertEquals(2, count("chainwire.stream.role.changes", "role", "STANDBY"));
    }

    @Test
    void countsLeaseRenewalFailures() {
        metrics.leaseRenewalFailed();
        metrics.leaseRenewalFailed();
        assertEquals(2, count("chainwire.stream.lease.renewal.failures"));
    }

    @Test
    void stalledGaugeIsOneWhileTheStreamIsStalled() {
        assertEquals(0, gauge("chainwire.stream.stalled"));
        metrics.stalled(true);
        assertEquals(1, gauge("chainwire.stream.stalled"));
        metrics.stalled(false);
        assertEquals(0, gauge("chainwire.stream.stalled"));
    }

    @Test
    void countsFaultyAnswersPerEndpoint() {
        assertTrue(registry.find("chainwire.stream.faulty.answers").meters().isEmpty(), "nothing before the first one");
        metrics.faultyAnswer(NODE);
        metrics.faultyAnswer(NODE);
        metrics.faultyAnswer(SPARE);
        assertEquals(2, count("chainwire.stream.faulty.answers", "endpoint", NODE));
        assertEquals(1, count("chainwire.stream.faulty.answers", "endpoint", SPARE));
    }

    @Test
    void stateGaugeIsOneForTheCurrentStateAndZeroForTheOthers() {
        for (StreamState state : StreamState.values()) {
            assertEquals(0, gauge("chainwire.stream.state", "state", state.name()), "before any state: " + state);
        }
        metrics.stateChanged(StreamState.BACKFILLING);
        metrics.stateChanged(StreamState.LIVE);
        for (StreamState state : StreamState.values()) {
            assertEquals(
                    state == StreamState.LIVE ? 1 : 0,
                    gauge("chainwire.stream.state", "state", state.name()),
                    state.name());
        }
    }

    @Test
    void handledBlockGaugeIsUnknownUntilABlockIsHandledThenFollowsTheLatest() {
        assertTrue(Double.isNaN(gauge("chainwire.stream.block.handled")));
        metrics.blockHandled(19_000_000);
        metrics.blockHandled(19_000_001);
        assertEquals(19_000_001, gauge("chainwire.stream.block.handled"));
        metrics.blockHandled(18_999_998);
        assertEquals(18_999_998, gauge("chainwire.stream.block.handled"), "a rollback lowers it");
    }

    @Test
    void headLagGaugeIsUnknownUntilReportedThenFollowsTheLatest() {
        assertTrue(Double.isNaN(gauge("chainwire.stream.head.lag")));
        metrics.headLag(1200);
        metrics.headLag(3);
        assertEquals(3, gauge("chainwire.stream.head.lag"));
    }

    @Test
    void countsScannedBlocks() {
        metrics.blocksScanned(2000);
        metrics.blocksScanned(17);
        assertEquals(2017, count("chainwire.stream.blocks.scanned"));
    }

    @Test
    void countsDeliveredEventsIncludingEmptyBlocks() {
        metrics.eventsDelivered(5);
        metrics.eventsDelivered(0);
        metrics.eventsDelivered(3);
        assertEquals(8, count("chainwire.stream.events.delivered"));
    }

    @Test
    void countsRemovedEvents() {
        metrics.eventsRemoved(4);
        metrics.eventsRemoved(2);
        assertEquals(6, count("chainwire.stream.events.removed"));
    }

    @Test
    void countsReorgsAndRecordsTheirDepths() {
        metrics.reorg(1);
        metrics.reorg(5);
        assertEquals(2, count("chainwire.stream.reorgs"));
        DistributionSummary depth = meter("chainwire.stream.reorg.depth").summary();
        assertEquals(2, depth.count());
        assertEquals(6, depth.totalAmount());
        assertEquals(5, depth.max());
    }

    @Test
    void countsRpcRetriesPerEndpointRegisteringEachEndpointOnce() {
        assertTrue(registry.find("chainwire.stream.rpc.retries").meters().isEmpty(), "nothing before the first retry");
        metrics.rpcRetry(NODE);
        Counter first =
                meter("chainwire.stream.rpc.retries").tag("endpoint", NODE).counter();
        metrics.rpcRetry(NODE);
        metrics.rpcRetry(SPARE);
        assertEquals(2, count("chainwire.stream.rpc.retries", "endpoint", NODE));
        assertEquals(1, count("chainwire.stream.rpc.retries", "endpoint", SPARE));
        assertSame(
                first,
                meter("chainwire.stream.rpc.retries").tag("endpoint", NODE).counter());
        assertEquals(2, registry.find("chainwire.stream.rpc.retries").meters().size());
    }

    @Test
    void countsFailoversPerDirection() {
        metrics.failover(NODE, SPARE);
        metrics.failover(SPARE, NODE);
        metrics.failover(NODE, SPARE);
        assertEquals(2, count("chainwire.stream.failovers", "from", NODE, "to", SPARE));
        assertEquals(1, count("chainwire.stream.failovers", "from", SPARE, "to", NODE));
    }

    @Test
    void rangeSizeGaugeFollowsTheLatestSizePerEndpoint() {
        metrics.rangeSize(NODE, 2000);
        metrics.rangeSize(NODE, 500);
        metrics.rangeSize(SPARE, 10_000);
        assertEquals(500, gauge("chainwire.stream.range.size", "endpoint", NODE));
        assertEquals(10_000, gauge("chainwire.stream.range.size", "endpoint", SPARE));
        assertEquals(
                "blocks",
                meter("chainwire.stream.range.size")
                        .tag("endpoint", NODE)
                        .gauge()
                        .getId()
                        .getBaseUnit());
    }

    @Test
    void countsSubscriptionsPerEndpoint() {
        metrics.subscribed(SPARE);
        metrics.subscribed(SPARE);
        assertEquals(2, count("chainwire.stream.subscriptions", "endpoint", SPARE));
    }

    @Test
    void countsHandlerRetriesSkipsAndDeadLettersPerHandler() {
        String other = "com.example.AuditDispatcher";
        metrics.handlerRetry(HANDLER);
        metrics.handlerRetry(HANDLER);
        metrics.handlerRetry(other);
        metrics.eventSkipped(HANDLER);
        metrics.deadLetter(other);
        metrics.deadLetter(other);
        assertEquals(2, count("chainwire.stream.handler.retries", "handler", HANDLER));
        assertEquals(1, count("chainwire.stream.handler.retries", "handler", other));
        assertEquals(1, count("chainwire.stream.handler.skips", "handler", HANDLER));
        assertTrue(registry.find("chainwire.stream.handler.skips")
                .tag("handler", other)
                .meters()
                .isEmpty());
        assertEquals(2, count("chainwire.stream.handler.dead.letters", "handler", other));
    }

    @Test
    void countsUndecodableLogsPerHandler() {
        metrics.undecodableLog(HANDLER);
        metrics.undecodableLog(HANDLER);
        metrics.undecodableLog("com.example.AuditDispatcher");
        assertEquals(2, count("chainwire.stream.undecodable.logs", "handler", HANDLER));
        assertEquals(1, count("chainwire.stream.undecodable.logs", "handler", "com.example.AuditDispatcher"));
    }

    @Test
    void twoStreamsInOneRegistryKeepTheirOwnMeters() {
        MicrometerStreamMetrics other = new MicrometerStreamMetrics(registry, "other");
        metrics.eventsDelivered(3);
        other.eventsDelivered(7);
        metrics.blockHandled(10);
        other.blockHandled(20);
        metrics.rpcRetry(NODE);
        other.rpcRetry(NODE);
        other.rpcRetry(NODE);
        assertEquals(3, count("chainwire.stream.events.delivered"));
        assertEquals(
                7,
                registry.get("chainwire.stream.events.delivered")
                        .tag("stream", "other")
                        .counter()
                        .count());
        assertEquals(10, gauge("chainwire.stream.block.handled"));
        assertEquals(
                20,
                registry.get("chainwire.stream.block.handled")
                        .tag("stream", "other")
                        .gauge()
                        .value());
        assertEquals(1, count("chainwire.stream.rpc.retries", "endpoint", NODE));
        assertEquals(
                2,
                registry.get("chainwire.stream.rpc.retries")
                        .tags("stream", "other", "endpoint", NODE)
                        .counter()
                        .count());
    }

    @Test
    void aMeterTheRegistryRefusesIsNotRecordedAndNeverThrowsAtTheStream() {
        Gauge.builder("chainwire.stream.rpc.retries", () -> 42)
                .tags("stream", "hello", "endpoint", NODE)
                .register(registry);
        Counter.builder("chainwire.stream.range.size")
                .tags("stream", "hello", "endpoint", NODE)
                .register(registry);
        assertThrows(
                IllegalArgumentException.class,
                () -> Counter.builder("chainwire.stream.rpc.retries")
                        .tags("stream", "hello", "endpoint", NODE)
                        .register(registry),
                "the registry refuses a counter where a gauge is");

        assertDoesNotThrow(() -> metrics.rpcRetry(NODE));
        assertDoesNotThrow(() -> metrics.rpcRetry(NODE));
        assertDoesNotThrow(() -> metrics.rangeSize(NODE, 100));
        metrics.rpcRetry(SPARE);

        assertEquals(42, gauge("chainwire.stream.rpc.retries", "endpoint", NODE), "the existing meter is untouched");
        assertEquals(1, count("chainwire.stream.rpc.retries", "endpoint", SPARE), "other endpoints are still counted");
        assertEquals(0, count("chainwire.stream.range.size", "endpoint", NODE), "the existing counter is untouched");
    }

    @Test
    void countsEveryCallFromConcurrentThreads() throws Exception {
        int threads = 4;
        int calls = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String handler = "handler-" + (t % 2);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        metrics.rpcRetry(NODE);
                        metrics.handlerRetry(handler);
                        metrics.eventsDelivered(1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * calls, count("chainwire.stream.rpc.retries", "endpoint", NODE));
        assertEquals(threads * calls, count("chainwire.stream.events.delivered"));
        assertEquals(threads * calls / 2, count("chainwire.stream.handler.retries", "handler", "handler-0"));
        assertEquals(threads * calls / 2, count("chainwire.stream.handler.retries", "handler", "handler-1"));
    }

    @Test
    void rejectsAnInvalidStreamIdOrAMissingRegistry() {
        IllegalArgumentException badId =
                assertThrows(IllegalArgumentException.class, () -> new MicrometerStreamMetrics(registry, "no spaces"));
        assertTrue(badId.getMessage().contains("stream id"), badId.getMessage());
        NullPointerException noRegistry =
                assertThrows(NullPointerException.class, () -> new MicrometerStreamMetrics(null, "hello"));
        assertEquals("registry", noRegistry.getMessage());
    }
}
