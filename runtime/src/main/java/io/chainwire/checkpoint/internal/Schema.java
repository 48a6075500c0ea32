package io.chainwire.checkpoint.internal;

import io.chainwire.checkpoint.CheckpointException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A store's tables in one database dialect: creates them when absent and checks the schema
 * version, which a later chainwire uses to migrate tables this one created.
 */
final class Schema {
  /**
   * The schema version this code reads and writes. Version 2 added the delivered-logs table and the
   * blocks' {@code logs_stored} column; version 1 tables are migrated when the store opens.
   */
  static final int VERSION = 2;

  private static final int VERSION_1 = 1;

  private final Tables tables;
  private final BlockTable blocks;
  private final DeadLetterTable deadLetters;

  Schema(Tables tables, Dialect dialect) {
    this.tables = tables;
    this.blocks = new BlockTable(tables.blocks(), tables.deliveredLogs(), dialect);
    this.deadLetters = new DeadLetterTable(tables.deadLetters(), dialect);
  }

  BlockTable blocks() {
    return blocks;
  }

  DeadLetterTable deadLetters() {
    return deadLetters;
  }

  /**
   * Creates whatever is missing, migrates version 1 tables, and records the version, in one
   * transaction on {@code connection}, which must not be in auto-commit mode; does not commit.
   *
   * @throws CheckpointException if the tables hold a schema version this code cannot migrate
   */
  void prepare(Connection connection, String location) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + tables.schemaVersion()
              + " (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
      Optional<Integer> found = version(connection);
      boolean migrate = found.isPresent() && found.get() == VERSION_1;
      if (found.isPresent() && found.get() != VERSION && !migrate) {
        throw new CheckpointException(
            "checkpoint tables in "
                + location
                + " have schema version "
                + found.get()
                + " (table "
                + tables.schemaVersion()
                + "), but this chainwire reads version "
                + VERSION
                + " (and migrates version "
                + VERSION_1
                + "); use the chainwire that wrote them, or another tablePrefix");
      }
      List<String> ddl = new ArrayList<>();
      if (migrate) {
        ddl.add(blocks.migrateFromVersion1Sql());
      }
      ddl.addAll(blocks.createSql());
      ddl.addAll(deadLetters.createSql());
      for (String sql : ddl) {
        statement.execute(sql);
      }
      statement.execute(
          migrate
              ? "UPDATE " + tables.schemaVersion() + " SET version = " + VERSION + " WHERE id = 1"
              : "INSERT INTO "
                  + tables.schemaVersion()
                  + " (id, version) VALUES (1, "
                  + VERSION
                  + ") ON CONFLICT (id) DO NOTHING");
    }
  }

  private Optional<Integer> version(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT version FROM " + tables.schemaVersion() + " WHERE id = 1");
        ResultSet row = query.executeQuery()) {
      return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
    }
  }
}
