package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointStoreTest extends TransactionalStoreContract {
  @TempDir Path directory;

  Path file() {
    return directory.resolve("nested/dir/chainwire.db");
  }

  @Override
  CheckpointStore open(String tablePrefix, int recentBlocks) {
    return SqliteCheckpointStore.builder(file()).tablePrefix(tablePrefix).recentBlocks(recentBlocks).build();
  }

  @Override
  Connection inspect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Test
  void storesItsTablesInAWriteAheadLoggedFile() throws SQLException {
    try (Connection connection = inspect();
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertEquals("wal", mode.getString(1));
    }
  }
}
