package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.samples.hello.contract.Hello;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages table on SQLite: one row per message, removed rows deleted, duplicates refused. */
class MessageTableTest {
  private static final Address HELLO = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
  private static final Address ALICE = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  @TempDir Path dir;

  private static Hello.MessageSent message(long block, int logIndex, String text) {
    LogMeta meta = new LogMeta(HELLO, block, Hash.keccak256("block " + block), Hash.keccak256(text), 0, logIndex);
    return new Hello.MessageSent(ALICE, text, meta);
  }

  @Test
  void insertsRowsThatReadBackInChainOrderAndDeletesRemovedOnes() throws SQLException {
    Hello.MessageSent first = message(3, 0, "first");
    Hello.MessageSent second = message(3, 1, "second");
    Hello.MessageSent third = message(5, 0, "Grüße ✓");
    try (Connection connection = new Database.Sqlite(dir.resolve("hello.db")).connect()) {
      MessageTable.create(connection);
      MessageTable.create(connection);
      MessageTable.insert(connection, third);
      MessageTable.insert(connection, first);
      MessageTable.insert(connection, second);
      MessageTable.delete(connection, second);

      assertEquals(List.of(MessageTable.Row.of(first), MessageTable.Row.of(third)), MessageTable.readAll(connection));
      assertEquals(new MessageTable.Row(5, 0, Hash.keccak256("Grüße ✓").toHex(), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "Grüße ✓"),
          MessageTable.readAll(connection).get(1));
    }
  }

  @Test
  void refusesTheSameMessageTwice() throws SQLException {
    try (Connection connection = new Database.Sqlite(dir.resolve("hello.db")).connect()) {
      MessageTable.create(connection);
      MessageTable.insert(connection, message(3, 0, "once"));

      assertThrows(SQLException.class, () -> MessageTable.insert(connection, message(3, 0, "once")));
    }
  }
}
