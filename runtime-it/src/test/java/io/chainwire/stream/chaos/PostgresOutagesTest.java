package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.JdbcCheckpointStore;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream whose checkpoints, and whose handler's ledger, are in the machine's PostgreSQL, while the database goes
 * away: its sessions ended by the server, the network to it cut for longer than a lease renewal, the answer to a commit
 * lost. The stream stands by, resumes by itself, and the ledger ends equal to the chain, every message once (its
 * primary key would fail a second delivery of a committed message); an outage past the limit fails the stream.
 */
@AnvilTest
class PostgresOutagesTest {
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration RENEWAL = Duration.ofMillis(300);
    /** How long the database stays cut off: longer than the lease, so several renewals fail. */
    private static final Duration OUTAGE = Duration.ofSeconds(2);
    /** PostgreSQL's answer to a commit that took effect: a CommandComplete message with this tag. */
    private static final byte[] COMMITTED = "COMMIT\0".getBytes(StandardCharsets.US_ASCII);

    private static final int MESSAGES = 40;

    private final String application =
            "chainwire-outage-" + UUID.randomUUID().toString().substring(0, 8);
    private final Reports reports = new Reports();
    private final LedgerFaults faults = new LedgerFaults();
    private final List<StreamState> statesAtFaults = new CopyOnWriteArrayList<>();
    private String schema;
    private String ledgerUrl;

    @BeforeEach
    void createLedger() throws SQLException {
        schema = Postgres.createSchema();
        ledgerUrl = Postgres.url(Postgres.PORT, schema, "chainwire-outage-test");
        Ledger.create(ledgerUrl);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        Postgres.dropSchema(schema);
    }

    @Test
    void survivesItsSessionsEndedByTheServerDuringBackfillAndWhileLive(Anvil anvil) throws Exception {
        HelloChain chain = history(anvil);
        List<Integer> ended = new CopyOnWriteArrayList<>();
        Runnable endSessions = () -> {
            statesAtFaults.add(reports.state());
            ended.add(Postgres.terminate(application));
        };
        // At the first write, before the handler first asks for the connection; then mid-backfill.
        faults.arm(1, () -> {
            endSessions.run();
            faults.arm(12, endSessions);
        });
        try (CheckpointStore store = store(Postgres.PORT);
                StreamHandle handle = stream(chain, store, anvil).build().start()) {
            chain.awaitLedger(ledgerUrl, MESSAGES, handle);

            // Live, between units of work: the session the store keeps for them ends while idle.
            assertTrue(handle.awaitLive(Duration.ofMinutes(1)), "live");
            endSessions.run();
            chain.send(5);
            chain.awaitLedger(ledgerUrl, MESSAGES + 5, handle);

            // Live, inside a handler's write.
            faults.arm(1, endSessions);
            chain.send(5);
            chain.awaitLedger(ledgerUrl, MESSAGES + 10, handle);
        }
        assertEquals(
                List.of(StreamState.BACKFILLING, StreamState.BACKFILLING, StreamState.LIVE, StreamState.LIVE),
                statesAtFaults);
        assertTrue(ended.stream().allMatch(count -> count > 0), "each fault ended sessions: " + ended);
        // A handler's write that fails makes the stream stand by and try again; a session that ended
        // while idle is replaced at the next unit of work, unnoticed. Closed, it leads no more.
        assertEquals(
                List.of(
                        StreamRole.LEADER,
                        StreamRole.STANDBY,
                        StreamRole.LEADER,
                        StreamRole.STANDBY,
                        StreamRole.LEADER,
                        StreamRole.STANDBY,
                        StreamRole.LEADER,
                        StreamRole.STANDBY),
                reports.roles());
    }

