package io.chainwire.checkpoint.internal;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the table of recent handled blocks, one row per (stream, block number). */
final class BlockTable {
  private final String create;
  private final String selectAll;
  private final String selectHead;
  private final String selectAt;
  private final String insert;
  private final String deleteAbove;
  private final String deleteUpTo;

  BlockTable(String name) {
    create =
        "CREATE TABLE IF NOT EXISTS "
            + name
            + " (stream_id VARCHAR(64) NOT NULL, block_number BIGINT NOT NULL,"
            + " block_hash VARCHAR(66) NOT NULL, parent_hash VARCHAR(66) NOT NULL,"
            + " PRIMARY KEY (stream_id, block_number))";
    String select = "SELECT block_number, block_hash, parent_hash FROM " + name + " WHERE stream_id = ?";
    selectAll = select + " ORDER BY block_number";
    selectHead = select + " ORDER BY block_number DESC LIMIT 1";
    selectAt = select + " AND block_number = ?";
    insert =
        "INSERT INTO " + name + " (stream_id, block_number, block_hash, parent_hash) VALUES (?, ?, ?, ?)";
    deleteAbove = "DELETE FROM " + name + " WHERE stream_id = ? AND block_number > ?";
    deleteUpTo = "DELETE FROM " + name + " WHERE stream_id = ? AND block_number <= ?";
  }

  String createSql() {
    return create;
  }

  List<BlockRef> all(Connection connection, StreamId stream) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(selectAll)) {
      statement.setString(1, stream.value());
      return read(statement);
    }
  }

  Optional<BlockRef> head(Connection connection, StreamId stream) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(selectHead)) {
      statement.setString(1, stream.value());
      return read(statement).stream().findFirst();
    }
  }

  Optional<BlockRef> at(Connection connection, StreamId stream, long number) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(selectAt)) {
      statement.setString(1, stream.value());
      statement.setLong(2, number);
      return read(statement).stream().findFirst();
    }
  }

  void insert(Connection connection, StreamId stream, BlockRef block) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, stream.value());
      statement.setLong(2, block.number());
      statement.setString(3, block.hash().toHex());
      statement.setString(4, block.parentHash().toHex());
      statement.executeUpdate();
    }
  }

  void deleteAbove(Connection connection, StreamId stream, long number) throws SQLException {
    delete(connection, deleteAbove, stream, number);
  }

  void deleteUpTo(Connection connection, StreamId stream, long number) throws SQLException {
    delete(connection, deleteUpTo, stream, number);
  }

  private static void delete(Connection connection, String sql, StreamId stream, long number)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, stream.value());
      statement.setLong(2, number);
      statement.executeUpdate();
    }
  }

  private static List<BlockRef> read(PreparedStatement statement) throws SQLException {
    List<BlockRef> blocks = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        blocks.add(
            new BlockRef(
                rows.getLong("block_number"),
                Hash.fromHex(rows.getString("block_hash")),
                Hash.fromHex(rows.getString("parent_hash"))));
      }
    }
    return blocks;
  }
}
