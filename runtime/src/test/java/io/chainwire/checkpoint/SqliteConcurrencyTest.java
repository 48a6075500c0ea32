package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers and writers sharing one SQLite checkpoint file while a stream commits. */
class SqliteConcurrencyTest {
    private static final int BLOCKS = 200;
    private static final int READERS = 3;
    private static final String TRANSFERS = "chainwire_test_transfers";

    @TempDir
    Path directory;

    private Path file;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void createHandlerTable() throws SQLException {
        file = directory.resolve("shared.db");
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
                UnitOfWork work = store.begin(StreamId.of("setup"));
                Statement statement = work.connection().orElseThrow().createStatement()) {
            statement.execute("CREATE TABLE " + TRANSFERS
                    + " (stream_id TEXT NOT NULL, block_number BIGINT NOT NULL, log_index INTEGER NOT NULL)");
            work.commit();
        }
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
    }

    @Test
    void readersSeeConsistentSnapshotsWhileTheWriterCommits() throws Exception {
        StreamId stream = StreamId.of("readers");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Long>> readers = new ArrayList<>();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file).build()) {
            for (int i = 0; i < READERS; i++) {
                readers.add(threads.submit(() -> readUntilDone(store, stream, writing)));
            }
            Future<?> writer = threads.submit(() -> {
                try {
                    commitBlocks(store, stream);
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(120, TimeUnit.SECONDS);
            for (Future<Long> reader : readers) {
                assertEquals(BLOCKS, reader.get(120, TimeUnit.SECONDS), "a reader's last snapshot");
            }
        }
    }

    @Test
    void twoStoresOnOneFileTakeTurnsToWrite() throws Exception {
        StreamId first = StreamId.of("first");
        StreamId second = StreamId.of("second");
        try (CheckpointStore one = SqliteCheckpointStore.builder(file).build();
                CheckpointStore other = SqliteCheckpointStore.builder(file).build()) {
            Future<?> a = threads.submit(() -> commitBlocks(one, first), null);
            Future<?> b = threads.submit(() -> commitBlocks(other, second), null);
            a.get(120, TimeUnit.SECONDS);
            b.get(120, TimeUnit.SECONDS);
            assertEquals(BLOCKS, one.load(second).orElseThrow().head().number());
            assertEquals(BLOCKS, other.load(first).orElseThrow().head().number());
        }
    }

    private static void commitBlocks(CheckpointStore store, StreamId stream) {
        for (long number = 1; number <= BLOCKS; number++) {
            try (UnitOfWork work = store.begin(stream);
                    PreparedStatement insert = work.connection()
                            .orElseThrow()
                            .prepareStatement("INSERT INTO " + TRANSFERS + " VALUES (?, ?, ?)")) {
                for (int logIndex = 0; logIndex < 2; logIndex++) {
                    insert.setString(1, stream.value());
                    insert.setLong(2, number);
                    insert.setInt(3, logIndex);
                    insert.executeUpdate();
                }
                work.markHandled(CheckpointStoreContract.A.block(number));
                work.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("handler insert failed", e);
            }
        }
    }

    /**
     * Reads, in one transaction each time, the checkpoint head and the handler rows, which must agree; then the store's
     * view, which must never go back. Returns the head of the last read, made after the writer finished.
     */
    private long readUntilDone(CheckpointStore store, StreamId stream, AtomicBoolean writing) throws SQLException {
        long seen = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            boolean last = false;
            while (!last) {
                last = !writing.get();
                long head = single(
                        connection,
                        "SELECT COALESCE(MAX(block_number), 0) FROM chainwire_blocks WHERE stream_id = '" + stream
                                + "'");
                long rows =
                        single(connection, "SELECT COUNT(*) FROM " + TRANSFERS + " WHERE stream_id = '" + stream + "'");
                connection.commit();
                assertEquals(head * 2, rows, "handler rows in the snapshot of head " + head);
                long loaded = store.load(stream)
                        .map(checkpoint -> checkpoint.head().number())
                        .orElse(0L);
                assertTrue(loaded >= head && head >= seen, "heads went back: " + seen + ", " + head + ", " + loaded);
                seen = head;
            }
        }
        return seen;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
