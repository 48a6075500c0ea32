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
 * A store's tables in one database dialect: creates them when absent and checks the schema version, which a later
 * chainwire uses to migrate tables this one created.
 */
final class Schema {
    /**
     * The schema version this code reads and writes. Version 2 added the delivered-logs table and the blocks'
     * {@code logs_stored} column; version 3 the streams table (chain id, filter, finalized block, head, lease and
     * fencing epoch). Older tables are migrated when the store opens.
     */
    static final int VERSION = 3;

    private static final int OLDEST_MIGRATED = 1;

    private final Tables tables;
    private final Dialect dialect;
    private final BlockTable blocks;
    private final DeadLetterTable deadLetters;
    private final StreamTable streams;

    Schema(Tables tables, Dialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
        this.blocks = new BlockTable(tables.blocks(), tables.deliveredLogs(), dialect);
        this.deadLetters = new DeadLetterTable(tables.deadLetters(), dialect);
        this.streams = new StreamTable(tables.streams(), tables.blocks(), dialect);
    }

    BlockTable blocks() {
        return blocks;
    }

    DeadLetterTable deadLetters() {
        return deadLetters;
    }

    StreamTable streams() {
        return streams;
    }

    /**
     * Creates whatever is missing, migrates older tables, and records the version, in one transaction on
     * {@code connection}, which must not be in auto-commit mode; does not commit.
     *
     * @throws CheckpointException if the tables hold a schema version this code cannot migrate
     */
    void prepare(Connection connection, String location) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.schemaLockSql()) {
                statement.execute(sql);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS "
                    + tables.schemaVersion()
                    + " (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
            Optional<Integer> found = version(connection);
            if (found.isPresent() && (found.get() > VERSION || found.get() < OLDEST_MIGRATED)) {
                throw new CheckpointException("checkpoint tables in "
                        + location
                        + " have schema version "
                        + found.get()
                        + " (table "
                        + tables.schemaVersion()
                        + "), but this chainwire reads version "
                        + VERSION
                        + " (and migrates versions "
                        + OLDEST_MIGRATED
                        + " to "
                        + (VERSION - 1)
                        + "); use the chainwire that wrote them, or another tablePrefix");
            }
            int from = found.orElse(VERSION);
            List<String> ddl = new ArrayList<>();
            if (from < 2) {
                ddl.add(blocks.migrateFromVersion1Sql());
            }
            ddl.addAll(blocks.createSql());
            ddl.addAll(deadLetters.createSql());
            ddl.add(streams.createSql());
            if (from < 3) {
                ddl.add(streams.migrateFromVersion2Sql());
            }
            for (String sql : ddl) {
                statement.execute(sql);
            }
            statement.execute(
                    found.isPresent()
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
