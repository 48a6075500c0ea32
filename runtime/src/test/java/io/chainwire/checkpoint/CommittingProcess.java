package io.chainwire.checkpoint;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child JVM of {@link CrashSafetyTest}: resumes after its stream's checkpoint and commits blocks as fast as it can,
 * each with three handler rows (and, every seventh block, a dead letter) in the block's unit of work, printing
 * "committed N" after each commit, until it is killed or has committed {@code maxBlocks} blocks.
 *
 * <p>Arguments: {@code sqlite FILE PREFIX STREAM MAX_BLOCKS} or {@code postgres URL PREFIX STREAM MAX_BLOCKS}.
 */
public final class CommittingProcess {
    static final int ROWS_PER_BLOCK = 3;
    static final int DEAD_LETTER_EVERY = 7;

    private CommittingProcess() {}

    public static void main(String[] args) throws SQLException {
        String prefix = args[2];
        StreamId stream = StreamId.of(args[3]);
        int maxBlocks = Integer.parseInt(args[4]);
        try (CheckpointStore store = open(args[0], args[1], prefix)) {
            try (UnitOfWork work = store.begin(stream);
                    Statement statement = work.connection().orElseThrow().createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS "
                        + prefix
                        + "transfers (block_number BIGINT NOT NULL, log_index INTEGER NOT NULL,"
                        + " PRIMARY KEY (block_number, log_index))");
                work.commit();
            }
            long next = store.load(stream)
                    .map(checkpoint -> checkpoint.head().number() + 1)
                    .orElse(1L);
            for (long number = next; number < next + maxBlocks; number++) {
                commitBlock(store, stream, prefix, number);
                System.out.println("committed " + number);
            }
        }
    }

    private static CheckpointStore open(String kind, String target, String prefix) {
        if (kind.equals("sqlite")) {
            return SqliteCheckpointStore.builder(Path.of(target))
                    .tablePrefix(prefix)
                    .build();
        }
        return JdbcCheckpointStore.builder()
                .url(target)
                .user(LocalPostgres.USER)
                .tablePrefix(prefix)
                .build();
    }

    private static void commitBlock(CheckpointStore store, StreamId stream, String prefix, long number)
            throws SQLException {
        try (UnitOfWork work = store.begin(stream);
                PreparedStatement insert = work.connection()
                        .orElseThrow()
                        .prepareStatement("INSERT INTO " + prefix + "transfers VALUES (?, ?)")) {
            for (int logIndex = 0; logIndex < ROWS_PER_BLOCK; logIndex++) {
                insert.setLong(1, number);
                insert.setInt(2, logIndex);
                insert.executeUpdate();
            }
            if (number % DEAD_LETTER_EVERY == 0) {
                work.recordDeadLetter(
                        CheckpointStoreContract.A.log(number, ROWS_PER_BLOCK),
                        "CrashHandler",
                        new IllegalStateException("poison"));
            }
            work.markHandled(CheckpointStoreContract.A.block(number));
            work.commit();
        }
    }
}
