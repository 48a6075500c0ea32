package io.chainwire.stream.chaos;

import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A handler that keeps table {@code ledger} equal to the logs it was given: a row per delivered log, deleted again on
 * its removal, written through the stream's transaction so that it commits exactly once with the checkpoint. The
 * primary key makes a second delivery of a committed log an error instead of a duplicate row. A test can run a fault
 * before each write.
 */
final class Ledger implements EventDispatcher {
    private final Set<Hash> topics;
    private volatile BiConsumer<RawLog, EventContext> before = (log, context) -> {};

    Ledger(Hash topic) {
        this.topics = Set.of(topic);
    }

    /**
     * Runs {@code action} before each write, on the stream's thread, inside its unit of work, before the write asks for
     * the unit's connection.
     */
    Ledger before(BiConsumer<RawLog, EventContext> action) {
        this.before = action;
        return this;
    }

    /** One log, as the ledger keeps it. */
    record Entry(long blockNumber, int logIndex, String blockHash, String transactionHash, String data) {
        static Entry of(RawLog log) {
            LogMeta meta = log.meta();
            return new Entry(
                    meta.blockNumber(),
                    meta.logIndex(),
                    meta.blockHash().toHex(),
                    meta.transactionHash().toHex(),
                    log.data().toHex());
        }
    }

    /** Creates the table in the SQLite file {@code file}. */
    static void create(Path file) throws SQLException {
        create(sqlite(file));
    }

    /** Creates the table in the database at JDBC URL {@code url}. */
    static void create(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS ledger (block_number BIGINT NOT NULL, log_index INTEGER NOT NULL, "
                            + "block_hash TEXT NOT NULL, tx_hash TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (block_number, log_index))");
        }
    }

    /** Returns the committed entries of the database at JDBC URL {@code url}, in chain order. */
    static List<Entry> read(String url) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT block_number, log_index, block_hash, tx_hash, data FROM ledger ORDER BY block_number, log_index")) {
            while (rows.next()) {
                entries.add(new Entry(
                        rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        return entries;
    }

    /** Returns the JDBC URL of the SQLite file {@code file}. */
    static String sqlite(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    @Override
    public Set<Hash> topics() {
        return topics;
    }

    @Override
    public boolean dispatch(RawLog log, EventContext context) {
        if (!topics.contains(log.topics().get(0))) {
            return false;
        }
        before.accept(log, context);
        Connection connection =
                context.connection().orElseThrow(() -> new IllegalStateException("the store is not transactional"));
        Entry entry = Entry.of(log);
        try {
            if (context.removed()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM ledger WHERE block_number = ? AND log_index = ? AND block_hash = ?")) {
                    delete.setLong(1, entry.blockNumber());
                    delete.setInt(2, entry.logIndex());
                    delete.setString(3, entry.blockHash());
                    delete.executeUpdate();
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ledger (block_number, log_index, block_hash, tx_hash, data) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, entry.blockNumber());
                    insert.setInt(2, entry.logIndex());
                    insert.setString(3, entry.blockHash());
                    insert.setString(4, entry.transactionHash());
                    insert.setString(5, entry.data());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ledger write failed for " + entry + ": " + e.getMessage(), e);
        }
        return true;
    }
}
