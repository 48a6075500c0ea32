package io.chainwire.samples.hello;

import io.chainwire.abi.Bytes;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.samples.hello.contract.Hello;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's table, {@code messages(block_number, log_index, tx_hash, sender, message)}: one row per message on the
 * chain, keyed by its position, the message kept byte for byte (a {@code BLOB} on SQLite, a {@code BYTEA} on
 * PostgreSQL, since a message may hold NUL bytes or invalid UTF-8, which PostgreSQL's text types refuse). Apart from
 * that type, the SQL runs on both alike.
 */
final class MessageTable {
    /** The key of the PostgreSQL advisory lock around creating the table: "hellomsg" in ASCII. */
    private static final long CREATE_LOCK = 0x68656c6c6f6d7367L;

    private MessageTable() {}

    /** One row. */
    record Row(long blockNumber, int logIndex, String transactionHash, String sender, Bytes message) {
        /** The row for {@code event} with its message bytes: hashes in lower-case hex, the sender checksummed. */
        static Row of(Hello.MessageSent event, Bytes message) {
            LogMeta meta = event.meta();
            return new Row(
                    meta.blockNumber(),
                    meta.logIndex(),
                    meta.transactionHash().toHex(),
                    event.from().toString(),
                    message);
        }

        /** The row for a {@code MessageSent} log. */
        static Row of(RawLog log) {
            return of(Hello.MessageSent.decode(log), RawMessage.of(log));
        }
    }

    /**
     * Creates the table if it does not exist, also when copies of the sample started together on a new database all try
     * at once; {@code connection} must be in auto-commit mode.
     */
    static void create(Connection connection) throws SQLException {
        boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (postgresql) {
                // PostgreSQL's CREATE TABLE IF NOT EXISTS fails when another session creates the table at
                // the same moment; a lock held until the commit makes copies take turns. (SQLite's own
                // write lock does that there.)
                statement.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
            }
            statement.execute("CREATE TABLE IF NOT EXISTS messages ("
                    + "block_number BIGINT NOT NULL, "
                    + "log_index INTEGER NOT NULL, "
                    + "tx_hash VARCHAR(66) NOT NULL, "
                    + "sender VARCHAR(42) NOT NULL, "
                    + "message " + (postgresql ? "BYTEA" : "BLOB") + " NOT NULL, "
                    + "PRIMARY KEY (block_number, log_index))");
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Inserts the row of {@code event} with {@code message}, its bytes. The primary key turns a second delivery of the
     * same event into an error instead of a duplicate.
     */
    static void insert(Connection connection, Hello.MessageSent event, Bytes message) throws SQLException {
        Row row = Row.of(event, message);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO messages (block_number, log_index, tx_hash, sender, message) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, row.blockNumber());
            insert.setInt(2, row.logIndex());
            insert.setString(3, row.transactionHash());
            insert.setString(4, row.sender());
            insert.setBytes(5, row.message().toByteArray());
            insert.executeUpdate();
        }
    }

    /** Deletes the row of {@code event}, which a reorganisation removed from the chain. */
    static void delete(Connection connection, Hello.MessageSent event) throws SQLException {
        LogMeta meta = event.meta();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM messages WHERE block_number = ? AND log_index = ? AND tx_hash = ?")) {
            delete.setLong(1, meta.blockNumber());
            delete.setInt(2, meta.logIndex());
            delete.setString(3, meta.transactionHash().toHex());
            delete.executeUpdate();
        }
    }

    /** Returns every row, in chain order. */
    static List<Row> readAll(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT block_number, log_index, tx_hash, sender, message FROM messages ORDER BY block_number, log_index")) {
            while (result.next()) {
                rows.add(new Row(
                        result.getLong(1),
                        result.getInt(2),
                        result.getString(3),
                        result.getString(4),
                        Bytes.of(result.getBytes(5))));
            }
        }
        return rows;
    }
}
