package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
        try (CheckpointStore pooled = JdbcCheckpointStore.builder()
                .dataSource(source)
                .tablePrefix(tablePrefix)
                .build()) {
            handle(pooled, stream, A.block(1));
            assertTrue(pooled.toString().contains("PGSimpleDataSource"), pooled.toString());
        }
        assertEquals(List.of("1"), committedBlocks());
    }

    @Test
    void aStaleCopysCommitIsRefusedInTheDatabaseEvenWhenItGotItsConnectionFirst() throws SQLException {
        try (CheckpointStore otherCopy = open(tablePrefix, 128)) {
            Lease stale =
                    store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
            try (UnitOfWork late = store.begin(stale, Optional.empty())) {
                // copy-1 pauses with its transaction open; copy-2 takes over (the release stands in for the
                // expiry) and commits.
                store.releaseLease(stale);
                Lease current = otherCopy
                        .acquireLease(stream, "copy-2", Duration.ofMinutes(1))
                        .orElseThrow();
                try (UnitOfWork work = otherCopy.begin(current, Optional.empty())) {
                    insertTransfer(work, 1, 0);
                    work.markHandled(A.block(1));
                    work.commit();
                }

                insertTransfer(late, 5, 0);
                assertThrows(FencedException.class, () -> {
                    late.markHandled(A.block(5));
                    late.commit();
                });
            }
        }
        assertEquals(List.of("1/0"), committedTransfers());
        assertEquals(List.of("1"), committedBlocks());
    }

    @Test
    void copiesOpeningTogetherOnAnEmptySchemaAllGetTheirTables() throws Exception {
        int copies = 6;
        String empty = LocalPostgres.createSchema("together");
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CyclicBarrier start = new CyclicBarrier(copies);
            List<Future<Optional<Lease>>> leases = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String holder = "copy-" + i;
                leases.add(pool.submit(() -> {
                    start.await();
                    try (CheckpointStore copy = JdbcCheckpointStore.builder()
                            .url(LocalPostgres.url(empty))
                            .user(LocalPostgres.USER)
                            .build()) {
                        return copy.acquireLease(stream, holder, Duration.ofMinutes(1));
                    }
                }));
            }
            int leaders = 0;
            for (Future<Optional<Lease>> lease : leases) {
                leaders += lease.get(1, TimeUnit.MINUTES).isPresent() ? 1 : 0;
            }
            assertEquals(1, leaders, "one copy takes the lease");
        } finally {
            pool.shutdownNow();
            LocalPostgres.dropSchema(empty);
        }
    }

    @Test
    void aStaleCopyRecordingTheBlockTheNewLeaderCommittedIsFencedRatherThanFailed() throws SQLException {
        afterATakeover(List.of(A.block(1)), newLeader -> newLeader.markHandled(A.block(2)), late -> {
            // At read committed, copy-1 now sees block 2 handled: a stale writer, not a broken checkpoint.
            FencedException refused = assertThrows(FencedException.class, () -> late.markHandled(A.block(2)));
            assertTrue(
                    refused.getMessage()
                            .endsWith(": it began under lease epoch 1 on " + A.block(1)
                                    + ", but the stream's lease epoch is 2 and its last handled block " + A.block(2)),
                    refused.getMessage());
        });
        assertEquals(List.of("1", "2"), committedBlocks());
    }

    @Test
    void aStaleCopyRollingBackAboveWhatTheNewLeaderLeftIsFencedRatherThanFailed() throws SQLException {
        afterATakeover(
                List.of(A.block(1), A.block(2), A.block(3)),
                newLeader -> newLeader.rollbackTo(A.block(1)),
                late -> assertThrows(FencedException.class, () -> late.rollbackTo(A.block(2))));
        assertEquals(List.of("1"), committedBlocks());
    }

    /**
     * Has copy-1 handle {@code handled} under its lease and begin a unit of work on them, then pause in the middle of
     * it (after its handler calls) while copy-2 takes over (the release stands in for the expiry) and commits what
     * {@code newLeader} does; then copy-1's unit does {@code staleCopy}.
     */
    private void afterATakeover(
            List<BlockRef> handled, Consumer<UnitOfWork> newLeader, Consumer<UnitOfWork> staleCopy) {
        try (CheckpointStore otherCopy = open(tablePrefix, 128)) {
            Lease stale =
                    store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
            try (UnitOfWork work = store.begin(stale, Optional.empty())) {
                handled.forEach(work::markHandled);
                work.commit();
            }
            Optional<BlockRef> head = Optional.of(handled.get(handled.size() - 1));
            try (UnitOfWork late = store.begin(stale, head)) {
                store.releaseLease(stale);
                Lease current = otherCopy
                        .acquireLease(stream, "copy-2", Duration.ofMinutes(1))
                        .orElseThrow();
                try (UnitOfWork work = otherCopy.begin(current, head)) {
                    newLeader.accept(work);
                    work.commit();
                }
                staleCopy.accept(late);
            }
        }
    }

    @Test
    void aSessionTheServerEndedBetweenUnitsOfWorkIsReplacedWithoutFailingTheNext() throws SQLException {
        String application = application();
        try (CheckpointStore own = openAs(application)) {
            Lease lease =
                    own.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
            try (UnitOfWork work = own.begin(lease, Optional.empty())) {
                work.markHandled(A.block(1));
                work.commit();
            }
            // As a server restart, a failover or an administrator would: the store's idle session ends.
            assertEquals(1, endSessions(application), "the store's one kept session ended");
            try (UnitOfWork work = own.begin(lease, Optional.of(A.block(1)))) {
                insertTransfer(work, 2, 0);
                work.markHandled(A.block(2));
                work.commit();
            }
        }
        assertEquals(List.of("1", "2"), committedBlocks());
        assertEquals(List.of("2/0"), committedTransfers());
    }

    @Test
    void aSessionEndedBeforeAHandlerFirstAsksForItFailsTheCallWithTheStoresTransientFailure() throws SQLException {
        String application = application();
        try (CheckpointStore own = openAs(application)) {
            Lease lease =
                    own.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
            UnitOfWork work = own.begin(lease, Optional.empty());
            endSessions(application);
            // A handler (or a dispatcher) wraps what it meets; the unit of work knows it failed itself.
            CheckpointException failure = assertThrows(
                    CheckpointException.class,
                    () -> work.attempt(() -> {
                        try {
                            insertTransfer(work, 1, 0);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("handler failed", e);
                        }
                    }));
            assertTrue(failure.isTransient(), failure::toString);
            assertEquals(IllegalStateException.class, failure.getSuppressed()[0].getClass());
            CheckpointException rollback = assertThrows(CheckpointException.class, work::close);
            assertTrue(rollback.isTransient(), rollback::toString);
        }
        assertEquals(List.of(), committedTransfers());
    }

    private static String application() {
        return "chainwire-store-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens another store on this test's tables whose sessions are named {@code application}. */
    private CheckpointStore openAs(String application) {
        return JdbcCheckpointStore.builder()
                .url(LocalPostgres.url(schema) + "&ApplicationName=" + application)
                .user(LocalPostgres.USER)
                .tablePrefix(tablePrefix)
                .build();
    }

    /**
     * Ends the sessions named {@code application} as the server does on an administrator's command; returns how many.
     */
    private int endSessions(String application) throws SQLException {
        try (Connection admin = inspect();
                Statement statement = admin.createStatement();
                ResultSet ended =
                        statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 30000))"
                                + " FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
            ended.next();
            return ended.getInt(1);
        }
    }
}
