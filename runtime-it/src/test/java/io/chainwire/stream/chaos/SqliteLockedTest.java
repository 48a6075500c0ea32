package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream whose checkpoints and ledger share a SQLite file with another connection that locks the file ({@code BEGIN
 * EXCLUSIVE}, as another process would) for far longer than the store's busy timeout: the stream stands by while the
 * file is locked, and resumes when the lock is released, every message once.
 */
@AnvilTest
class SqliteLockedTest {
    private static final Duration BUSY_TIMEOUT = Duration.ofMillis(50);
    /** How long the file stays locked: longer than the lease, so several renewals fail. */
    private static final Duration LOCKED = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the locks are what the try blocks hold; the first is released inside its block
    void standsByWhileAnotherConnectionLocksTheFileBeforeBackfillAndWhileLiveThenResumes(Anvil anvil) throws Exception {
        HelloChain chain = new HelloChain(anvil);
        chain.send(20);
        anvil.mine(30);
        Path file = dir.resolve("ledger.db");
        Ledger.create(file);
        Reports reports = new Reports();
        try (CheckpointStore store = SqliteCheckpointStore.builder(file)
                        .busyTimeout(BUSY_TIMEOUT)
                        .recentBlocks(16)
                        .build();
                ExclusiveLock beforeBackfill = new ExclusiveLock(file);
                StreamHandle handle = ChaosStreams.builder(chain, store, anvil.httpUrl())
                        .lease(Duration.ofSeconds(1), Duration.ofMillis(300))
                        .maxRange(5)
                        .metrics(reports)
                        .build()
                        .start()) {
            ChaosStreams.awaitStandingBy(handle);
            Thread.sleep(LOCKED.toMillis());
            assertEquals(StreamState.STANDBY, handle.state(), "standing by while the file is locked");
            beforeBackfill.close();
            chain.awaitLedger(file, 20, handle);

            assertTrue(handle.awaitLive(Duration.ofMinutes(1)), "live");
            try (ExclusiveLock whileLive = new ExclusiveLock(file)) {
                chain.send(5);
                ChaosStreams.awaitStandingBy(handle);
                Thread.sleep(LOCKED.toMillis());
                assertEquals(StreamState.STANDBY, handle.state(), "standing by while the file is locked");
            }
            chain.awaitLedger(file, 25, handle);
        }
        assertEquals(
                List.of(StreamRole.LEADER, StreamRole.STANDBY, StreamRole.LEADER, StreamRole.STANDBY),
                reports.roles(),
                "it led once the file was free, stood by while it was locked again, resumed, and led no more once closed");
    }

    /** Another connection's exclusive transaction on a SQLite file, held until closed; closing twice does nothing. */
    private static final class ExclusiveLock implements AutoCloseable {
        private final Connection connection;

        ExclusiveLock(Path file) throws SQLException {
            connection = DriverManager.getConnection(Ledger.sqlite(file));
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
            }
        }

        /** Rolls the transaction back and closes the connection, if not done already. */
        @Override
        public void close() throws SQLException {
            if (connection.isClosed()) {
                return;
            }
            try (connection;
                    Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            }
        }
    }
}
