package io.chainwire.stream.simulation;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.FencedException;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A transactional checkpoint store in memory for simulations: an {@link InMemoryCheckpointStore},
 * which keeps the checkpoints and dead letters by the rules every store follows, with the handler's
 * effects committed alongside. A handler stages {@link Effect}s in the {@linkplain #current() open
 * unit of work}; {@link UnitOfWork#attempt} undoes the effects of a call that failed (a savepoint);
 * a commit publishes effects, checkpoint and dead letters together, and a unit of work closed
 * without commit leaves no trace. The committed effects are a journal, in commit order, that the
 * oracle replays.
 *
 * <p>Faults: a commit that fails before taking effect, one that takes effect but reports failure
 * (an unknown outcome), the process dying before or after a commit takes effect, and outages during
 * which every call fails. A commit checks that the stream's state is still the one its unit of work
 * began from (its version): the place to check a lease's epoch too.
 */
public final class SimulatedStore implements CheckpointStore {
  private static final String LOCATION = "the simulated store";

  /** The store's switches, turned on and off as the simulation runs. */
  public static final class Faults {
    /** Commits that fail before taking effect. */
    public double commitFailures;
    /** Commits that take effect but report failure. */
    public double unknownOutcomes;
    /** Commits during which the process dies, before or after the commit takes effect (even odds). */
    public double crashes;
    /** Until this virtual time, every call fails. */
    public long outageUntil;
  }

  /**
   * A stream's committed state.
   *
   * @param version how many commits made it
   * @param checkpoint the checkpoint, if the stream handled a block
   * @param deadLetters the dead letters in chain order
   * @param effects the committed effects in commit order
   */
  public record State(long version, Optional<Checkpoint> checkpoint, List<DeadLetter> deadLetters, List<Effect> effects) {
    /** Returns the checkpoint's head, the last handled block, if there is one. */
    public Optional<BlockRef> head() {
      return checkpoint.map(Checkpoint::head);
    }
  }

  /** What the store needs from the simulated process. */
  public interface World {
    /** Throws while the process is dead. */
    void checkAlive();

    /** Kills the process and returns the crash to throw. */
    SimulatedCrash crash(String where);

    /** Runs before a stream loads its checkpoint: the stream's first call. */
    void beforeLoad();
  }

  /** What a stream committed besides its checkpoint. */
  private record Journal(long version, List<Effect> effects) {
    static final Journal EMPTY = new Journal(0, List.of());
  }

  private final InMemoryCheckpointStore checkpoints;
  private final VirtualClock clock;
  private final Random random;
  private final Trace trace;
  private final World world;
  private final Faults faults = new Faults();
  private final Map<StreamId, Journal> journals = new TreeMap<>(Comparator.comparing(StreamId::value));
  private volatile Work open;

  /** Creates an empty store keeping {@code recentBlocks} recent blocks per stream. */
  public SimulatedStore(int recentBlocks, VirtualClock clock, Random random, Trace trace, World world) {
    this.checkpoints = new InMemoryCheckpointStore(recentBlocks, clock::nanoTime);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.trace = Objects.requireNonNull(trace, "trace");
    this.world = Objects.requireNonNull(world, "world");
  }

  /** Returns the store's switches. */
  public Faults faults() {
    return faults;
  }

  /**
   * Returns the open unit of work, where a handler stages its effects.
   *
   * @throws IllegalStateException if none is open
   */
  public Work current() {
    Work work = open;
    if (work == null) {
      throw new IllegalStateException("no unit of work is open on " + LOCATION);
    }
    return work;
  }

  /** Returns the stream's committed state. */
  public synchronized State committed(StreamId stream) {
    Journal journal = journals.getOrDefault(stream, Journal.EMPTY);
    return new State(journal.version, checkpoints.load(stream), checkpoints.deadLetters(stream, Integer.MAX_VALUE),
        journal.effects);
  }

  @Override
  public Optional<Checkpoint> load(StreamId stream) {
    world.beforeLoad();
    checkAvailable("load");
    return checkpoints.load(stream);
  }

  @Override
  public Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration) {
    checkAvailable("lease");
    return checkpoints.acquireLease(stream, holder, duration);
  }

  @Override
  public boolean renewLease(Lease lease) {
    checkAvailable("renew");
    return checkpoints.renewLease(lease);
  }

  @Override
  public void releaseLease(Lease lease) {
    checkAvailable("release");
    checkpoints.releaseLease(lease);
  }

  @Override
  public UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
    checkAvailable("begin");
    Work work = new Work(checkpoints.begin(lease, base), journals.getOrDefault(lease.stream(), Journal.EMPTY));
    open = work;
    return work;
  }

  @Override
  public UnitOfWork begin(StreamId stream) {
    checkAvailable("begin");
    Work work = new Work(checkpoints.begin(stream), journals.getOrDefault(stream, Journal.EMPTY));
    open = work;
    return work;
  }

  @Override
  public List<DeadLetter> deadLetters(StreamId stream, int limit) {
    return checkpoints.deadLetters(stream, limit);
  }

  @Override
  public int recentBlocks() {
    return checkpoints.recentBlocks();
  }

  /** Transactional in effect: a handler's staged effects commit with the checkpoint, though there is no JDBC connection. */
  @Override
  public boolean transactional() {
    return false;
  }

  @Override
  public void close() {
    // The store outlives every run of the stream; the simulation drops it when it ends.
  }

  /** A failure of the kind a database store reports when it may pass: a broken connection. */
  private static CheckpointException unavailable(String what) {
    return new CheckpointException(LOCATION + " " + what, new SQLTransientConnectionException("simulated"));
  }

  private void checkAvailable(String what) {
    world.checkAlive();
    if (clock.nanoTime() < faults.outageUntil) {
      trace.add("store " + what + " -> outage");
      throw unavailable("is unavailable (simulated outage)");
    }
  }

  /** A unit of work of the in-memory store, with the effects it staged. */
  public final class Work implements UnitOfWork {
    private final UnitOfWork checkpoint;
    private final Journal base;
    private final List<Effect> staged = new ArrayList<>();
    private boolean ended;

    Work(UnitOfWork checkpoint, Journal base) {
      this.checkpoint = checkpoint;
      this.base = base;
    }

    /** Stages a handler's effect, to commit with the unit of work. */
    public void stage(Effect effect) {
      requireOpen();
      staged.add(Objects.requireNonNull(effect, "effect"));
    }

    @Override
    public StreamId stream() {
      return checkpoint.stream();
    }

    @Override
    public Optional<Connection> connection() {
      return Optional.empty();
    }

    @Override
    public void attempt(Runnable handlerCall) {
      world.checkAlive();
      int savepoint = staged.size();
      checkpoint.attempt(() -> {
        try {
          handlerCall.run();
        } catch (RuntimeException e) {
          staged.subList(savepoint, staged.size()).clear();
          throw e;
        }
      });
    }

    @Override
    public void markHandled(BlockRef block, List<RawLog> delivered) {
      world.checkAlive();
      checkpoint.markHandled(block, delivered);
    }

    @Override
    public void rollbackTo(BlockRef forkPoint) {
      world.checkAlive();
      checkpoint.rollbackTo(forkPoint);
    }

    @Override
    public void recordDeadLetter(RawLog log, boolean removal, String handler, Throwable failure) {
      world.checkAlive();
      checkpoint.recordDeadLetter(log, removal, handler, failure);
    }

    @Override
    public void recordChain(long chainId, String filter) {
      world.checkAlive();
      checkpoint.recordChain(chainId, filter);
    }

    @Override
    public void recordFinalized(BlockRef block) {
      world.checkAlive();
      checkpoint.recordFinalized(block);
    }

    @Override
    public void commit() {
      requireOpen();
      checkAvailable("commit");
      String what = "store commit of " + staged.size() + " effects";
      boolean crash = random.nextDouble() < faults.crashes;
      boolean crashAfter = random.nextBoolean();
      if (crash && !crashAfter) {
        trace.add(what + " -> process dies before it takes effect");
        throw world.crash("before a commit");
      }
      if (random.nextDouble() < faults.commitFailures) {
        trace.add(what + " -> fails");
        throw unavailable("failed the commit (simulated)");
      }
      publish();
      if (crash) {
        trace.add(what + " -> takes effect, then the process dies");
        throw world.crash("after a commit");
      }
      if (random.nextDouble() < faults.unknownOutcomes) {
        trace.add(what + " -> takes effect but reports failure");
        throw unavailable("lost the connection during the commit (simulated)");
      }
      trace.add(what + ", head " + checkpoints.load(stream()).map(Checkpoint::head).map(Object::toString).orElse("none"));
    }

    /** Commits the checkpoint and the effects together, if the stream's state is still the one this began from. */
    private void publish() {
      synchronized (SimulatedStore.this) {
        Journal current = journals.getOrDefault(stream(), Journal.EMPTY);
        if (current.version != base.version) {
          throw new FencedException("cannot commit for stream '" + stream() + "' in " + LOCATION
              + ": it began from commit " + base.version + " but the store is at " + current.version);
        }
        List<Effect> effects = new ArrayList<>(base.effects);
        effects.addAll(staged);
        checkpoint.commit();
        journals.put(stream(), new Journal(base.version + 1, List.copyOf(effects)));
        end();
      }
    }

    @Override
    public void close() {
      try {
        checkpoint.close();
      } finally {
        end();
      }
    }

    private void end() {
      if (!ended) {
        ended = true;
        open = null;
      }
    }

    private void requireOpen() {
      if (ended) {
        throw new IllegalStateException("the unit of work for stream '" + stream() + "' has ended");
      }
    }
  }

  @Override
  public String toString() {
    return "SimulatedStore[" + checkpoints + "]";
  }
}
