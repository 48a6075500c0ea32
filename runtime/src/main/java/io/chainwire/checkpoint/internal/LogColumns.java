package io.chainwire.checkpoint.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns that hold a whole raw log (position, all four topic slots, data) and whether it stands for a removal
 * (true only for the dead letter of a failed removal call), shared by every table that stores logs, so a stored log is
 * rebuilt exactly.
 */
final class LogColumns {
    /** The column names, in the order {@link #bind} binds them. */
    static final String NAMES = "block_number, block_hash, transaction_hash, transaction_index, log_index,"
            + " address, topic0, topic1, topic2, topic3, data, log_removed";

    /** How many parameters {@link #bind} binds. */
    static final int COUNT = 12;

    private LogColumns() {}

    /** Returns the column definitions in {@code dialect}, for a {@code CREATE TABLE}. */
    static String definitions(Dialect dialect) {
        return "block_number BIGINT NOT NULL, block_hash VARCHAR(66) NOT NULL,"
                + " transaction_hash VARCHAR(66) NOT NULL, transaction_index INTEGER NOT NULL,"
                + " log_index INTEGER NOT NULL, address VARCHAR(42) NOT NULL, topic0 VARCHAR(66),"
                + " topic1 VARCHAR(66), topic2 VARCHAR(66), topic3 VARCHAR(66), data "
                + dialect.binaryType()
                + " NOT NULL, log_removed BOOLEAN NOT NULL";
    }

    /**
     * Binds {@code log} to the {@link #COUNT} parameters starting at {@code first}, with {@code removal} saying whether
     * it stands for the event's removal (a dead letter of a removal call).
     */
    static void bind(PreparedStatement statement, int first, RawLog log, boolean removal) throws SQLException {
        LogMeta meta = log.meta();
        statement.setLong(first, meta.blockNumber());
        statement.setString(first + 1, meta.blockHash().toHex());
        statement.setString(first + 2, meta.transactionHash().toHex());
        statement.setInt(first + 3, meta.transactionIndex());
        statement.setInt(first + 4, meta.logIndex());
        statement.setString(first + 5, meta.address().toHex());
        for (int slot = 0; slot < RawLog.MAX_TOPICS; slot++) {
            if (slot < log.topicCount()) {
                statement.setString(first + 6 + slot, log.topic(slot).toHex());
            } else {
                statement.setNull(first + 6 + slot, Types.VARCHAR);
            }
        }
        statement.setBytes(first + 10, log.data().toByteArray());
        statement.setBoolean(first + 11, removal);
    }

    /** Reads the log in the current row, whose columns carry the names in {@link #NAMES}. */
    static RawLog read(ResultSet row) throws SQLException {
        List<Hash> topics = new ArrayList<>();
        for (int slot = 0; slot < RawLog.MAX_TOPICS; slot++) {
            String topic = row.getString("topic" + slot);
            if (topic != null) {
                topics.add(Hash.fromHex(topic));
            }
        }
        LogMeta meta = new LogMeta(
                Address.fromHex(row.getString("address")),
                row.getLong("block_number"),
                Hash.fromHex(row.getString("block_hash")),
                Hash.fromHex(row.getString("transaction_hash")),
                row.getInt("transaction_index"),
                row.getInt("log_index"));
        return new RawLog(topics, bytes(row.getBytes("data")), meta);
    }

    // SQLite hands back an empty blob as null.
    private static Bytes bytes(byte[] data) {
        return data == null ? Bytes.EMPTY : Bytes.of(data);
    }
}
