package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.AbiDecodingException;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.TransientHandlerException;
import io.chainwire.handler.UndecodableLogException;
import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.HandlerFailedException;
import io.chainwire.stream.StreamMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final StreamId STREAM = StreamId.of("delivery");
    private static final Hash TOPIC = Hash.keccak256("Event()");
    private static final Address TRACKED = Address.fromHex("0x00000000000000000000000000000000000000aa");

    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final List<String> calls = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final StreamMetrics metrics = new StreamMetrics() {
        @Override
        public void undecodableLog(String handler) {
            counted.add("undecodable");
        }
    };
    private final UndecodableLogs undecodable = new UndecodableLogs();
    private final Leadership leadership = new Leadership(
            STREAM,
            store,
            "test",
            Duration.ofMinutes(1),
            Duration.ofSeconds(20),
            EngineClock.SYSTEM,
            StreamMetrics.NONE);

    private static BlockRef block(long number) {
        return new BlockRef(number, Hash.keccak256("block " + number), Hash.keccak256("block " + (number - 1)));
    }

    private static RawLog log(long block, int index) {
        LogMeta meta = new LogMeta(Address.ZERO, block, block(block).hash(), Hash.keccak256("tx " + block), 0, index);
        return new RawLog(List.of(TOPIC), Bytes.EMPTY, meta);
    }

    /** A dispatcher named {@code name} that records its calls and throws what {@code failure} gives. */
    private EventDispatcher handler(String name, Predicate<EventContext> fails, RuntimeException failure) {
        return new EventDispatcher() {
            @Override
            public Set<Hash> topics() {
                return Set.of(TOPIC);
            }

            @Override
            public boolean dispatch(RawLog log, EventContext context) {
                calls.add(name + (context.removed() ? " removes " : " handles ")
                        + context.meta().blockNumber() + "/" + context.meta().logIndex());
                if (fails.test(context)) {
                    throw failure;
                }
                return true;
            }
        };
    }

    private EventDispatcher handler(String name) {
        return handler(name, context -> false, null);
    }

    /** Returns a delivery leading the stream, on top of what the store committed so far. */
    private Delivery delivery(ErrorPolicy policy, EventDispatcher... handlers) {
        return delivery(policy, false, handlers);
    }

    private Delivery delivery(ErrorPolicy policy, boolean strictDecoding, EventDispatcher... handlers) {
        leadership.tryAcquire();
        return new Delivery(
                STREAM,
                store,
                leadership,
                true,
                store.load(STREAM).map(Checkpoint::head),
                StreamRecord.EMPTY,
                List.of(handlers),
                policy,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), new Random(3)),
                3,
                new StopSignal(EngineClock.SYSTEM),
                metrics,
                undecodable,
                strictDecoding,
                Set.of(TRACKED));
    }

    @Test
    void appliesSettledLogsAndSeveralBlocksInOrderRecordingEachBlockWithItsLogs() {
        delivery(ErrorPolicy.STOP, handler("a"))
                .apply(
                        List.of(log(1, 0), log(2, 0)),
                        List.of(
                                new BlockLogs(block(3), List.of(log(3, 0))),
                                new BlockLogs(block(4), List.of(log(4, 0), log(4, 1)))));

        assertEquals(
                List.of("a handles 1/0", "a handles 2/0", "a handles 3/0", "a handles 4/0", "a handles 4/1"), calls);
        Checkpoint checkpoint = store.load(STREAM).orElseThrow();
        assertEquals(List.of(block(3), block(4)), checkpoint.recentBlocks());
        assertEquals(List.of(log(4, 0), log(4, 1)), checkpoint.delivered(4).orElseThrow());
    }

    @Test
    void aFailureInTheLastBlockOfARangeUndoesTheWholeRange() {
        Delivery delivery = delivery(
                ErrorPolicy.STOP,
                handler("a", context -> context.meta().blockNumber() == 3, new IllegalStateException("bad event")));

        assertThrows(
                HandlerFailedException.class,
                () -> delivery.apply(
                        List.of(log(1, 0)),
                        List.of(
                                new BlockLogs(block(2), List.of(log(2, 0))),
                                new BlockLogs(block(3), List.of(log(3, 0))))));

        assertTrue(store.load(STREAM).isEmpty(), "one unit of work for the range: nothing of it was committed");
    }

    @Test
    void givesEachLogToEveryHandlerInRegistrationOrderThenCheckpointsTheBlock() {
        delivery(ErrorPolicy.STOP, handler("a"), handler("b"))
                .apply(new BlockLogs(block(7), List.of(log(7, 0), log(7, 1))));

        assertEquals(List.of("a handles 7/0", "b handles 7/0", "a handles 7/1", "b handles 7/1"), calls);
        assertEquals(block(7), store.load(STREAM).orElseThrow().head());
    }

    @Test
    void deliversRemovalsNewestBlockFirstInReverseLogOrderAndRollsBackInTheSameUnitOfWork() {
        Delivery delivery = delivery(ErrorPolicy.STOP, handler("a"));
        delivery.apply(new BlockLogs(block(1), List.of(log(1, 0))));
        delivery.apply(new BlockLogs(block(2), List.of(log(2, 0), log(2, 1))));
        delivery.apply(new BlockLogs(block(3), List.of(log(3, 0), log(3, 1))));
        calls.clear();

        delivery.rollBack(
                List.of(
                        new BlockLogs(block(3), List.of(log(3, 0), log(3, 1))),
                        new BlockLogs(block(2), List.of(log(2, 0), log(2, 1)))),
                block(1));

        assertEquals(List.of("a removes 3/1", "a removes 3/0", "a removes 2/1", "a removes 2/0"), calls);
        assertEquals(block(1), store.load(STREAM).orElseThrow().head());
    }

    @Test
    void stopFailsAndLeavesTheCheckpointBeforeTheBlock() {
        Delivery delivery = delivery(
                ErrorPolicy.STOP,
                handler("a", context -> context.meta().logIndex() == 1, new IllegalStateException("bad event")));
        delivery.apply(new BlockLogs(block(1), List.of(log(1, 0))));

        HandlerFailedException failure = assertThrows(
                HandlerFailedException.class,
                () -> delivery.apply(new BlockLogs(block(2), List.of(log(2, 0), log(2, 1)))));

        assertEquals(log(2, 1).meta().eventKey(), failure.key());
        assertEquals(2, failure.blockNumber());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals(block(1), store.load(STREAM).orElseThrow().head());
    }

    @Test
    void skipAndDeadLetterGoOnToTheNextHandlerAndLog() {
        EventDispatcher failing = handler("a", context -> true, new IllegalStateException("bad event"));
        delivery(ErrorPolicy.SKIP, failing, handler("b")).apply(new BlockLogs(block(1), List.of(log(1, 0))));
        delivery(ErrorPolicy.DEAD_LETTER, failing, handler("b")).apply(new BlockLogs(block(2), List.of(log(2, 0))));

        assertEquals(List.of("a handles 1/0", "b handles 1/0", "a handles 2/0", "b handles 2/0"), calls);
        assertEquals(block(2), store.load(STREAM).orElseThrow().head());
        assertEquals(
                List.of(log(2, 0)),
                store.deadLetters(STREAM, 10).stream()
                        .map(letter -> letter.log())
                        .toList());
    }

    @Test
    void retriesTransientFailuresIncludingThoseCausedByIoAndFailsWhenTheyPersist() {
        int[] failures = {2};
        delivery(
                        ErrorPolicy.SKIP,
                        handler(
                                "a",
                                context -> failures[0]-- > 0,
                                new UncheckedIOException(new IOException("connection reset"))))
                .apply(new BlockLogs(block(1), List.of(log(1, 0))));
        assertEquals(List.of("a handles 1/0", "a handles 1/0", "a handles 1/0"), calls);

        calls.clear();
        HandlerFailedException failure = assertThrows(
                HandlerFailedException.class,
                () -> delivery(
                                ErrorPolicy.SKIP,
                                handler("a", context -> true, new TransientHandlerException("still down")))
                        .apply(new BlockLogs(block(2), List.of(log(2, 0)))));
        assertEquals(3, calls.size());
        assertTrue(failure.getMessage().contains("transiently, 3 times in a row"), failure.getMessage());
        assertEquals(block(1), store.load(STREAM).orElseThrow().head());
    }

    @Test
    void aFailureInARangeNamesTheEventsBlockAndWhereTheCheckpointStays() {
        delivery(ErrorPolicy.STOP, handler("a")).apply(new BlockLogs(block(1), List.of(log(1, 0))));
        Delivery delivery = delivery(
                ErrorPolicy.STOP,
                handler("a", context -> context.meta().blockNumber() == 3, new IllegalStateException("bad event")));

        HandlerFailedException failure = assertThrows(
                HandlerFailedException.class,
                () -> delivery.apply(
                        List.of(),
                        List.of(
                                new BlockLogs(block(2), List.of(log(2, 0))),
                                new BlockLogs(block(3), List.of(log(3, 0))))));

        assertEquals(3, failure.blockNumber());
        assertTrue(
                failure.getMessage().contains("failed on the event in block 3 (" + block(3).hash() + ")"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("; the checkpoint stays at " + block(1) + ": "), failure.getMessage());
    }

    @Test
    void aLogThatDoesNotDecodeAsItsEventIsPassedOverCountedAndDeadLettered() {
        EventDispatcher rejecting = handler(
                "a",
                context -> true,
                new UndecodableLogException(
                        log(1, 0).meta(), "Event()", new AbiDecodingException("Event", "data", "is empty")));
        Delivery delivery = delivery(ErrorPolicy.STOP, rejecting, handler("b"));

        delivery.apply(new BlockLogs(block(1), List.of(log(1, 0))));
        delivery.apply(new BlockLogs(block(2), List.of(log(2, 0))));

        assertEquals(List.of("a handles 1/0", "b handles 1/0", "a handles 2/0", "b handles 2/0"), calls);
        assertEquals(List.of("undecodable", "undecodable"), counted);
        assertEquals(block(2), store.load(STREAM).orElseThrow().head());
        assertEquals(
                List.of(log(1, 0), log(2, 0)),
                store.deadLetters(STREAM, 10).stream()
                        .map(letter -> letter.log())
                        .toList());
    }

    @Test
    void strictDecodingFailsOnAnUndecodableLogOfATrackedAddressOnly() {
        RawLog tracked = new RawLog(
                List.of(TOPIC), Bytes.EMPTY, new LogMeta(TRACKED, 1, block(1).hash(), Hash.keccak256("tx 1"), 0, 1));
        EventDispatcher rejecting = handler(
                "a",
                context -> true,
                new UndecodableLogException(
                        log(1, 0).meta(), "Event()", new AbiDecodingException("Event", "data", "is empty")));
        Delivery delivery = delivery(ErrorPolicy.SKIP, true, rejecting);

        HandlerFailedException failure = assertThrows(
                HandlerFailedException.class,
                () -> delivery.apply(new BlockLogs(block(1), List.of(log(1, 0), tracked))));

        assertEquals(tracked.meta().eventKey(), failure.key());
        assertTrue(
                failure.getMessage().contains("(it does not decode as Event() and decoding is strict)"),
                failure.getMessage());
    }

    @Test
    void aCopyThatLostItsLeaseDeliversNothingMore() {
        Delivery delivery = delivery(ErrorPolicy.STOP, handler("a"));
        delivery.apply(new BlockLogs(block(1), List.of(log(1, 0))));
        leadership.demote("another copy took over");

        assertThrows(LeaseLost.class, () -> delivery.apply(new BlockLogs(block(2), List.of(log(2, 0)))));
        assertEquals(List.of("a handles 1/0"), calls);
        assertEquals(block(1), store.load(STREAM).orElseThrow().head());
    }

    @Test
    void handlersGetTheRawLogTheyAreDeliveredFrom() {
        List<RawLog> seen = new ArrayList<>();
        EventDispatcher raw = new EventDispatcher() {
            @Override
            public Set<Hash> topics() {
                return Set.of(TOPIC);
            }

            @Override
            public boolean dispatch(RawLog log, EventContext context) {
                seen.add(context.rawLog().orElseThrow());
                return true;
            }
        };
        delivery(ErrorPolicy.STOP, raw).apply(new BlockLogs(block(1), List.of(log(1, 0), log(1, 1))));

        assertEquals(List.of(log(1, 0), log(1, 1)), seen);
    }
}
