package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that commits blocks with handler rows ({@link CommittingProcess}) with SIGKILL at a random point, several
 * times, and checks after each kill that the handler rows and the checkpoint agree exactly: every block up to the
 * checkpoint has all its rows and dead letters, no block above it has any.
 */
class CrashSafetyTest {
    private static final int KILLS = 3;
    private static final int MAX_BLOCKS_PER_RUN = 100_000;
    private static final long WAIT_SECONDS = 120;
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final String END_OF_OUTPUT = "<end of output>";

    private final Random random = new Random();
    private final String prefix = "crash_";
    private final StreamId stream = StreamId.of("crash-" + UUID.randomUUID());

    @TempDir
    Path directory;

    @Test
    void sqliteHandlerRowsAndCheckpointAgreeAfterEachKill() throws Exception {
        Path file = directory.resolve("crash.db");
        killRepeatedly(
                List.of("sqlite", file.toString()),
                () -> SqliteCheckpointStore.builder(file).tablePrefix(prefix).build(),
                () -> DriverManager.getConnection("jdbc:sqlite:" + file));
    }

    @Test
    void postgresHandlerRowsAndCheckpointAgreeAfterEachKill() throws Exception {
        String schema = LocalPostgres.createSchema("crash");
        try {
            String url = LocalPostgres.url(schema);
            killRepeatedly(
                    List.of("postgres", url),
                    () -> JdbcCheckpointStore.builder()
                            .url(url)
                            .user(LocalPostgres.USER)
                            .tablePrefix(prefix)
                            .build(),
                    () -> LocalPostgres.connect(url));
        } finally {
            LocalPostgres.dropSchema(schema);
        }
    }

    @FunctionalInterface
    interface Inspector {
        Connection connect() throws SQLException;
    }

    private void killRepeatedly(List<String> target, Supplier<CheckpointStore> reopen, Inspector inspector)
            throws Exception {
        long handled = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long killAfter = handled + 5 + random.nextInt(60);
            Process child = start(target);
            awaitCommitted(child, killAfter);
            child.destroyForcibly();
            assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the killed child did not exit");
            assertEquals(SIGKILL_EXIT, child.exitValue(), "the child must die by SIGKILL");

            try (CheckpointStore store = reopen.get()) {
                Checkpoint checkpoint = store.load(stream).orElseThrow();
                long head = checkpoint.head().number();
                assertTrue(head >= killAfter, "the checkpoint lost block " + killAfter + ", which was committed");
                assertWindowIsTheChainUpTo(head, checkpoint);
                try (Connection connection = inspector.connect()) {
                    assertEquals(
                            List.of(head * CommittingProcess.ROWS_PER_BLOCK, head, 1L, head),
                            longs(
                                    connection,
                                    "SELECT COUNT(*), COUNT(DISTINCT block_number), MIN(block_number), MAX(block_number) FROM "
                                            + prefix
                                            + "transfers"),
                            "handler rows of blocks 1.." + head + " after kill " + kill);
                }
                assertEquals(
                        head / CommittingProcess.DEAD_LETTER_EVERY,
                        store.deadLetters(stream, MAX_BLOCKS_PER_RUN).size(),
                        "dead letters of blocks 1.." + head);
                handled = head;
            }
        }
    }

    private static void assertWindowIsTheChainUpTo(long head, Checkpoint checkpoint) {
        List<BlockRef> expected = new ArrayList<>();
        for (long number = Math.max(1, head - 127); number <= head; number++) {
            expected.add(CheckpointStoreContract.A.block(number));
        }
        assertEquals(expected, checkpoint.recentBlocks(), "the window holds the last 128 handled blocks");
    }

    private Process start(List<String> target) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath());
        command.add(CommittingProcess.class.getName());
        command.addAll(target);
        command.add(prefix);
        command.add(stream.value());
        command.add(Integer.toString(MAX_BLOCKS_PER_RUN));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * The child runs from the class path alone: this JVM's class path, and its module path when the tests run on one
     * (the runtime and its modules are there then).
     */
    private static String classPath() {
        String modulePath = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path");
        return modulePath == null ? classPath : modulePath + File.pathSeparator + classPath;
    }

    /** Waits until the child reports block {@code number} committed; fails if it exits first. */
    private static void awaitCommitted(Process child, long number) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // Killing the child closes the pipe under the reader; the end of output says so.
                lines.add("<output closed: " + e.getMessage() + ">");
            }
            lines.add(END_OF_OUTPUT);
        });
        reader.setDaemon(true);
        reader.start();
        List<String> other = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                child.destroyForcibly();
                throw new AssertionError("the child did not commit block " + number + "; its output: " + other);
            }
            if (line.equals("committed " + number)) {
                return;
            }
            if (!line.startsWith("committed ")) {
                other.add(line);
            }
        }
    }

    private static List<Long> longs(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<Long> values = new ArrayList<>();
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                values.add(row.getLong(column));
            }
            return values;
        }
    }
}
