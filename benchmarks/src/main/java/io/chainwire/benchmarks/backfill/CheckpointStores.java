package io.chainwire.benchmarks.backfill;

import io.chainwire.benchmarks.stores.PostgresSchema;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.JdbcCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Fresh checkpoint stores of one kind for a harness's runs: a new SQLite file in a temporary folder, a new in-memory
 * store, or new tables in a PostgreSQL schema of the harness's own.
 */
final class CheckpointStores implements AutoCloseable {
    /** Where a backfill keeps its checkpoints. */
    enum Kind {
        SQLITE,
        MEMORY,
        POSTGRESQL;

        /** Returns the kind named {@code name} on the command line. */
        static Kind parse(String name) {
            return switch (name) {
                case "sqlite" -> SQLITE;
                case "memory" -> MEMORY;
                case "postgresql" -> POSTGRESQL;
                default ->
                    throw new IllegalArgumentException("store must be sqlite, memory or postgresql, got " + name);
            };
        }

        /** Returns the name a report gives it. */
        String title() {
            return switch (this) {
                case SQLITE -> "SQLite";
                case MEMORY -> "in-memory";
                case POSTGRESQL -> "PostgreSQL";
            };
        }
    }

    private final Kind kind;
    private final Path directory;
    private final PostgresSchema schema;

    private CheckpointStores(Kind kind, Path directory, PostgresSchema schema) {
        this.kind = kind;
        this.directory = directory;
        this.schema = schema;
    }

    /** Prepares stores of {@code kind}; PostgreSQL ones on {@code postgres}, a JDBC URL with credentials. */
    static CheckpointStores create(Kind kind, String postgres) throws IOException, SQLException {
        return new CheckpointStores(
                kind,
                Files.createTempDirectory("chainwire-backfill"),
                kind == Kind.POSTGRESQL ? PostgresSchema.create(postgres, "backfill") : null);
    }

    /** Opens a new, empty store named {@code name} (letters, digits and underscores). */
    CheckpointStore open(String name) {
        return switch (kind) {
            case SQLITE ->
                SqliteCheckpointStore.builder(directory.resolve(name + ".db")).build();
            case MEMORY -> new InMemoryCheckpointStore();
            case POSTGRESQL ->
                JdbcCheckpointStore.builder()
                        .url(schema.url())
                        .tablePrefix(name + "_")
                        .build();
        };
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
