package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.samples.hello.contract.Hello;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The messages table on SQLite and on PostgreSQL: one row per message, kept byte for byte, removed rows deleted,
 * duplicates refused.
 */
class MessageTableTest {
    private static final Address HELLO = Address.fromHex("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static final Address ALICE = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    @TempDir
    Path dir;

    private static Hello.MessageSent message(long block, int logIndex, String text) {
        LogMeta meta = new LogMeta(HELLO, block, Hash.keccak256("block " + block), Hash.keccak256(text), 0, logIndex);
        return new Hello.MessageSent(ALICE, text, meta);
    }

    private static Bytes utf8(String text) {
        return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void insertsRowsThatReadBackInChainOrderAndDeletesRemovedOnes(String kind) throws SQLException {
        Hello.MessageSent first = message(3, 0, "first");
        Hello.MessageSent second = message(3, 1, "second");
        Hello.MessageSent third = message(5, 0, "Grüße ✓");
        try (TestDatabase database = TestDatabase.open(kind, dir, "message_table_rows");
                Connection connection = database.connect()) {
            MessageTable.create(connection);
            MessageTable.create(connection);
            MessageTable.insert(connection, third, utf8(third.message()));
            MessageTable.insert(connection, first, utf8(first.message()));
            MessageTable.insert(connection, second, utf8(second.message()));
            MessageTable.delete(connection, second);

            assertEquals(
                    List.of(MessageTable.Row.of(first, utf8("first")), MessageTable.Row.of(third, utf8("Grüße ✓"))),
                    MessageTable.readAll(connection));
            assertEquals(
                    new MessageTable.Row(
                            5,
                            0,
                            Hash.keccak256("Grüße ✓").toHex(),
                            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                            utf8("Grüße ✓")),
                    MessageTable.readAll(connection).get(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void keepsEveryByteOfAMessageNulAndInvalidUtf8Included(String kind) throws SQLException {
        Bytes bytes = Bytes.fromHex("00" + "68690a" + "c328" + "ff" + "e282ac" + "00");
        Hello.MessageSent event = message(7, 2, new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        try (TestDatabase database = TestDatabase.open(kind, dir, "message_table_bytes");
                Connection connection = database.connect()) {
            MessageTable.create(connection);
            MessageTable.insert(connection, event, bytes);

            assertEquals(List.of(MessageTable.Row.of(event, bytes)), MessageTable.readAll(connection));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void refusesTheSameMessageTwice(String kind) throws SQLException {
        try (TestDatabase database = TestDatabase.open(kind, dir, "message_table_twice");
                Connection connection = database.connect()) {
            MessageTable.create(connection);
            MessageTable.insert(connection, message(3, 0, "once"), utf8("once"));

            assertThrows(
                    SQLException.class, () -> MessageTable.insert(connection, message(3, 0, "once"), utf8("once")));
        }
    }
}
