package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import io.chainwire.testkit.Anvil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reorganisation replaces the blocks of the last three messages with empty ones: the sample prints their removals,
 * newest first, and deletes their rows, so the table again equals the chain, also when the reorganisation happened
 * while the sample was stopped.
 */
class HelloServiceReorgTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void deletesTheRowsOfMessagesAReorganisationRemoved() throws Exception {
        Database database = new Database.Sqlite(dir.resolve("hello.db"));
        try (Anvil anvil = Anvil.start()) {
            ChainMessages chain = new ChainMessages(anvil);
            HelloOptions options = sendFiveMessages(chain, anvil, database);
            try (HelloService service = start(options);
                    Connection reader = database.connect()) {
                awaitTable(reader, chain, service);
                List<MessageTable.Row> before = MessageTable.readAll(reader);

                anvil.reorg(3);
                anvil.mine(1);
                awaitTable(reader, chain, service);
                chain.send(1);
                awaitTable(reader, chain, service);

                assertEquals(before.subList(0, 2), MessageTable.readAll(reader).subList(0, 2));
                assertEquals(3, MessageTable.readAll(reader).size());
                assertEquals(removalsOfLastThree(before), removals());
            }
        }
    }

    @Test
    void deletesTheRowsOfMessagesOrphanedWhileItWasStopped() throws Exception {
        Database database = new Database.Sqlite(dir.resolve("hello.db"));
        try (Anvil anvil = Anvil.start()) {
            ChainMessages chain = new ChainMessages(anvil);
            HelloOptions options = sendFiveMessages(chain, anvil, database);
            List<MessageTable.Row> before;
            try (HelloService service = start(options);
                    Connection reader = database.connect()) {
                awaitTable(reader, chain, service);
                before = MessageTable.readAll(reader);
            }

            anvil.reorg(3);
            anvil.mine(1);
            try (HelloService service = start(options);
                    Connection reader = database.connect()) {
                awaitTable(reader, chain, service);
                assertEquals(before.subList(0, 2), MessageTable.readAll(reader));
                assertEquals(removalsOfLastThree(before), removals());
            }
        }
    }

    /** Sends five messages, one block each, and returns the options of a sample following them. */
    private static HelloOptions sendFiveMessages(ChainMessages chain, Anvil anvil, Database database) {
        chain.send(5);
        return new HelloOptions(
                List.of(RpcEndpoint.of(anvil.wsUrl())),
                chain.hello(),
                database,
                0,
                0,
                EventStream.DEFAULT_MAX_RANGE,
                HelloOptions.DEFAULT_LEASE);
    }

    private HelloService start(HelloOptions options) throws SQLException {
        return HelloService.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** Returns the lines the sample prints for the removals of the last three of five rows, newest first. */
    private static List<String> removalsOfLastThree(List<MessageTable.Row> rows) {
        return List.of(rows.get(4), rows.get(3), rows.get(2)).stream()
                .map(row -> "removed block " + row.blockNumber() + ", log 0: " + row.sender() + " says \""
                        + RawMessage.readable(row.message()) + "\"")
                .toList();
    }

    private List<String> removals() {
        return printed.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("removed "))
                .toList();
    }

    /** Waits until the table equals the chain's messages, failing if the stream ends. */
    private static void awaitTable(Connection reader, ChainMessages chain, HelloService service) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!MessageTable.readAll(reader).equals(chain.expectedRows())) {
            assertTrue(
                    !service.handle().state().isTerminal(),
                    () -> "the stream ended: " + service.handle().failure());
            if (System.nanoTime() > deadline) {
                fail("the table is " + MessageTable.readAll(reader) + ", the chain has " + chain.expectedRows());
            }
            Thread.sleep(20);
        }
    }
}
