package io.chainwire.checkpoint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store's SQL, shared with the SQLite store, run through a plain SQLite JDBC URL. */
class JdbcSqliteCheckpointStoreTest extends TransactionalStoreContract {
    @TempDir
    Path directory;

    String url() {
        return "jdbc:sqlite:" + directory.resolve("jdbc.db");
    }

    @Override
    CheckpointStore open(String tablePrefix, int recentBlocks) {
        return JdbcCheckpointStore.builder()
                .url(url())
                .tablePrefix(tablePrefix)
                .recentBlocks(recentBlocks)
                .build();
    }

    @Override
    Connection inspect() throws SQLException {
        return DriverManager.getConnection(url());
    }
}
