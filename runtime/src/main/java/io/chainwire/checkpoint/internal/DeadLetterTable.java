package io.chainwire.checkpoint.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the dead-letter table: one row per failed handler call, holding the whole raw log
 * (all four topic slots, data, position) so the event can be replayed.
 */
final class DeadLetterTable {
  private static final String COLUMNS =
      "stream_id, block_number, block_hash, transaction_hash, transaction_index, log_index,"
          + " address, topic0, topic1, topic2, topic3, data, log_removed, handler, error,"
          + " stack_trace, recorded_at, orphaned";

  private final Dialect dialect;
  private final String create;
  private final String createIndex;
  private final String insert;
  private final String select;
  private final String orphanAbove;

  DeadLetterTable(String name, Dialect dialect) {
    this.dialect = dialect;
    create =
        "CREATE TABLE IF NOT EXISTS "
            + name
            + " (id "
            + dialect.idColumn()
            + ", stream_id VARCHAR(64) NOT NULL, block_number BIGINT NOT NULL,"
            + " block_hash VARCHAR(66) NOT NULL, transaction_hash VARCHAR(66) NOT NULL,"
            + " transaction_index INTEGER NOT NULL, log_index INTEGER NOT NULL,"
            + " address VARCHAR(42) NOT NULL, topic0 VARCHAR(66), topic1 VARCHAR(66),"
            + " topic2 VARCHAR(66), topic3 VARCHAR(66), data "
            + dialect.binaryType()
            + " NOT NULL, log_removed BOOLEAN NOT NULL, handler TEXT NOT NULL, error TEXT NOT NULL,"
            + " stack_trace TEXT NOT NULL, recorded_at "
            + dialect.timeType()
            + " NOT NULL, orphaned BOOLEAN NOT NULL)";
    createIndex =
        "CREATE INDEX IF NOT EXISTS "
            + name
            + "_by_block ON "
            + name
            + " (stream_id, block_number, log_index)";
    insert =
        "INSERT INTO "
            + name
            + " ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    select =
        "SELECT "
            + COLUMNS
            + " FROM "
            + name
            + " WHERE stream_id = ? ORDER BY block_number, log_index, id LIMIT ?";
    orphanAbove =
        "UPDATE " + name + " SET orphaned = ? WHERE stream_id = ? AND block_number > ? AND orphaned = ?";
  }

  List<String> createSql() {
    return List.of(create, createIndex);
  }

  void insert(Connection connection, DeadLetter letter) throws SQLException {
    LogMeta meta = letter.log().meta();
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, letter.stream().value());
      statement.setLong(2, meta.blockNumber());
      statement.setString(3, meta.blockHash().toHex());
      statement.setString(4, meta.transactionHash().toHex());
      statement.setInt(5, meta.transactionIndex());
      statement.setInt(6, meta.logIndex());
      statement.setString(7, meta.address().toHex());
      for (int slot = 0; slot < RawLog.MAX_TOPICS; slot++) {
        if (slot < letter.log().topicCount()) {
          statement.setString(8 + slot, letter.log().topic(slot).toHex());
        } else {
          statement.setNull(8 + slot, Types.VARCHAR);
        }
      }
      statement.setBytes(12, letter.log().data().toByteArray());
      statement.setBoolean(13, meta.removed());
      statement.setString(14, letter.handler());
      statement.setString(15, letter.error());
      statement.setString(16, letter.stackTrace());
      dialect.setInstant(statement, 17, letter.recordedAt());
      statement.setBoolean(18, letter.orphaned());
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
    List<Hash> topics = new ArrayList<>();
    for (int slot = 0; slot < RawLog.MAX_TOPICS; slot++) {
      String topic = row.getString("topic" + slot);
      if (topic != null) {
        topics.add(Hash.fromHex(topic));
      }
    }
    LogMeta meta =
        new LogMeta(
            Address.fromHex(row.getString("address")),
            row.getLong("block_number"),
            Hash.fromHex(row.getString("block_hash")),
            Hash.fromHex(row.getString("transaction_hash")),
            row.getInt("transaction_index"),
            row.getInt("log_index"),
            row.getBoolean("log_removed"));
    return new DeadLetter(
        stream,
        new RawLog(topics, bytes(row.getBytes("data")), meta),
        row.getString("handler"),
        row.getString("error"),
        row.getString("stack_trace"),
        dialect.getInstant(row, "recorded_at"),
        row.getBoolean("orphaned"));
  }

  // SQLite hands back an empty blob as null.
  private static Bytes bytes(byte[] data) {
    return data == null ? Bytes.EMPTY : Bytes.of(data);
  }
}
