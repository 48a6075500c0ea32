package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.EventKey;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.handler.TransientHandlerException;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@AnvilTest
class HandlerFailuresOnAnvilTest {
    /** Sends five pings of two events; returns their logs. The fourth event (round 1, seq 1) is the poisoned one. */
    private static List<RawLog> fivePings(EmitterChain chain) {
        for (int round = 0; round < 5; round++) {
            chain.ping(round, 2);
        }
        return chain.canonicalPings();
    }

    private static Recorder failingOn(EventKey poisoned) {
        return new Recorder().before((log, context) -> {
            if (!context.removed() && context.key().equals(poisoned)) {
                throw new IllegalArgumentException("cannot handle " + context.key());
            }
        });
    }

    @Test
    void stopFailsTheStreamAtTheEventAndKeepsTheCheckpointBeforeItsBlock(Anvil anvil) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        List<RawLog> pings = fivePings(chain);
        RawLog poisoned = pings.get(3);
        Recorder recorder = failingOn(poisoned.meta().eventKey());
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();

        try (StreamHandle handle = chain.stream("stop")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(store)
                .handler(recorder)
                .build()
                .start()) {
            assertTrue(handle.awaitTermination(Waits.HANG_GUARD));
            assertEquals(StreamState.FAILED, handle.state());
            HandlerFailedException failure = assertInstanceOf(
                    HandlerFailedException.class, handle.failure().orElseThrow());
            assertEquals(poisoned.meta().eventKey(), failure.key());
            assertEquals(poisoned.meta().blockNumber(), failure.blockNumber());
            assertEquals(Recorder.class.getName(), failure.handler());
            assertInstanceOf(IllegalArgumentException.class, failure.getCause());
            assertTrue(
                    failure.getMessage()
                            .contains("the checkpoint stays at block "
                                    + (poisoned.meta().blockNumber() - 1) + " ("),
                    failure.getMessage());
        }
        long checkpoint = store.load(StreamId.of("stop")).orElseThrow().head().number();
        assertEquals(poisoned.meta().blockNumber() - 1, checkpoint);
        assertEquals(
                Recorder.keys(pings.subList(0, 3)),
                recorder.deliveries().stream().map(Recorder.Delivery::key).toList());
    }

    @Test
    void skipLogsTheEventAndGoesOn(Anvil anvil) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        List<RawLog> pings = fivePings(chain);
        Recorder recorder = failingOn(pings.get(3).meta().eventKey());
        CountingMetrics metrics = new CountingMetrics();

        try (StreamHandle handle = chain.stream("skip")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(new InMemoryCheckpointStore())
                .errorPolicy(ErrorPolicy.SKIP)
                .handler(recorder)
                .metrics(metrics)
                .build()
                .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        List<RawLog> expected = new ArrayList<>(pings);
        expected.remove(3);
        recorder.assertExactlyOnceInOrder(expected);
        assertEquals(1, metrics.count("eventSkipped"));
    }

    @Test
    void deadLetterRecordsTheEventInTheStoreAndGoesOn(Anvil anvil, @TempDir Path directory) {
        EmitterChain chain = EmitterChain.deploy(anvil);
        List<RawLog> pings = fivePings(chain);
        RawLog poisoned = pings.get(3);
        Recorder recorder = failingOn(poisoned.meta().eventKey());

        try (CheckpointStore store =
                SqliteCheckpointStore.builder(directory.resolve("dead.db")).build()) {
            try (StreamHandle handle = chain.stream("dead")
                    .endpoint(anvil.httpUrl().toString())
                    .checkpointStore(store)
                    .errorPolicy(ErrorPolicy.DEAD_LETTER)
                    .handler(recorder)
                    .build()
                    .start()) {
                Waits.handled(handle, anvil.blockNumber());
            }
            List<DeadLetter> letters = store.deadLetters(StreamId.of("dead"), 10);
            assertEquals(1, letters.size());
            assertEquals(poisoned, letters.get(0).log());
            assertEquals(Recorder.class.getName(), letters.get(0).handler());
            assertTrue(
                    letters.get(0).error().contains("cannot handle"),
                    letters.get(0).error());
        }
        List<RawLog> expected = new ArrayList<>(pings);
        expected.remove(3);
        recorder.assertExactlyOnceInOrder(expected);
    }

    /**
     * In transactional mode a handler writes a row per event through the unit of work's connection (the table's primary
     * key rejects a second row for an event) and fails transiently the first two times it sees each event: each failed
     * call's row is undone, the retry writes it again, and the table ends with one row per event.
     */
    @Test
    void retriesTransientFailuresAndUndoesTheFailedCallsWrites(Anvil anvil, @TempDir Path directory)
            throws SQLException {
        EmitterChain chain = EmitterChain.deploy(anvil);
        List<RawLog> pings = fivePings(chain);
        Path file = directory.resolve("transactional.db");
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE seen (block_hash TEXT, tx_hash TEXT, log_index INTEGER,"
                    + " PRIMARY KEY (block_hash, tx_hash, log_index))");
        }
        Map<EventKey, AtomicInteger> calls = new ConcurrentHashMap<>();
        Recorder recorder = new Recorder().before((log, context) -> {
            Connection connection = context.connection().orElseThrow();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO seen VALUES (?, ?, ?)")) {
                insert.setString(1, context.key().blockHash().toHex());
                insert.setString(2, context.key().transactionHash().toHex());
                insert.setInt(3, context.key().logIndex());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (calls.computeIfAbsent(context.key(), key -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new TransientHandlerException("downstream busy");
            }
        });
        CountingMetrics metrics = new CountingMetrics();

        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                StreamHandle handle = chain.stream("transient")
                        .endpoint(anvil.httpUrl().toString())
                        .checkpointStore(store)
                        .handler(recorder)
                        .metrics(metrics)
                        .build()
                        .start()) {
            Waits.handled(handle, anvil.blockNumber());
        }
        recorder.assertExactlyOnceInOrder(pings);
        assertEquals(2L * pings.size(), metrics.count("handlerRetry"));
        try (Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = check.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM seen")) {
            rows.next();
            assertEquals(pings.size(), rows.getInt(1));
        }
    }

    @Test
    void aTransientFailureThatPersistsFailsTheStream(Anvil anvil) throws Exception {
        EmitterChain chain = EmitterChain.deploy(anvil);
        List<RawLog> pings = fivePings(chain);
        Recorder recorder = new Recorder().before((log, context) -> {
            throw new TransientHandlerException("never recovers");
        });

        try (StreamHandle handle = chain.stream("persistent")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(new InMemoryCheckpointStore())
                .handlerAttempts(3)
                .errorPolicy(ErrorPolicy.SKIP)
                .handler(recorder)
                .build()
                .start()) {
            assertTrue(handle.awaitTermination(Waits.HANG_GUARD));
            HandlerFailedException failure = assertInstanceOf(
                    HandlerFailedException.class, handle.failure().orElseThrow());
            assertEquals(pings.get(0).meta().eventKey(), failure.key());
            assertTrue(failure.getMessage().contains("3 times in a row"), failure.getMessage());
        }
        assertEquals(0, recorder.count());
    }
}
