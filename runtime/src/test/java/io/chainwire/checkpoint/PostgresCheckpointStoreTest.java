package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The JDBC store against the machine's PostgreSQL, in a schema of this class's own. */
class PostgresCheckpointStoreTest extends TransactionalStoreContract {
  static String schema;

  @BeforeAll
  static void createSchema() {
    schema = LocalPostgres.createSchema("store");
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (schema != null) {
      LocalPostgres.dropSchema(schema);
    }
  }

  @Override
  CheckpointStore open(String tablePrefix, int recentBlocks) {
    return JdbcCheckpointStore.builder()
        .url(LocalPostgres.url(schema))
        .user(LocalPostgres.USER)
        .tablePrefix(tablePrefix)
        .recentBlocks(recentBlocks)
        .build();
  }

  @Override
  Connection inspect() throws SQLException {
    return LocalPostgres.connect(LocalPostgres.url(schema));
  }

  @Test
  void worksThroughADataSource() throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(LocalPostgres.url(schema));
    source.setUser(LocalPostgres.USER);
    try (CheckpointStore pooled = JdbcCheckpointStore.builder().dataSource(source).tablePrefix(tablePrefix).build()) {
      handle(pooled, stream, A.block(1));
      assertTrue(pooled.toString().contains("PGSimpleDataSource"), pooled.toString());
    }
    assertEquals(List.of("1"), committedBlocks());
  }
}
