package io.chainwire.checkpoint.internal;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of a stream's window of recent handled blocks: the blocks table, one row per (stream, block number), and the
 * delivered-logs table, one row per log delivered from such a block. A block row's {@code logs_stored} says whether its
 * delivered logs were stored (false for blocks written by schema version 1 and for fork points the store did not hold).
 * Both tables are pruned and rolled back together.
 */
final class BlockTable {
    private final String createBlocks;
    private final String createLogs;
    private final String addLogsStored;
    private final String selectCheckpoint;
    private final String selectHead;
    private final String selectAt;
    private final String insertBlock;
    private final String insertLog;
    private final List<String> deleteAbove;
    private final List<String> deleteUpTo;

    BlockTable(String blocks, String logs, Dialect dialect) {
        createBlocks = "CREATE TABLE IF NOT EXISTS "
                + blocks
                + " (stream_id VARCHAR(64) NOT NULL, block_number BIGINT NOT NULL,"
                + " block_hash VARCHAR(66) NOT NULL, parent_hash VARCHAR(66) NOT NULL,"
                + " logs_stored BOOLEAN NOT NULL DEFAULT FALSE,"
                + " PRIMARY KEY (stream_id, block_number))";
        createLogs = "CREATE TABLE IF NOT EXISTS "
                + logs
                + " (stream_id VARCHAR(64) NOT NULL, "
                + LogColumns.definitions(dialect)
                + ", PRIMARY KEY (stream_id, block_number, log_index))";
        addLogsStored = "ALTER TABLE " + blocks + " ADD COLUMN logs_stored BOOLEAN NOT NULL DEFAULT FALSE";
        selectCheckpoint = "SELECT b.block_number AS ref_number, b.block_hash AS ref_hash, b.parent_hash AS ref_parent,"
                + " b.logs_stored AS ref_logs_stored, l.* FROM "
                + blocks
                + " b LEFT JOIN "
                + logs
                + " l ON l.stream_id = b.stream_id AND l.block_number = b.block_number"
                + " WHERE b.stream_id = ? ORDER BY b.block_number, l.log_index";
        String select = "SELECT block_number, block_hash, parent_hash FROM " + blocks + " WHERE stream_id = ?";
        selectHead = select + " ORDER BY block_number DESC LIMIT 1";
        selectAt = select + " AND block_number = ?";
        insertBlock = "INSERT INTO "
                + blocks
                + " (stream_id, block_number, block_hash, parent_hash, logs_stored) VALUES (?, ?, ?, ?, ?)";
        insertLog = "INSERT INTO " + logs + " (stream_id, " + LogColumns.NAMES + ") VALUES (?"
                + ", ?".repeat(LogColumns.COUNT) + ")";
        deleteAbove = List.of(
                "DELETE FROM " + logs + " WHERE stream_id = ? AND block_number > ?",
                "DELETE FROM " + blocks + " WHERE stream_id = ? AND block_number > ?");
        deleteUpTo = List.of(
                "DELETE FROM " + logs + " WHERE stream_id = ? AND block_number <= ?",
                "DELETE FROM " + blocks + " WHERE stream_id = ? AND block_number <= ?");
    }

    /** Returns the statements creating both tables when absent. */
    List<String> createSql() {
        return List.of(createBlocks, createLogs);
    }

    /** Returns the statement that migrates a schema version 1 blocks table. */
    String migrateFromVersion1Sql() {
        return addLogsStored;
    }

    /**
     * Reads the stream's checkpoint, blocks and delivered logs in one statement (one snapshot), with {@code record}.
     */
    Optional<Checkpoint> checkpoint(Connection connection, StreamId stream, StreamRecord record) throws SQLException {
        Map<Long, BlockRef> blocks = new LinkedHashMap<>();
        Map<Long, List<RawLog>> delivered = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(selectCheckpoint)) {
            statement.setString(1, stream.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long number = rows.getLong("ref_number");
                    if (!blocks.containsKey(number)) {
                        blocks.put(
                                number,
                                new BlockRef(
                                        number,
                                        Hash.fromHex(rows.getString("ref_hash")),
                                        Hash.fromHex(rows.getString("ref_parent"))));
                    }
                    if (rows.getBoolean("ref_logs_stored")) {
                        List<RawLog> logs = delivered.computeIfAbsent(number, key -> new ArrayList<>());
                        rows.getInt("log_index");
                        if (!rows.wasNull()) {
                            logs.add(LogColumns.read(rows));
                        }
                    }
                }
            }
        }
        return blocks.isEmpty()
                ? Optional.empty()
                : Optional.of(new Checkpoint(stream, List.copyOf(blocks.values()), delivered, record));
    }

    Optional<BlockRef> head(Connection connection, StreamId stream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectHead)) {
            statement.setString(1, stream.value());
            return read(statement);
        }
    }

    Optional<BlockRef> at(Connection connection, StreamId stream, long number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectAt)) {
            statement.setString(1, stream.value());
            statement.setLong(2, number);
            return read(statement);
        }
    }

    /** Inserts {@code block} with its delivered logs. */
    void insert(Connection connection, StreamId stream, BlockRef block, List<RawLog> delivered) throws SQLException {
        insertBlock(connection, stream, block, true);
        if (delivered.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insertLog)) {
            for (RawLog log : delivered) {
                statement.setString(1, stream.value());
                LogColumns.bind(statement, 2, log, false);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Inserts {@code block} as a fork point whose delivered logs are not known. */
    void insertForkPoint(Connection connection, StreamId stream, BlockRef block) throws SQLException {
        insertBlock(connection, stream, block, false);
    }

    void deleteAbove(Connection connection, StreamId stream, long number) throws SQLException {
        delete(connection, deleteAbove, stream, number);
    }

    void deleteUpTo(Connection connection, StreamId stream, long number) throws SQLException {
        delete(connection, deleteUpTo, stream, number);
    }

    private void insertBlock(Connection connection, StreamId stream, BlockRef block, boolean logsStored)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertBlock)) {
            statement.setString(1, stream.value());
            statement.setLong(2, block.number());
            statement.setString(3, block.hash().toHex());
            statement.setString(4, block.parentHash().toHex());
            statement.setBoolean(5, logsStored);
            statement.executeUpdate();
        }
    }

    private static void delete(Connection connection, List<String> statements, StreamId stream, long number)
            throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, stream.value());
                statement.setLong(2, number);
                statement.executeUpdate();
            }
        }
    }

    private static Optional<BlockRef> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new BlockRef(
                    rows.getLong("block_number"),
                    Hash.fromHex(rows.getString("block_hash")),
                    Hash.fromHex(rows.getString("parent_hash"))));
        }
    }
}
