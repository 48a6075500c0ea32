package io.chainwire.samples.hello;

import io.chainwire.abi.LogMeta;
import io.chainwire.samples.hello.contract.Hello;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's table, {@code messages(block_number, log_index, tx_hash, sender, message)}: one row
 * per message on the chain, keyed by its position. The SQL runs on SQLite and PostgreSQL alike.
 */
final class MessageTable {
  private MessageTable() {}

  /** One row. */
  record Row(long blockNumber, int logIndex, String transactionHash, String sender, String message) {
    /** The row for {@code event}: hashes in lower-case hex, the sender checksummed. */
    static Row of(Hello.MessageSent event) {
      LogMeta meta = event.meta();
      return new Row(meta.blockNumber(), meta.logIndex(), meta.transactionHash().toHex(), event.from().toString(),
          event.message());
    }
  }

  /** Creates the table if it does not exist. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS messages ("
          + "block_number BIGINT NOT NULL, "
          + "log_index INTEGER NOT NULL, "
          + "tx_hash VARCHAR(66) NOT NULL, "
          + "sender VARCHAR(42) NOT NULL, "
          + "message TEXT NOT NULL, "
          + "PRIMARY KEY (block_number, log_index))");
    }
  }

  /**
   * Inserts the row of {@code event}. The primary key turns a second delivery of the same event
   * into an error instead of a duplicate.
   */
  static void insert(Connection connection, Hello.MessageSent event) throws SQLException {
    Row row = Row.of(event);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO messages (block_number, log_index, tx_hash, sender, message) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, row.blockNumber());
      insert.setInt(2, row.logIndex());
      insert.setString(3, row.transactionHash());
      insert.setString(4, row.sender());
      insert.setString(5, row.message());
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
        rows.add(new Row(result.getLong(1), result.getInt(2), result.getString(3), result.getString(4), result.getString(5)));
      }
    }
    return rows;
  }
}
