package io.chainwire.checkpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each stream's checkpoint, dead letters and lease. A stream takes the lease, loads its checkpoint, then handles
 * each block inside a {@link UnitOfWork} that records the block as handled and commits. Units of work are serialised:
 * the store has one writer per process, and {@link #begin} waits while another unit of work is open.
 *
 * <p>Several copies of a stream (processes sharing one database) take turns through the lease: one holds it and writes,
 * the others wait for it to expire or be released. Expiry is decided by the store's clock (the database server's),
 * never the copies'. A unit of work begun under a lease commits only while the lease's epoch is current, so a copy that
 * lost its lease cannot commit.
 *
 * <p>Implementations are thread-safe. Choose {@link SqliteCheckpointStore} (the default), {@link JdbcCheckpointStore}
 * for PostgreSQL, or {@link InMemoryCheckpointStore} in tests.
 */
public interface CheckpointStore extends AutoCloseable {
    /**
     * Returns the stream's committed checkpoint, or empty if the stream never handled a block.
     *
     * @throws CheckpointException if the store cannot be read
     */
    Optional<Checkpoint> load(StreamId stream);

    /**
     * Takes the stream's lease for {@code holder}: granted when no one holds it, when the holder's lease has expired by
     * the store's clock or was released (the epoch rises by one), or when {@code holder} holds it already (the lease is
     * renewed, same epoch). The lease then lasts {@code duration} by the store's clock.
     *
     * @return the lease, or empty if another holder's lease is still valid
     * @throws CheckpointException if the store cannot be reached
     */
    Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration);

    /**
     * Extends {@code lease} by its duration from now, by the store's clock, if its epoch is still the stream's and its
     * holder still holds it.
     *
     * @return false if the lease was lost (taken over, or released)
     * @throws CheckpointException if the store cannot be reached
     */
    boolean renewLease(Lease lease);

    /**
     * Gives {@code lease} up at once, so another copy can take over without waiting for it to expire; does nothing if
     * it was lost already.
     *
     * @throws CheckpointException if the store cannot be reached
     */
    void releaseLease(Lease lease);

    /**
     * Opens a unit of work for the stream of {@code lease}, waiting while another unit of work is open. It commits only
     * if the lease's epoch is still the stream's and the stream's last handled block is still {@code base} (none, for a
     * stream without a checkpoint), both checked in its own transaction; else its commit throws
     * {@link FencedException}.
     *
     * @throws IllegalStateException if the calling thread already has a unit of work open, or the store is closed
     * @throws CheckpointException if the store cannot start a transaction
     */
    UnitOfWork begin(Lease lease, Optional<BlockRef> base);

    /**
     * Opens an unfenced unit of work for {@code stream}, waiting while another unit of work is open: it commits whoever
     * holds the lease, for tools and tests that write a checkpoint alone. Streams write through {@link #begin(Lease,
     * Optional)}.
     *
     * @throws IllegalStateException if the calling thread already has a unit of work open, or the store is closed
     * @throws CheckpointException if the store cannot start a transaction
     */
    UnitOfWork begin(StreamId stream);

    /**
     * Returns up to {@code limit} of the stream's committed dead letters, in chain order (block number, then log
     * index).
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     * @throws CheckpointException if the store cannot be read
     */
    List<DeadLetter> deadLetters(StreamId stream, int limit);

    /**
     * Returns how many recent blocks the store keeps per stream: a handled block stays in the checkpoint until a block
     * this many numbers higher is handled. A reorganisation deeper than this cannot be rolled back.
     */
    int recentBlocks();

    /**
     * Returns true if units of work offer a JDBC {@link UnitOfWork#connection() connection}, so handlers can write in
     * the same transaction as the checkpoint.
     */
    boolean transactional();

    /**
     * Waits for an open unit of work to end, then releases the store's connections.
     *
     * @throws CheckpointException if a connection cannot be closed
     */
    @Override
    void close();
}
