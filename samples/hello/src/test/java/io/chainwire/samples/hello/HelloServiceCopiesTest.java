package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two services of the sample on one database, as {@link StreamHandle#role()} and {@link StreamHandle#epoch()} show
 * them: the first leads with epoch 1 and the second stands by; when the first stops cleanly it releases its lease, and
 * the second leads with epoch 2 and stores what comes next.
 */
class HelloServiceCopiesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    @SuppressWarnings("try") // the leader is closed inside its try block, to watch the standby take over
    void oneServiceLeadsTheOtherStandsByAndTakesOverWhenTheLeaderStops(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.open(kind, dir, "hello_service_copies");
                Anvil anvil = Anvil.start();
                Connection reader = database.connect()) {
            ChainMessages chain = new ChainMessages(anvil);
            chain.send(2);
            HelloOptions options = new HelloOptions(
                    List.of(RpcEndpoint.of(anvil.wsUrl())),
                    chain.hello(),
                    database.database(),
                    0,
                    0,
                    EventStream.DEFAULT_MAX_RANGE,
                    Duration.ofSeconds(2));
            try (HelloService first = start(options)) {
                assertTrue(
                        first.handle().awaitLive(WAIT),
                        "live: " + first.handle().state());
                assertEquals(StreamRole.LEADER, first.handle().role());
                assertEquals(OptionalLong.of(1), first.handle().epoch());
                try (HelloService second = start(options)) {
                    await(second.handle(), handle -> handle.state() == StreamState.STANDBY, "stand by");
                    assertEquals(StreamRole.STANDBY, second.handle().role());
                    assertEquals(OptionalLong.empty(), second.handle().epoch());
                    assertEquals(StreamRole.LEADER, first.handle().role());

                    first.close();
                    assertEquals(StreamRole.STANDBY, first.handle().role(), "a stopped copy holds no lease");
                    assertTrue(
                            second.handle().awaitLive(WAIT),
                            "live: " + second.handle().state());
                    assertEquals(StreamRole.LEADER, second.handle().role());
                    assertEquals(OptionalLong.of(2), second.handle().epoch());
                    chain.send(1);
                    await(
                            second.handle(),
                            handle -> rows(reader).equals(chain.expectedRows()),
                            "store the third message");
                }
            }
        }
    }

    private HelloService start(HelloOptions options) throws SQLException {
        return HelloService.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static List<MessageTable.Row> rows(Connection reader) {
        try {
            return MessageTable.readAll(reader);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition} holds, failing if the stream ends first. */
    private static void await(StreamHandle handle, Predicate<StreamHandle> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(handle)) {
            if (handle.state().isTerminal()) {
                fail(
                        "the stream ended (" + handle.state() + ") before it could " + what,
                        handle.failure().orElse(null));
            }
            if (System.nanoTime() > deadline) {
                fail("the stream did not " + what + " within " + WAIT + "; state " + handle.state());
            }
            Thread.sleep(20);
        }
    }
}
