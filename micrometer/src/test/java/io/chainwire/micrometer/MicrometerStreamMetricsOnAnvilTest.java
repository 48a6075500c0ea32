package io.chainwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stream on a real anvil node reports what it did to a Micrometer registry. */
@AnvilTest
class MicrometerStreamMetricsOnAnvilTest {
    private static final Path HELLO = Path.of("..", "samples", "hello", "src", "main", "solidity", "Hello.sol");
    private static final Hash MESSAGE_SENT = Hash.keccak256("MessageSent(address,string)");
    /** A bound against a hung stream, not a timing expectation. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    private static final int EMPTY_BLOCKS = 300;

    /** The simplest handler: counts the MessageSent events it is given. */
    private static final class MessageCounter implements EventDispatcher {
        private final AtomicInteger messages = new AtomicInteger();

        @Override
        public Set<Hash> topics() {
            return Set.of(MESSAGE_SENT);
        }

        @Override
        public boolean dispatch(RawLog log, EventContext context) {
            if (!log.topic(0).equals(MESSAGE_SENT)) {
                return false;
            }
            messages.incrementAndGet();
            return true;
        }
    }

    @Test
    void countersAndGaugesFollowTheBlocksAndEventsTheStreamHandles(Anvil anvil) throws Exception {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(HELLO, "Hello"));
        long deployBlock = anvil.blockNumber();
        for (String message : new String[] {"gm", "hello, chain", "third"}) {
            contracts.send(hello, send(message));
        }
        anvil.mine(EMPTY_BLOCKS);
        long head = anvil.blockNumber();

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MessageCounter handler = new MessageCounter();
        EventStream stream = EventStream.builder()
                .id("hello-metrics")
                .endpoint(anvil.httpUrl().toString())
                .address(hello)
                .fromBlock(deployBlock)
                .checkpointStore(new InMemoryCheckpointStore())
                .handler(handler)
                .pollInterval(Duration.ofMillis(50))
                .metrics(new MicrometerStreamMetrics(registry, "hello-metrics"))
                .build();
        Metrics metrics = new Metrics(registry);

