package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.RawLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointStoreTest extends TransactionalStoreContract {
    @TempDir
    Path directory;

    Path file() {
        return directory.resolve("nested/dir/chainwire.db");
    }

    @Override
    CheckpointStore open(String tablePrefix, int recentBlocks) {
        return SqliteCheckpointStore.builder(file())
                .tablePrefix(tablePrefix)
                .recentBlocks(recentBlocks)
                .build();
    }

    @Override
    Connection inspect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Test
    void storesItsTablesInAWriteAheadLoggedFile() throws SQLException {
        try (Connection connection = inspect();
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
    }

    /** The tables chainwire's schema version 1 created in SQLite, with the default prefix. */
    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE chainwire_schema_version (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)",
            "CREATE TABLE chainwire_blocks (stream_id VARCHAR(64) NOT NULL, block_number BIGINT NOT NULL,"
                    + " block_hash VARCHAR(66) NOT NULL, parent_hash VARCHAR(66) NOT NULL, PRIMARY KEY (stream_id, block_number))",
            "CREATE TABLE chainwire_dead_letters (id INTEGER PRIMARY KEY, stream_id VARCHAR(64) NOT NULL,"
                    + " block_number BIGINT NOT NULL, block_hash VARCHAR(66) NOT NULL, transaction_hash VARCHAR(66) NOT NULL,"
                    + " transaction_index INTEGER NOT NULL, log_index INTEGER NOT NULL, address VARCHAR(42) NOT NULL,"
                    + " topic0 VARCHAR(66), topic1 VARCHAR(66), topic2 VARCHAR(66), topic3 VARCHAR(66), data BLOB NOT NULL,"
                    + " log_removed BOOLEAN NOT NULL, handler TEXT NOT NULL, error TEXT NOT NULL, stack_trace TEXT NOT NULL,"
                    + " recorded_at TEXT NOT NULL, orphaned BOOLEAN NOT NULL)",
            "CREATE INDEX chainwire_dead_letters_by_block ON chainwire_dead_letters (stream_id, block_number, log_index)",
            "INSERT INTO chainwire_schema_version (id, version) VALUES (1, 1)");

    @Test
    void migratesAVersion1FileWhoseBlocksHaveNoDeliveredLogs() throws SQLException {
        Path old = directory.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement statement = connection.createStatement()) {
            for (String sql : VERSION_1) {
                statement.execute(sql);
            }
            for (long number = 1; number <= 2; number++) {
                BlockRef block = A.block(number);
                statement.execute("INSERT INTO chainwire_blocks VALUES ('" + stream + "', " + number + ", '"
                        + block.hash().toHex() + "', '" + block.parentHash().toHex() + "')");
            }
        }

        try (CheckpointStore migrated = SqliteCheckpointStore.builder(old).build()) {
            Checkpoint checkpoint = migrated.load(stream).orElseThrow();
            assertEquals(List.of(A.block(1), A.block(2)), checkpoint.recentBlocks());
            assertEquals(Map.of(), checkpoint.deliveredLogs(), "blocks handled by version 1 have no stored logs");

            Lease lease =
                    migrated.acquireLease(stream, "copy", Duration.ofMinutes(1)).orElseThrow();
            try (UnitOfWork work = migrated.begin(lease, Optional.of(A.block(2)))) {
                work.markHandled(A.block(3), List.of(A.log(3, 0), A.log(3, 5)));
                work.commit();
            }
            try (UnitOfWork work = migrated.begin(stream)) {
                work.recordDeadLetter(A.log(3, 5), "handler", new IllegalStateException("boom"));
                work.commit();
            }
        }
        try (CheckpointStore reopened = SqliteCheckpointStore.builder(old).build()) {
            Checkpoint checkpoint = reopened.load(stream).orElseThrow();
            assertEquals(List.of(A.block(1), A.block(2), A.block(3)), checkpoint.recentBlocks());
            assertEquals(Optional.empty(), checkpoint.delivered(2));
            assertEquals(Optional.of(List.<RawLog>of(A.log(3, 0), A.log(3, 5))), checkpoint.delivered(3));
            assertEquals(A.log(3, 5), reopened.deadLetters(stream, 10).get(0).log());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement statement = connection.createStatement();
                ResultSet version =
                        statement.executeQuery("SELECT version FROM chainwire_schema_version WHERE id = 1")) {
            version.next();
            assertEquals(3, version.getInt(1));
        }
    }

    @Test
    void aCopyHoldingTheFileKeepsOthersWaitingUntilItsUnitOfWorkEnds() {
        try (CheckpointStore standby = SqliteCheckpointStore.builder(file())
                .tablePrefix(tablePrefix)
                .busyTimeout(Duration.ofMillis(50))
                .build()) {
            Lease leader =
                    store.acquireLease(stream, "copy-1", Duration.ofMillis(1)).orElseThrow();
            try (UnitOfWork paused = store.begin(leader, Optional.empty())) {
                paused.markHandled(A.block(1));
                CheckpointException busy = assertThrows(
                        CheckpointException.class, () -> standby.acquireLease(stream, "copy-2", Duration.ofMinutes(1)));
                assertTrue(busy.isTransient(), busy::toString);
                paused.commit();
            }
            Lease taken = standby.acquireLease(stream, "copy-2", Duration.ofMinutes(1))
                    .orElseThrow();
            assertEquals(leader.epoch() + 1, taken.epoch());
        }
    }
}
