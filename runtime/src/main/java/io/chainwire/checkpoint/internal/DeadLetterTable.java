package io.chainwire.checkpoint.internal;

import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the dead-letter table: one row per failed handler call, holding the whole raw log (all four topic slots,
 * data, position) so the event can be replayed.
 */
final class DeadLetterTable {
    private static final String COLUMNS =
            "stream_id, " + LogColumns.NAMES + ", handler, error, stack_trace, recorded_at, orphaned";

    private final Dialect dialect;
    private final String create;
    private final String createIndex;
    private final String insert;
    private final String select;
    private final String orphanAbove;

    DeadLetterTable(String name, Dialect dialect) {
        this.dialect = dialect;
        create = "CREATE TABLE IF NOT EXISTS "
                + name
                + " (id "
                + dialect.idColumn()
                + ", stream_id VARCHAR(64) NOT NULL, "
                + LogColumns.definitions(dialect)
                + ", handler TEXT NOT NULL, error TEXT NOT NULL,"
                + " stack_trace TEXT NOT NULL, recorded_at "
                + dialect.timeType()
                + " NOT NULL, orphaned BOOLEAN NOT NULL)";
        createIndex =
                "CREATE INDEX IF NOT EXISTS " + name + "_by_block ON " + name + " (stream_id, block_number, log_index)";
        insert = "INSERT INTO "
                + name
                + " ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        select = "SELECT "
                + COLUMNS
                + " FROM "
                + name
                + " WHERE stream_id = ? ORDER BY block_number, log_index, id LIMIT ?";
        orphanAbove = "UPDATE " + name + " SET orphaned = ? WHERE stream_id = ? AND block_number > ? AND orphaned = ?";
    }

    List<String> createSql() {
        return List.of(create, createIndex);
    }

    void insert(Connection connection, DeadLetter letter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, letter.stream().value());
            LogColumns.bind(statement, 2, letter.log(), letter.removal());
            int next = 2 + LogColumns.COUNT;
            statement.setString(next, letter.handler());
            statement.setString(next + 1, letter.error());
            statement.setString(next + 2, letter.stackTrace());
            dialect.setInstant(statement, next + 3, letter.recordedAt());
            statement.setBoolean(next + 4, letter.orphaned());
            statement.executeUpdate();
        }
    }

    void orphanAbove(Connection connection, StreamId stream, long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(orphanAbove)) {
            statement.setBoolean(1, true);
            statement.setString(2, stream.value());
            statement.setLong(3, number);
            statement.setBoolean(4, false);
            statement.executeUpdate();
        }
    }

    List<DeadLetter> list(Connection connection, StreamId stream, int limit) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, stream.value());
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    letters.add(read(stream, rows));
                }
            }
        }
        return letters;
    }

    private DeadLetter read(StreamId stream, ResultSet row) throws SQLException {
        return new DeadLetter(
                stream,
                LogColumns.read(row),
                row.getBoolean("log_removed"),
                row.getString("handler"),
                row.getString("error"),
                row.getString("stack_trace"),
                dialect.getInstant(row, "recorded_at"),
                row.getBoolean("orphaned"));
    }
}