        StreamHandle handle = stream.start();
        try {
            assertTrue(handle.awaitLive(HANG_GUARD), "live: " + handle.state() + " " + handle.failure());
            assertEquals(3, handler.messages.get());
            assertEquals(3, metrics.count("chainwire.stream.events.delivered"));
            assertEquals(head, metrics.gauge("chainwire.stream.block.handled"));
            assertEquals(0, metrics.gauge("chainwire.stream.head.lag"));
            double scanned = metrics.count("chainwire.stream.blocks.scanned");
            assertTrue(scanned > 0 && scanned <= head - deployBlock + 1, "backfill covered " + scanned + " blocks");

            TransactionReceipt live = contracts.send(hello, send("while live"));
            awaitHandled(handle, live.blockNumber());
            assertEquals(4, handler.messages.get());
            assertEquals(4, metrics.count("chainwire.stream.events.delivered"));
            assertEquals(live.blockNumber(), metrics.gauge("chainwire.stream.block.handled"));
            assertEquals(1, metrics.state(StreamState.LIVE));
            assertEquals(0, metrics.state(StreamState.BACKFILLING));
            assertEquals(1, metrics.role(StreamRole.LEADER));
            assertEquals(1, metrics.gauge("chainwire.stream.lease.epoch"));
            assertEquals(0, metrics.gauge("chainwire.stream.stalled"));
        } finally {
            handle.close();
        }
        assertTrue(handle.awaitTermination(HANG_GUARD), "stopped: " + handle.state());
        assertEquals(1, metrics.state(StreamState.STOPPED));
        assertEquals(0, metrics.state(StreamState.LIVE));
        assertEquals(0, metrics.count("chainwire.stream.events.removed"));
        assertEquals(0, metrics.count("chainwire.stream.reorgs"));
        assertEquals(1, metrics.role(StreamRole.STANDBY), "a stopped copy leads no more");
    }

    @Test
    void twoCopiesOnOneStoreReportWhichLeadsWithWhichEpoch(Anvil anvil) throws Exception {
        Contracts contracts = new Contracts(anvil);
        Address hello = contracts.deploy(Solidity.compile(HELLO, "Hello"));
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        // One registry per copy, as each copy runs in a process of its own.
        Metrics first = new Metrics(new SimpleMeterRegistry());
        Metrics second = new Metrics(new SimpleMeterRegistry());
        StreamHandle leader = copy(anvil, hello, store, first).start();
        try {
            assertTrue(leader.awaitLive(HANG_GUARD), "live: " + leader.state() + " " + leader.failure());
            StreamHandle standby = copy(anvil, hello, store, second).start();
            try {
                awaitState(standby, StreamState.STANDBY);
                assertEquals(1, first.role(StreamRole.LEADER));
                assertEquals(1, first.gauge("chainwire.stream.lease.epoch"));
                assertEquals(1, second.role(StreamRole.STANDBY));
                assertEquals(0, second.count("chainwire.stream.role.changes", "role", "LEADER"));
                assertEquals(1, second.state(StreamState.STANDBY));

                leader.close();
                assertTrue(standby.awaitLive(HANG_GUARD), "live: " + standby.state() + " " + standby.failure());
                assertEquals(1, second.role(StreamRole.LEADER));
                assertEquals(2, second.gauge("chainwire.stream.lease.epoch"));
                assertEquals(1, second.count("chainwire.stream.role.changes", "role", "LEADER"));
                assertEquals(1, first.role(StreamRole.STANDBY));
                assertEquals(1, first.count("chainwire.stream.role.changes", "role", "LEADER"));
                assertEquals(1, first.count("chainwire.stream.role.changes", "role", "STANDBY"));
            } finally {
                standby.close();
            }
        } finally {
            leader.close();
        }
    }

    private static EventStream copy(Anvil anvil, Address hello, InMemoryCheckpointStore store, Metrics metrics) {
        return EventStream.builder()
                .id("hello-metrics")
                .endpoint(anvil.httpUrl().toString())
                .address(hello)
                .checkpointStore(store)
                .handler(new MessageCounter())
                .pollInterval(Duration.ofMillis(50))
                .lease(Duration.ofSeconds(1), Duration.ofMillis(300))
                .metrics(new MicrometerStreamMetrics(metrics.registry(), "hello-metrics"))
                .build();
    }

    private static void awaitState(StreamHandle handle, StreamState state) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (handle.state() != state) {
            assertTrue(
                    System.nanoTime() - deadline < 0 && !handle.state().isTerminal(),
                    "not " + state + ": " + handle.state() + " " + handle.failure());
            Thread.sleep(20);
        }
    }

    private static Bytes send(String message) {
        return Calldata.function("send(string)").string(message).encode();
    }

    /** Waits until the stream has handled block {@code number}; the metrics are recorded before that. */
    private static void awaitHandled(StreamHandle handle, long number) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (handle.lastHandledBlock().map(block -> block.number() < number).orElse(true)) {
            assertTrue(
                    System.nanoTime() - deadline < 0 && !handle.state().isTerminal(),
                    "block " + number + " not handled: " + handle.state() + " at " + handle.lastHandledBlock() + " "
                            + handle.failure());
            Thread.sleep(20);
        }
    }

    /** Reads the meters of the stream under test. */
    private record Metrics(SimpleMeterRegistry registry) {
        private RequiredSearch meter(String name) {
            return registry.get(name).tag("stream", "hello-metrics");
        }

        double count(String name, String... tags) {
            return meter(name).tags(tags).counter().count();
        }

        double gauge(String name) {
            return meter(name).gauge().value();
        }

        double state(StreamState state) {
            return meter("chainwire.stream.state")
                    .tag("state", state.name())
                    .gauge()
                    .value();
        }

        double role(StreamRole role) {
            return meter("chainwire.stream.role")
                    .tag("role", role.name())
                    .gauge()
                    .value();
        }
    }
}
