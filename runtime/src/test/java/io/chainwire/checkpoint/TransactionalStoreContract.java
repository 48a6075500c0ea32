package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC stores promise beyond every store: handlers write through the unit of work's connection and their
 * writes commit or vanish with the checkpoint. Assertions read the tables through a connection of their own.
 */
abstract class TransactionalStoreContract extends CheckpointStoreContract {
    /** Opens a connection to the store's database, outside the store. */
    abstract Connection inspect() throws SQLException;

    String handlerTable() {
        return tablePrefix + "transfers";
    }

    @BeforeEach
    void createHandlerTable() throws SQLException {
        try (Connection connection = inspect();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE "
                            + handlerTable()
                            + " (block_number BIGINT NOT NULL, log_index INTEGER NOT NULL, PRIMARY KEY (block_number, log_index))");
        }
    }

    /** What a transactional handler does: insert a row through the unit of work's connection. */
    void insertTransfer(UnitOfWork work, long block, int logIndex) {
        try (PreparedStatement insert =
                work.connection().orElseThrow().prepareStatement("INSERT INTO " + handlerTable() + " VALUES (?, ?)")) {
            insert.setLong(1, block);
            insert.setInt(2, logIndex);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("handler insert failed", e);
        }
    }

    /** Returns the handler rows committed so far as "block/logIndex". */
    List<String> committedTransfers() throws SQLException {
        return query("SELECT block_number, log_index FROM " + handlerTable() + " ORDER BY block_number, log_index");
    }

    /** Returns the checkpoint rows committed so far for this test's stream as "block". */
    List<String> committedBlocks() throws SQLException {
        return query("SELECT block_number FROM " + tablePrefix + "blocks WHERE stream_id = '" + stream
                + "' ORDER BY block_number");
    }

    List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = inspect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(result.getString(column));
                }
                rows.add(String.join("/", values));
            }
        }
        return rows;
    }

    @Test
    void handlerWritesCommitWithTheCheckpoint() throws SQLException {
        assertTrue(store.transactional());
        try (UnitOfWork work = store.begin(stream)) {
            work.attempt(() -> insertTransfer(work, 1, 0));
            work.attempt(() -> insertTransfer(work, 1, 1));
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(List.of("1/0", "1/1"), committedTransfers());
        assertEquals(List.of("1"), committedBlocks());
    }

    @Test
    void failureBeforeCommitLeavesNeitherHandlerWritesNorCheckpoint() throws SQLException {
        handle(store, stream, A.block(1));
        IllegalStateException crash = assertThrows(IllegalStateException.class, () -> {
            try (UnitOfWork work = store.begin(stream)) {
                work.attempt(() -> insertTransfer(work, 2, 0));
                work.markHandled(A.block(2));
                work.recordDeadLetter(A.log(2, 1), "h", new RuntimeException());
                throw new IllegalStateException("crash before commit");
            }
        });
        assertEquals("crash before commit", crash.getMessage());
        assertEquals(List.of(), committedTransfers());
        assertEquals(List.of("1"), committedBlocks());
        assertEquals(List.of(), query("SELECT id FROM " + tablePrefix + "dead_letters"));
    }

    @Test
    void failedHandlerCallIsUndoneAndItsEventDeadLettered() throws SQLException {
        try (UnitOfWork work = store.begin(stream)) {
            work.attempt(() -> insertTransfer(work, 1, 0));
            RuntimeException failure = assertThrows(
                    RuntimeException.class,
                    () -> work.attempt(() -> {
                        insertTransfer(work, 1, 1);
                        throw new ArithmeticException("balance underflow");
                    }));
            work.recordDeadLetter(A.log(1, 1), "TransferHandler", failure);
            work.attempt(() -> insertTransfer(work, 1, 2));
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(List.of("1/0", "1/2"), committedTransfers());
        assertEquals(List.of("1"), committedBlocks());
        DeadLetter letter = store.deadLetters(stream, 10).get(0);
        assertEquals("java.lang.ArithmeticException: balance underflow", letter.error());
        assertEquals(A.log(1, 1), letter.log());
    }

    @Test
    void handlerWhoseSqlFailsIsUndoneAndTheUnitOfWorkStillCommits() throws SQLException {
        try (UnitOfWork work = store.begin(stream)) {
            work.attempt(() -> insertTransfer(work, 1, 0));
            // A duplicate key: PostgreSQL aborts the whole transaction unless the savepoint is restored.
            IllegalStateException failure =
                    assertThrows(IllegalStateException.class, () -> work.attempt(() -> insertTransfer(work, 1, 0)));
            work.recordDeadLetter(A.log(1, 0), "TransferHandler", failure);
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(List.of("1/0"), committedTransfers());
        assertEquals(List.of("1"), committedBlocks());
        assertTrue(store.deadLetters(stream, 1).get(0).stackTrace().contains("Caused by: "));
    }

    @Test
    void callThatFailsWithoutAskingForTheConnectionKeepsTheOtherWrites() throws SQLException {
        try (UnitOfWork work = store.begin(stream)) {
            assertThrows(
                    ArithmeticException.class,
                    () -> work.attempt(() -> {
                        throw new ArithmeticException("before any handler wrote");
                    }));
            work.attempt(() -> insertTransfer(work, 1, 0));
            assertThrows(
                    ArithmeticException.class,
                    () -> work.attempt(() -> {
                        throw new ArithmeticException("after a handler wrote");
                    }));
            work.attempt(() -> insertTransfer(work, 1, 1));
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(List.of("1/0", "1/1"), committedTransfers());
    }

    @Test
    void writesThroughAStatementKeptFromAnEarlierUnitOfWorkAreUndoneWhenTheCallFails() throws SQLException {
        PreparedStatement[] kept = new PreparedStatement[1];
        try (UnitOfWork work = store.begin(stream)) {
            work.attempt(() -> {
                try {
                    kept[0] = work.connection()
                            .orElseThrow()
                            .prepareStatement("INSERT INTO " + handlerTable() + " VALUES (?, ?)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            work.markHandled(A.block(1));
            work.commit();
        }
        try (PreparedStatement insert = kept[0]) {
            try (UnitOfWork work = store.begin(stream)) {
                // This call never asks for the connection: it writes through the statement it kept.
                assertThrows(
                        ArithmeticException.class,
                        () -> work.attempt(() -> {
                            try {
                                insert.setLong(1, 2);
                                insert.setInt(2, 0);
                                insert.executeUpdate();
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                            throw new ArithmeticException("after writing through a kept statement");
                        }));
                work.attempt(() -> insertTransfer(work, 2, 1));
                work.markHandled(A.block(2));
                work.commit();
            }
        }
        assertEquals(List.of("2/1"), committedTransfers());
    }

    @Test
    void reorgRemovesHandlerRowsAndRollsBackTheCheckpointInOneUnitOfWork() throws SQLException {
        for (long number = 1; number <= 4; number++) {
            try (UnitOfWork work = store.begin(stream)) {
                long block = number;
                work.attempt(() -> insertTransfer(work, block, 0));
                work.markHandled(A.block(block));
                work.commit();
            }
        }
        try (UnitOfWork work = store.begin(stream)) {
            for (long number = 4; number > 2; number--) {
                long removed = number;
                work.attempt(() -> deleteTransfers(work, removed));
            }
            work.rollbackTo(A.block(2));
            work.commit();
        }
        assertEquals(List.of("1/0", "2/0"), committedTransfers());
        assertEquals(List.of("1", "2"), committedBlocks());

        try (UnitOfWork work = store.begin(stream)) {
            work.attempt(() -> insertTransfer(work, 3, 5));
            work.markHandled(A.forkedAt(2, "b", 3));
            work.commit();
        }
        assertEquals(List.of("1/0", "2/0", "3/5"), committedTransfers());
        assertEquals(A.forkedAt(2, "b", 3), store.load(stream).orElseThrow().head());
    }

    private void deleteTransfers(UnitOfWork work, long block) {
        try (PreparedStatement delete = work.connection()
                .orElseThrow()
                .prepareStatement("DELETE FROM " + handlerTable() + " WHERE block_number = ?")) {
            delete.setLong(1, block);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("handler delete failed", e);
        }
    }

    @Test
    void reportsAHandlerThatSwitchedTheConnectionToAutoCommit() throws SQLException {
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(A.block(1));
            work.connection().orElseThrow().setAutoCommit(true);
            CheckpointException error = assertThrows(CheckpointException.class, work::commit);
            assertTrue(error.getMessage().contains("handlers must not change auto-commit"), error.getMessage());
        }
        handle(store, stream, A.block(2));
        assertEquals(List.of("1", "2"), committedBlocks(), "switching to auto-commit committed block 1 early");
    }

    @Test
    void replacesTheWriterConnectionAfterItBreaks() throws SQLException {
        UnitOfWork broken = store.begin(stream);
        broken.connection().orElseThrow().close();
        CheckpointException failure = assertThrows(CheckpointException.class, () -> broken.markHandled(A.block(1)));
        assertTrue(
                failure.getMessage().startsWith("could not read the last handled block for stream"),
                failure.getMessage());
        assertThrows(IllegalStateException.class, () -> broken.markHandled(A.block(1)));
        assertThrows(CheckpointException.class, broken::close);

        handle(store, stream, A.block(1));
        assertEquals(List.of("1"), committedBlocks());
    }

    @Test
    void checkpointSurvivesReopeningAndSchemaCreationIsIdempotent() throws SQLException {
        handle(store, stream, A.block(1), A.block(2));
        store.close();
        store = open(tablePrefix, 128);
        store.close();
        store = open(tablePrefix, 128);

        assertEquals(
                List.of(A.block(1), A.block(2)),
                store.load(stream).orElseThrow().recentBlocks());
        assertEquals(List.of("1/3"), query("SELECT id, version FROM " + tablePrefix + "schema_version"));
    }

    @Test
    void deliveredLogRowsStayWithinTheWindow() throws SQLException {
        store.close();
        store = open(tablePrefix, 3);
        for (long number = 1; number <= 6; number++) {
            handle(store, stream, A.block(number), List.of(A.log(number, 0), A.log(number, 1)));
        }
        try (UnitOfWork work = store.begin(stream)) {
            work.rollbackTo(A.block(5));
            work.commit();
        }
        assertEquals(
                List.of("4/0", "4/1", "5/0", "5/1"),
                query("SELECT block_number, log_index FROM " + tablePrefix + "delivered_logs WHERE stream_id = '"
                        + stream + "' ORDER BY block_number, log_index"));
    }

    @Test
    void refusesTablesOfAnotherSchemaVersion() throws SQLException {
        store.close();
        try (Connection connection = inspect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + tablePrefix + "schema_version SET version = 4");
        }
        CheckpointException error = assertThrows(CheckpointException.class, () -> open(tablePrefix, 128));
        assertTrue(
                error.getMessage().contains("have schema version 4 (table " + tablePrefix + "schema_version)"),
                error.getMessage());
        store = open("other_" + tablePrefix, 128);
    }
}
