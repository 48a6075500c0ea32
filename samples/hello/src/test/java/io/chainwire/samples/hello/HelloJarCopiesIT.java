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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three copies of hello.jar on one database, PostgreSQL or a SQLite file that copies on one host share, with a
 * two-second lease. Exactly one copy leads and the others stand by; copies are killed with SIGKILL or paused with
 * SIGSTOP for longer than the lease and resumed while messages (some holding NUL bytes and invalid UTF-8) arrive and
 * the chain reorganises, and through all of it the messages table ends equal to the canonical chain: every message
 * once, byte for byte, none from an orphaned block, and every copy that was not killed still runs.
 */
class HelloJarCopiesIT {
    private static final long SEED = 20260301L;
    private static final int COPIES = 3;
    private static final int ROUNDS = 6;
    private static final int LEASE_SECONDS = 2;
    // Longer than the lease, so that a standby takes over from a paused leader.
    private static final Duration PAUSE = Duration.ofSeconds(LEASE_SECONDS + 1);
    private static final int MAX_REORG_DEPTH = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SIGTERM_STATUS = 143;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void theTableEqualsTheChainThroughKillsPausesAndReorgsWithOneLeaderAtATime(String kind) throws Exception {
        Random random = new Random(SEED);
        try (TestDatabase database = TestDatabase.open(kind, dir, "hello_copies_it");
                Anvil anvil = Anvil.start();
                Connection reader = database.connect()) {
            ChainMessages chain = new ChainMessages(anvil);
            chain.send(6);
            try (HelloCopies copies = new HelloCopies(kind + "-copies", arguments(anvil, chain, database))) {
                // Started together on an empty database: they create the tables side by side.
                for (int i = 0; i < COPIES; i++) {
                    copies.start();
                }
                HelloJar leader = copies.awaitOneLeader();
                awaitTable(reader, chain, copies);

                List<String> done = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    List<HelloJar> running = copies.running();
                    boolean hitLeader = round <= 2 || random.nextBoolean();
                    HelloJar target = hitLeader ? leader : running.get(random.nextInt(running.size()));
                    int depth = 1 + random.nextInt(MAX_REORG_DEPTH);
                    // Checked below: a reorganisation that failed or hung fails the round.
                    FutureTask<Void> traffic = new FutureTask<>(() -> {
                        chain.send(3);
                        anvil.reorg(depth);
                        chain.send(2);
                        return null;
                    });
                    new Thread(traffic, "traffic").start();
                    if (round % 2 == 1) {
                        copies.kill(target);
                        copies.start();
                    } else {
                        target.pause();
                        Thread.sleep(PAUSE.toMillis());
                        target.resume();
                    }
                    traffic.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    done.add((round % 2 == 1 ? "killed " : "paused ") + (target == leader ? "the leader" : "a copy")
                            + ", reorganised " + depth);
                    leader = copies.awaitOneLeader();
                    awaitTable(reader, chain, copies);
                }

                chain.send(2);
                awaitTable(reader, chain, copies);
                HelloJar last = copies.awaitOneLeader();
                copies.requireRunning();
                assertEquals(COPIES, copies.running().size());
                System.out.printf(
                        "%s: %s; the table holds %d messages%n",
                        kind, done, MessageTable.readAll(reader).size());
                for (HelloJar copy : copies.running()) {
                    assertEquals(
                            SIGTERM_STATUS, copy.terminate(), copy.errFile().toString());
                    if (copy != last) {
                        assertTrue(copy.err().contains("stands by: another copy holds the lease"), copy.err());
                    }
                }
            }
            assertEquals(chain.expectedRows(), MessageTable.readAll(reader), "the chain's messages, once each");
            assertTrue(
                    chain.expectedRows().stream()
                            .anyMatch(row -> RawMessage.readable(row.message()).contains("\\x00\\xc3(")),
                    "some messages hold NUL bytes and invalid UTF-8");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aLeaderPausedPastItsLeaseCommitsNothingAndStandsByWhenResumed(String kind) throws Exception {
        try (TestDatabase database = TestDatabase.open(kind, dir, "hello_paused_it");
                Anvil anvil = Anvil.start();
                Connection reader = database.connect()) {
            ChainMessages chain = new ChainMessages(anvil);
            chain.send(3);
            try (HelloCopies copies = new HelloCopies(kind + "-paused", arguments(anvil, chain, database))) {
                HelloJar first = copies.start();
                assertEquals(first, copies.awaitOneLeader(), "alone, it leads");
                HelloJar second = copies.start();
                assertEquals(first, copies.awaitOneLeader(), "the second copy stands by");
                awaitTable(reader, chain, copies);
                long epoch = HelloCopies.role(first).orElseThrow().epoch();

                // Messages arrive while the leader is paused: it wakes up to new blocks.
                first.pause();
                chain.send(3);
                awaitTable(reader, chain, copies);
                assertEquals(
                        new HelloCopies.Role(true, epoch + 1),
                        HelloCopies.role(second).orElseThrow(),
                        "the second copy took over while the first was paused");
                long standingBy = HelloCopies.standByLines(first);
                first.resume();
                HelloCopies.await(first, standsByAgain(standingBy), "stand by once resumed");
                chain.send(3);
                awaitTable(reader, chain, copies);
                assertEquals(second, copies.awaitOneLeader());
                // Had the first copy committed after the takeover, the second one's next commit would have
                // been refused (the head it began from moved) and it would have stood by and led again.
                assertEquals(1, HelloCopies.leadLines(second), second.err());

                // No block arrives while the leader is paused, nor after: it learns from the store alone.
                standingBy = HelloCopies.standByLines(second);
                second.pause();
                HelloCopies.await(first, leadsWithEpoch(epoch + 2), "lead with epoch " + (epoch + 2));
                second.resume();
                HelloCopies.await(second, standsByAgain(standingBy), "stand by once resumed");
                assertEquals(first, copies.awaitOneLeader());
                chain.send(3);
                awaitTable(reader, chain, copies);

                assertEquals(first, copies.awaitOneLeader());
                assertEquals(
                        new HelloCopies.Role(true, epoch + 2),
                        HelloCopies.role(first).orElseThrow());
                assertEquals(2, HelloCopies.leadLines(first), first.err());
                assertEquals(1, HelloCopies.leadLines(second), second.err());
                assertEquals(chain.expectedRows(), MessageTable.readAll(reader), "the chain's messages, once each");
                copies.requireRunning();
            }
        }
    }

    private static List<String> arguments(Anvil anvil, ChainMessages chain, TestDatabase database) {
        List<String> args = new ArrayList<>(List.of(
                "--rpc",
                anvil.wsUrl() + "," + anvil.httpUrl(),
                "--address",
                chain.hello().toString(),
                "--from",
                "0",
                "--lease-seconds",
                Integer.toString(LEASE_SECONDS)));
        args.addAll(database.args());
        return args;
    }

    private static Predicate<HelloJar> standsByAgain(long before) {
        return copy -> HelloCopies.standByLines(copy) > before;
    }

    private static Predicate<HelloJar> leadsWithEpoch(long epoch) {
        return copy -> HelloCopies.role(copy).equals(Optional.of(new HelloCopies.Role(true, epoch)));
    }

    /** Waits until the table equals the chain's messages, failing if a running copy exits. */
    private static void awaitTable(Connection reader, ChainMessages chain, HelloCopies copies)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!MessageTable.readAll(reader).equals(chain.expectedRows())) {
            copies.requireRunning();
            if (System.nanoTime() > deadline) {
                fail("the table is not the chain's messages after " + WAIT + ": "
                        + MessageTable.readAll(reader).size() + " rows, "
                        + chain.expectedRows().size() + " messages on the chain; see " + copies.logs());
            }
            Thread.sleep(50);
        }
    }
}
