package io.chainwire.samples.hello;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.JdbcCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** Where the sample keeps its messages and its checkpoint: a SQLite file, or a database reached by a JDBC URL. */
sealed interface Database {
    /** Opens the checkpoint store; the messages table lives in the same database. */
    CheckpointStore openStore();

    /** Opens a connection of its own, for creating the messages table and for reading it. */
    Connection connect() throws SQLException;

    /** A SQLite file, created if absent. */
    record Sqlite(Path file) implements Database {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public CheckpointStore openStore() {
            return SqliteCheckpointStore.builder(file).build();
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        }
    }

    /** A JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, credentials included. */
    record Jdbc(String url) implements Database {
        public Jdbc {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public CheckpointStore openStore() {
            return JdbcCheckpointStore.builder().url(url).build();
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public String toString() {
            // The URL may carry a password: show only the scheme and the host part.
            int query = url.indexOf('?');
            return "Jdbc[" + (query < 0 ? url : url.substring(0, query)) + "]";
        }
    }
}