    @Test
    void standsByWhileTheDatabaseIsCutOffDuringBackfillAndWhileLiveThenResumesOnce(Anvil anvil) throws Exception {
        HelloChain chain = history(anvil);
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", Postgres.PORT)) {
            faults.arm(12, () -> {
                statesAtFaults.add(reports.state());
                proxy.cut();
            });
            try (CheckpointStore store = store(proxy.port());
                    StreamHandle handle = stream(chain, store, anvil).build().start()) {
                ChaosStreams.awaitStandingBy(handle);
                Thread.sleep(OUTAGE.toMillis());
                assertEquals(StreamState.STANDBY, handle.state(), "standing by while the database is away");
                proxy.restore();
                chain.awaitLedger(ledgerUrl, MESSAGES, handle);

                assertTrue(handle.awaitLive(Duration.ofMinutes(1)), "live");
                statesAtFaults.add(handle.state());
                proxy.cut();
                chain.send(5);
                ChaosStreams.awaitStandingBy(handle);
                Thread.sleep(OUTAGE.toMillis());
                assertEquals(StreamState.STANDBY, handle.state(), "standing by while the database is away");
                proxy.restore();
                chain.awaitLedger(ledgerUrl, MESSAGES + 5, handle);
            }
        }
        assertEquals(List.of(StreamState.BACKFILLING, StreamState.LIVE), statesAtFaults);
        assertEquals(
                List.of(
                        StreamRole.LEADER,
                        StreamRole.STANDBY,
                        StreamRole.LEADER,
                        StreamRole.STANDBY,
                        StreamRole.LEADER,
                        StreamRole.STANDBY),
                reports.roles(),
                "one stand-by and one resumption per outage, and no lead once closed");
    }

    @Test
    void failsWhenTheDatabaseStaysAwayPastTheOutageLimitNamingIt(Anvil anvil) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        chain.send(3);
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", Postgres.PORT);
                CheckpointStore store = store(proxy.port());
                StreamHandle handle = stream(chain, store, anvil)
                        .storeOutageLimit(Duration.ofSeconds(1))
                        .build()
                        .start()) {
            chain.awaitLedger(ledgerUrl, 3, handle);
            proxy.cut();
            chain.send(1);
            assertTrue(handle.awaitTermination(Duration.ofMinutes(1)), "the stream ends");
            assertEquals(StreamState.FAILED, handle.state());
            CheckpointStoreFailedException failure = assertInstanceOf(
                    CheckpointStoreFailedException.class, handle.failure().orElseThrow());
            assertTrue(failure.getMessage().contains("past the outage limit of 1 s"), failure.getMessage());
        }
        assertEquals(3, Ledger.read(ledgerUrl).size(), "nothing committed while the database was away");
    }

    @Test
    void aCommitWhoseAnswerIsLostIsNeitherRepeatedNorLost(Anvil anvil) throws Exception {
        HelloChain chain = history(anvil);
        try (FaultProxy proxy = FaultProxy.tcp("127.0.0.1", Postgres.PORT)) {
            // The unit of work holding the 12th write commits, but its connection drops before the
            // stream hears so: the outcome is unknown to the stream until it reloads its checkpoint.
            faults.arm(12, () -> proxy.dropOnceWhenUpstreamSends(COMMITTED));
            try (CheckpointStore store = store(proxy.port());
                    StreamHandle handle = stream(chain, store, anvil).build().start()) {
                chain.awaitLedger(ledgerUrl, MESSAGES, handle);
                assertEquals(1, proxy.droppedWhenUpstreamSent(), "a commit's answer was lost during backfill");

                assertTrue(handle.awaitLive(Duration.ofMinutes(1)), "live");
                proxy.dropOnceWhenUpstreamSends(COMMITTED);
                chain.send(5);
                chain.awaitLedger(ledgerUrl, MESSAGES + 5, handle);
                assertEquals(2, proxy.droppedWhenUpstreamSent(), "a commit's answer was lost while live");
            }
        }
    }

    @Test
    void aLedgerLockedByAnotherSessionPastTheLockTimeoutDelaysTheStreamWithoutFailingIt(Anvil anvil) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        chain.send(3);
        try (CheckpointStore store = store(Postgres.PORT);
                StreamHandle handle = stream(chain, store, anvil).build().start()) {
            chain.awaitLedger(ledgerUrl, 3, handle);
            try (Connection other = DriverManager.getConnection(ledgerUrl);
                    Statement statement = other.createStatement()) {
                other.setAutoCommit(false);
                statement.execute("LOCK TABLE ledger IN EXCLUSIVE MODE");
                chain.send(2);
                // Each write waits for the lock until the store's lock timeout (half the lease) ends it.
                while (reports.handlerRetries() < 2 && !handle.state().isTerminal()) {
                    Thread.sleep(10);
                }
                assertEquals(StreamState.LIVE, handle.state(), () -> "still running: " + handle.failure());
                other.rollback();
            }
            chain.awaitLedger(ledgerUrl, 5, handle);
        }
    }

    /** Sends the messages the stream backfills, then blocks enough to backfill them by ranges. */
    private static HelloChain history(Anvil anvil) {
        HelloChain chain = new HelloChain(anvil);
        chain.send(MESSAGES);
        anvil.mine(30);
        return chain;
    }

    /**
     * The store reached through loopback {@code port}, keeping 16 recent blocks so most history is backfilled by
     * ranges.
     */
    private CheckpointStore store(int port) {
        return JdbcCheckpointStore.builder()
                .url(Postgres.url(port, schema, application))
                .recentBlocks(16)
                .build();
    }

    private EventStream.Builder stream(HelloChain chain, CheckpointStore store, Anvil anvil) {
        Ledger ledger = new Ledger(HelloChain.MESSAGE_SENT).before(faults);
        return ChaosStreams.builder(chain, store, ledger, anvil.httpUrl())
                .lease(LEASE, RENEWAL)
                .maxRange(5)
                .metrics(reports);
    }
}
