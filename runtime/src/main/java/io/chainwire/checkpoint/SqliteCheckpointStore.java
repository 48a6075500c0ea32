package io.chainwire.checkpoint;

import io.chainwire.checkpoint.internal.SqlStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The default checkpoint store: an embedded SQLite file. It runs in WAL mode, so readers (your own queries included)
 * never block the stream's one writer, waits up to the busy timeout for another process's write lock, and syncs each
 * commit to disk. Handlers in transactional mode write their own tables in the same file, through
 * {@link UnitOfWork#connection()}.
 *
 * <pre>{@code
 * CheckpointStore store = SqliteCheckpointStore.builder(Path.of("chainwire.db")).build();
 * }</pre>
 */
public final class SqliteCheckpointStore extends DatabaseCheckpointStore {
    private SqliteCheckpointStore(SqlStore store) {
        super(store);
    }

    /** Returns a builder for a store in {@code file}, which is created if absent. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Configures a {@link SqliteCheckpointStore}. */
    public static final class Builder extends DatabaseCheckpointStore.Builder<Builder> {
        private final Path file;
        private Duration busyTimeout = Duration.ofSeconds(10);

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * Sets how long a write waits for another connection's lock before failing (default 10 seconds; from 1
         * millisecond to 1 hour).
         */
        public Builder busyTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "busyTimeout");
            if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(
                        "busyTimeout must be between 1 millisecond and 1 hour, got " + timeout);
            }
            this.busyTimeout = timeout;
            return this;
        }

        /**
         * Opens the file, creating it, its directory and the tables if absent.
         *
         * @throws IllegalArgumentException naming {@code file} if it is a directory
         * @throws CheckpointException if its directory cannot be created, the file is not a usable SQLite database, or
         *     it holds tables of another schema version
         */
        public SqliteCheckpointStore build() {
            Path path = file.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                throw new IllegalArgumentException("file must be a SQLite file, but " + path + " is a directory");
            }
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new CheckpointException("could not create the directory of SQLite file " + path, e);
            }
            String url = "jdbc:sqlite:" + path;
            Properties reader = new Properties();
            reader.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
            Properties writer = new Properties();
            writer.putAll(reader);
            writer.setProperty("journal_mode", "WAL");
            writer.setProperty("synchronous", "FULL");
            // Take the write lock when the transaction begins, waiting up to the busy timeout, rather
            // than failing at the first write when another process wrote since the transaction's read.
            writer.setProperty("transaction_mode", "IMMEDIATE");
            return new SqliteCheckpointStore(SqlStore.open(
                    () -> DriverManager.getConnection(url, writer),
                    () -> DriverManager.getConnection(url, reader),
                    "SQLite file " + path,
                    tables,
                    recentBlocks));
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
