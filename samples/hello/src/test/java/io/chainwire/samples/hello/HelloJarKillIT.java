package io.chainwire.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.testkit.Anvil;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hello.jar is killed with SIGKILL at seeded random points, ten times, half while it backfills a backlog by block
 * ranges and half while it follows new blocks, and restarted each time. Small {@code eth_getLogs} ranges make each
 * backlog many units of work, so most backfill kills land before the backlog is stored. After every kill the messages
 * table is exactly the chain's messages up to some block (the checkpoint and the rows commit together), and in the end
 * it equals the chain's messages: no loss, no duplicate. The same holds with the checkpoint and the table in
 * PostgreSQL.
 */
class HelloJarKillIT {
    private static final long SEED = 20260127L;
    private static final int KILLS = 10;
    private static final int FIRST_BACKLOG = 120;
    private static final int BACKLOG_PER_ROUND = 40;
    private static final int LIVE_PER_ROUND = 12;
    // Empty blocks on top of each backlog put it below anvil's finalized block (head - 64), so the
    // stream catches up on it with eth_getLogs ranges rather than block by block.
    private static final int BURY = 100;
    // Two blocks a range turn a backlog into dozens of commits, so a kill lands in the middle of it.
    private static final String MAX_RANGE = "2";
    private static final int BACKFILL_KILLS_MID_BACKLOG = 3;
    // A restarted copy takes over once the killed one's lease has expired: keep that short.
    private static final String LEASE_SECONDS = "2";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sqliteTableEqualsTheChainAfterTenKillsAndACleanStop() throws Exception {
        try (TestDatabase database = TestDatabase.sqlite(dir.resolve("hello.db"))) {
            survivesKills(database);
        }
    }

    @Test
    void postgresqlTableEqualsTheChainAfterTenKillsAndACleanStop() throws Exception {
        try (TestDatabase database = TestDatabase.postgresql("hello_kill_it")) {
            survivesKills(database);
        }
    }

    private static void survivesKills(TestDatabase database) throws Exception {
        String name = database.name();
        Random random = new Random(SEED);
        try (Anvil anvil = Anvil.start();
                Connection reader = database.connect()) {
            MessageTable.create(reader);
            ChainMessages chain = new ChainMessages(anvil);
            chain.send(FIRST_BACKLOG);
            anvil.mine(BURY);
            List<String> args = new ArrayList<>(List.of(
                    "--rpc",
                    anvil.wsUrl() + "," + anvil.httpUrl(),
                    "--address",
                    chain.hello().toString(),
                    "--from",
                    "0",
                    "--max-range",
                    MAX_RANGE,
                    "--lease-seconds",
                    LEASE_SECONDS));
            args.addAll(database.args());

            int backfillKills = 0;
            for (int round = 1; round <= KILLS; round++) {
                boolean live = round % 2 == 0;
                if (!live && round > 1) {
                    chain.send(BACKLOG_PER_ROUND);
                    anvil.mine(BURY);
                }
                try (HelloJar app = HelloJar.start(name + "-" + round, args)) {
                    if (live) {
                        awaitRows(reader, chain.sent(), app);
                        int target = chain.sent() + 1 + random.nextInt(LIVE_PER_ROUND - 1);
                        Thread sender = new Thread(() -> chain.send(LIVE_PER_ROUND), "sender");
                        sender.start();
                        awaitRows(reader, target, app);
                        app.kill();
                        sender.join(WAIT.toMillis());
                    } else {
                        int stored = MessageTable.readAll(reader).size();
                        awaitRows(reader, stored + 1 + random.nextInt(chain.sent() - stored - 1), app);
                        app.kill();
                        backfillKills += MessageTable.readAll(reader).size() < chain.sent() ? 1 : 0;
                    }
                }
                List<MessageTable.Row> rows = MessageTable.readAll(reader);
                assertEquals(
                        chain.expectedRows().subList(0, rows.size()),
                        rows,
                        "after kill " + round + ": a prefix of the chain");
            }

            try (HelloJar app = HelloJar.start(name + "-final", args)) {
                awaitRows(reader, chain.sent(), app);
                chain.send(2);
                awaitRows(reader, chain.sent(), app);
                assertEquals(143, app.terminate(), "the exit status after SIGTERM");
                assertTrue(app.err().contains("hello: stopped after block " + anvil.blockNumber()), app.err());
                assertTrue(
                        app.out().contains("says \"" + RawMessage.readable(ChainMessages.message(chain.sent())) + "\""),
                        app.out());
            }
            assertEquals(chain.expectedRows(), MessageTable.readAll(reader), "the chain's messages, once each");
            assertEquals(
                    FIRST_BACKLOG + (KILLS / 2 - 1) * BACKLOG_PER_ROUND + KILLS / 2 * LIVE_PER_ROUND + 2, chain.sent());
            System.out.printf(
                    "%s: %d of %d backfill kills landed before the backlog was stored%n",
                    name, backfillKills, KILLS / 2);
            assertTrue(
                    backfillKills >= BACKFILL_KILLS_MID_BACKLOG,
                    name + ": only " + backfillKills + " of " + KILLS / 2
                            + " backfill kills landed before the backlog was stored");
        }
    }

    /** Waits until the table holds {@code count} rows, failing if the app exits first. */
    private static void awaitRows(Connection reader, int count, HelloJar app)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (MessageTable.readAll(reader).size() < count) {
            if (!app.isAlive()) {
                fail("hello.jar exited with " + app.awaitExit() + " before storing " + count + " rows:\n" + app.err());
            }
            if (System.nanoTime() > deadline) {
                fail("hello.jar did not store " + count + " rows within " + WAIT + "; see " + app.errFile());
            }
            Thread.sleep(5);
        }
    }
}
