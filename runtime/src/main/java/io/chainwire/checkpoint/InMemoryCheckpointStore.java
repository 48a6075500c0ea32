package io.chainwire.checkpoint;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.internal.CheckpointRules;
import io.chainwire.checkpoint.internal.RecentBlocks;
import io.chainwire.checkpoint.internal.WriterGate;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A checkpoint store in memory, <strong>for tests only</strong>: everything is lost when the
 * process ends, so a stream using it starts again from its start block. It follows the same rules
 * as the database stores but is not {@link #transactional() transactional}: units of work offer
 * no connection, and {@link UnitOfWork#attempt} undoes nothing.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
  private static final String LOCATION = "the in-memory checkpoint store";
  private static final Comparator<DeadLetter> CHAIN_ORDER =
      Comparator.comparingLong((DeadLetter letter) -> letter.log().meta().blockNumber())
          .thenComparingInt(letter -> letter.log().meta().logIndex());

  private final int recentBlocks;
  private final WriterGate gate = new WriterGate(LOCATION);
  private final Map<StreamId, Snapshot> committed = new ConcurrentHashMap<>();

  /** Creates an empty store keeping the default 128 recent blocks per stream. */
  public InMemoryCheckpointStore() {
    this(RecentBlocks.DEFAULT);
  }

  /**
   * Creates an empty store keeping {@code recentBlocks} recent blocks per stream.
   *
   * @throws IllegalArgumentException if the count is not between 1 and 100000
   */
  public InMemoryCheckpointStore(int recentBlocks) {
    this.recentBlocks = RecentBlocks.require(recentBlocks);
  }

  @Override
  public Optional<Checkpoint> load(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    Snapshot snapshot = committed.get(stream);
    return snapshot == null || snapshot.blocks().isEmpty()
        ? Optional.empty()
        : Optional.of(new Checkpoint(stream, snapshot.blocks(), snapshot.logs()));
  }

  @Override
  public UnitOfWork begin(StreamId stream) {
    Objects.requireNonNull(stream, "stream");
    gate.enter();
    return new MemoryUnitOfWork(stream, committed.getOrDefault(stream, Snapshot.EMPTY));
  }

  @Override
  public List<DeadLetter> deadLetters(StreamId stream, int limit) {
    Objects.requireNonNull(stream, "stream");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    List<DeadLetter> letters = committed.getOrDefault(stream, Snapshot.EMPTY).deadLetters();
    return letters.stream().sorted(CHAIN_ORDER).limit(limit).toList();
  }

  @Override
  public int recentBlocks() {
    return recentBlocks;
  }

  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public void close() {
    gate.close(committed::clear);
  }

  @Override
  public String toString() {
    return "InMemoryCheckpointStore[" + committed.size() + " streams]";
  }

  /** One stream's committed state; never modified. */
  private record Snapshot(List<BlockRef> blocks, Map<Long, List<RawLog>> logs, List<DeadLetter> deadLetters) {
    static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of());
  }

  /** Works on a copy of the stream's state and publishes it on commit. */
  private final class MemoryUnitOfWork implements UnitOfWork {
    private final StreamId stream;
    private final TreeMap<Long, BlockRef> blocks = new TreeMap<>();
    private final TreeMap<Long, List<RawLog>> logs = new TreeMap<>();
    private final List<DeadLetter> deadLetters;
    private boolean ended;

    MemoryUnitOfWork(StreamId stream, Snapshot start) {
      this.stream = stream;
      start.blocks().forEach(block -> blocks.put(block.number(), block));
      logs.putAll(start.logs());
      this.deadLetters = new ArrayList<>(start.deadLetters());
    }

    @Override
    public StreamId stream() {
      return stream;
    }

    @Override
    public Optional<Connection> connection() {
      return Optional.empty();
    }

    @Override
    public void attempt(Runnable handlerCall) {
      Objects.requireNonNull(handlerCall, "handlerCall");
      requireOpen();
      handlerCall.run();
    }

    @Override
    public void markHandled(BlockRef block, List<RawLog> delivered) {
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(delivered, "delivered");
      requireOpen();
      List<RawLog> checked = CheckpointRules.requireDelivered(block, delivered);
      CheckpointRules.requireNext(stream, head(), block, LOCATION);
      blocks.put(block.number(), block);
      logs.put(block.number(), checked);
      blocks.headMap(block.number() - recentBlocks, true).clear();
      logs.headMap(block.number() - recentBlocks, true).clear();
    }

    @Override
    public void rollbackTo(BlockRef forkPoint) {
      Objects.requireNonNull(forkPoint, "forkPoint");
      requireOpen();
      Optional<BlockRef> stored = Optional.ofNullable(blocks.get(forkPoint.number()));
      CheckpointRules.requireForkPoint(stream, head(), stored, forkPoint, LOCATION);
      blocks.tailMap(forkPoint.number(), false).clear();
      logs.tailMap(forkPoint.number(), false).clear();
      blocks.put(forkPoint.number(), forkPoint);
      deadLetters.replaceAll(
          letter ->
              letter.log().meta().blockNumber() > forkPoint.number() && !letter.orphaned()
                  ? new DeadLetter(
                      letter.stream(),
                      letter.log(),
                      letter.handler(),
                      letter.error(),
                      letter.stackTrace(),
                      letter.recordedAt(),
                      true)
                  : letter);
    }

    @Override
    public void recordDeadLetter(RawLog log, String handler, Throwable failure) {
      Objects.requireNonNull(log, "log");
      requireOpen();
      deadLetters.add(DeadLetter.of(stream, log, handler, failure, Instant.now()));
    }

    @Override
    public void commit() {
      requireOpen();
      committed.put(stream, new Snapshot(List.copyOf(blocks.values()), Map.copyOf(logs), List.copyOf(deadLetters)));
      close();
    }

    @Override
    public void close() {
      if (!ended) {
        ended = true;
        gate.leave();
      }
    }

    private Optional<BlockRef> head() {
      return Optional.ofNullable(blocks.lastEntry()).map(Map.Entry::getValue);
    }

    private void requireOpen() {
      if (ended) {
        throw new IllegalStateException("the unit of work for stream '" + stream + "' has ended");
      }
    }
  }
}
