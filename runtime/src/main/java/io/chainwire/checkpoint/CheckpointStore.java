package io.chainwire.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * Keeps each stream's checkpoint and dead letters. A stream loads its checkpoint once at start,
 * then handles each block inside a {@link UnitOfWork} that records the block as handled and
 * commits. Units of work are serialised: the store has one writer, and {@link #begin} waits while
 * another unit of work is open.
 *
 * <p>Implementations are thread-safe. Choose {@link SqliteCheckpointStore} (the default),
 * {@link JdbcCheckpointStore} for PostgreSQL, or {@link InMemoryCheckpointStore} in tests.
 */
public interface CheckpointStore extends AutoCloseable {
  /**
   * Returns the stream's committed checkpoint, or empty if the stream never handled a block.
   *
   * @throws CheckpointException if the store cannot be read
   */
  Optional<Checkpoint> load(StreamId stream);

  /**
   * Opens a unit of work for {@code stream}, waiting while another unit of work is open.
   *
   * @throws IllegalStateException if the calling thread already has a unit of work open, or the
   *     store is closed
   * @throws CheckpointException if the store cannot start a transaction
   */
  UnitOfWork begin(StreamId stream);

  /**
   * Returns up to {@code limit} of the stream's committed dead letters, in chain order (block
   * number, then log index).
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   * @throws CheckpointException if the store cannot be read
   */
  List<DeadLetter> deadLetters(StreamId stream, int limit);

  /**
   * Returns how many recent blocks the store keeps per stream: a handled block stays in the
   * checkpoint until a block this many numbers higher is handled. A reorganisation deeper than
   * this cannot be rolled back.
   */
  int recentBlocks();

  /**
   * Returns true if units of work offer a JDBC {@link UnitOfWork#connection() connection}, so
   * handlers can write in the same transaction as the checkpoint.
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
