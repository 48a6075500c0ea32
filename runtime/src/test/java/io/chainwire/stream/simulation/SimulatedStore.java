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
import io.chainwire.checkpoint.internal.CheckpointRules;
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
import java.util.function.Consumer;

/**
 * A transactional checkpoint store in memory for simulations: an {@link InMemoryCheckpointStore}, which keeps the
 * checkpoints and dead letters by the rules every store follows, with the handler's effects committed alongside. A
 * handler stages {@link Effect}s in the {@linkplain #current() open unit of work}; {@link UnitOfWork#attempt} undoes
 * the effects of a call that failed (a savepoint); a commit publishes effects, checkpoint and dead letters together,
 * and a unit of work closed without commit leaves no trace. The committed effects are a journal, in commit order, that
 * the oracle replays.
 *
 * <p>Faults: a commit that fails before taking effect, one that takes effect but reports failure (an unknown outcome),
 * the process dying before or after a commit takes effect, and outages during which every call fails. A commit checks
 * that the stream's state is still the one its unit of work began from (its version), and the in-memory store checks
 * the lease's epoch.
 *
 * <p>Several copies of a stream share one store, as processes share a database: each copy's thread has its own open
 * unit of work, whose writes reach the in-memory store only when it commits (so a copy paused with a unit of work open
 * blocks no other). The store keeps what the oracle of copies judges: every lease granted, renewed and released (by the
 * store's clock, the virtual one), every commit with the epoch it committed under, every commit refused by fencing, and
 * how each handler call stood with its unit of work's lease.
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
    public record State(
            long version, Optional<Checkpoint> checkpoint, List<DeadLetter> deadLetters, List<Effect> effects) {
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

        /**
         * Returns false if the calling copy cannot reach the store now (a partition), after waiting as a hanging
         * connection would; {@code what} is the call, for the trace.
         */
        default boolean reaches(String what) {
            return true;
        }

        /** Runs before each handler call: where a copy may be paused. */
        default void beforeHandlerCall() {}

        /** Runs as each handler call is made, with how the call's unit of work stands with its lease now. */
        default void handlerCall(LeaseStanding standing) {}

        /** Runs before a commit, after the last handler call of its unit of work. */
        default void beforeCommit() {}

        /** Returns the calling copy's number in the store's logs (0 with a single copy). */
        default int caller() {
            return 0;
        }

        /** Returns the calling copy's name, to begin its trace entries with ("" with a single copy). */
        default String label() {
            return "";
        }
    }

    /**
     * How a handler call's unit of work stood with its lease, by the store's clock, when the call was made.
     *
     * @param lease the unit of work's lease, or null if it is not fenced
     * @param status what the store thinks of that lease now
     * @param renewedAt when the lease (its epoch) was last granted or renewed, by the store's clock
     */
    public record LeaseStanding(Lease lease, Status status, long renewedAt) {
        /** What the store thinks of a lease. */
        public enum Status {
            /** The lease is the stream's and has not expired. */
            HELD,
            /** The lease is still the stream's latest, but it expired or was released: no other copy took over yet. */
            LAPSED,
            /** Another copy took the lease over: the store's epoch is higher. */
            TAKEN_OVER,
            /** The unit of work is not fenced. */
            UNFENCED
        }
    }

    /**
     * A lease granted.
     *
     * @param epoch its epoch
     * @param copy the copy it was granted to
     * @param time when, by the store's clock
     * @param takeover true if the epoch rose (another copy held it before, or it lapsed)
     */
    public record Grant(long epoch, int copy, long time, boolean takeover) {}

    /**
     * A commit that took effect.
     *
     * @param version the stream's version it made
     * @param epoch the epoch of the lease it was begun under, 0 if not fenced
     * @param storeEpoch the stream's epoch when it took effect
     * @param copy the copy that committed
     * @param time when, by the store's clock
     */
    public record Commit(long version, long epoch, long storeEpoch, int copy, long time) {}

    /**
     * A commit refused because its writer no longer owned the stream.
     *
     * @param copy the copy whose commit was refused
     * @param time when
     * @param reason the refusal's message
     */
    public record Refusal(int copy, long time, String reason) {}

    /** The stream's lease as the store knows it: holder, epoch, expiry, last renewal, whether released. */
    private record LeaseRow(String holder, long epoch, long expiresAt, long renewedAt, boolean released) {}

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
    private final ThreadLocal<Work> open = new ThreadLocal<>();
    private final Map<StreamId, LeaseRow> leases = new TreeMap<>(Comparator.comparing(StreamId::value));
    private final Map<Long, Long> renewals = new TreeMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Long> releases = new ArrayList<>();
    private final List<Commit> commits = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<String> anomalies = new ArrayList<>();

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
        Work work = open.get();
        if (work == null) {
            throw new IllegalStateException(
                    "no unit of work is open on " + LOCATION + " for " + Thread.currentThread());
        }
        return work;
    }

    /** Returns every lease granted, in order. */
    public synchronized List<Grant> grants() {
        return List.copyOf(grants);
    }

    /** Returns when leases were released, in order. */
    public synchronized List<Long> releases() {
        return List.copyOf(releases);
    }

    /** Returns every commit that took effect, in order. */
    public synchronized List<Commit> commits() {
        return List.copyOf(commits);
    }

    /** Returns every commit refused by fencing, in order. */
    public synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Returns what the store saw that must never happen, such as a commit of handler calls made after a takeover. */
    public synchronized List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    /** Returns the epoch of the stream's lease now, 0 if it never had one. */
    public synchronized long epoch(StreamId stream) {
        LeaseRow row = leases.get(stream);
        return row == null ? 0 : row.epoch;
    }

    /** Returns the stream's committed state. */
    public synchronized State committed(StreamId stream) {
        Journal journal = journals.getOrDefault(stream, Journal.EMPTY);
        return new State(
                journal.version,
                checkpoints.load(stream),
                checkpoints.deadLetters(stream, Integer.MAX_VALUE),
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
        synchronized (this) {
            Optional<Lease> granted = checkpoints.acquireLease(stream, holder, duration);
            granted.ifPresent(lease -> {
                long now = clock.nanoTime();
                LeaseRow before = leases.get(stream);
                boolean takeover = before == null || before.epoch != lease.epoch();
                if (takeover) {
                    grants.add(new Grant(lease.epoch(), world.caller(), now, true));
                    trace.add(world.label() + "store grants the lease, epoch " + lease.epoch());
                }
                leases.put(stream, new LeaseRow(holder, lease.epoch(), now + duration.toNanos(), now, false));
                renewals.put(lease.epoch(), now);
            });
            return granted;
        }
    }

    @Override
    public boolean renewLease(Lease lease) {
        checkAvailable("renew");
        synchronized (this) {
            boolean renewed = checkpoints.renewLease(lease);
            if (renewed) {
                long now = clock.nanoTime();
                leases.put(
                        lease.stream(),
                        new LeaseRow(
                                lease.holder(),
                                lease.epoch(),
                                now + lease.duration().toNanos(),
                                now,
                                false));
                renewals.put(lease.epoch(), now);
            }
            return renewed;
        }
    }

    @Override
    public void releaseLease(Lease lease) {
        checkAvailable("release");
        synchronized (this) {
            checkpoints.releaseLease(lease);
            LeaseRow row = leases.get(lease.stream());
            if (row != null && row.epoch == lease.epoch() && row.holder.equals(lease.holder()) && !row.released) {
                long now = clock.nanoTime();
                leases.put(lease.stream(), new LeaseRow(row.holder, row.epoch, now, row.renewedAt, true));
                releases.add(now);
                trace.add(world.label() + "store releases the lease, epoch " + lease.epoch());
            }
        }
    }

    /** Returns how a unit of work under {@code lease} stands with it now. */
    private synchronized LeaseStanding standing(Lease lease) {
        if (lease == null) {
            return new LeaseStanding(null, LeaseStanding.Status.UNFENCED, 0);
        }
        LeaseRow row = leases.get(lease.stream());
        if (row == null || row.epoch != lease.epoch()) {
            return new LeaseStanding(lease, LeaseStanding.Status.TAKEN_OVER, renewals.getOrDefault(lease.epoch(), 0L));
        }
        boolean lapsed = row.released || clock.nanoTime() >= row.expiresAt;
        return new LeaseStanding(
                lease, lapsed ? LeaseStanding.Status.LAPSED : LeaseStanding.Status.HELD, row.renewedAt);
    }

    @Override
    public UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
        Objects.requireNonNull(base, "base");
        return open(lease.stream(), lease, base);
    }

    @Override
    public UnitOfWork begin(StreamId stream) {
        return open(stream, null, null);
    }

    private UnitOfWork open(StreamId stream, Lease lease, Optional<BlockRef> base) {
        if (open.get() != null) {
            throw new IllegalStateException("this thread already has a unit of work open on " + LOCATION);
        }
        checkAvailable("begin");
        Work work;
        synchronized (this) {
            work = new Work(stream, lease, base, journals.getOrDefault(stream, Journal.EMPTY));
        }
        open.set(work);
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

    /**
     * Transactional in effect: a handler's staged effects commit with the checkpoint, though there is no JDBC
     * connection.
     */
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
        if (!world.reaches(what)) {
            trace.add(world.label() + "store " + what + " -> cut off");
            throw unavailable("cannot be reached (simulated partition)");
        }
        if (clock.nanoTime() < faults.outageUntil) {
            trace.add("store " + what + " -> outage");
            throw unavailable("is unavailable (simulated outage)");
        }
    }

    /**
     * A unit of work, with the effects it staged and the writes it makes: they reach the in-memory store in one unit of
     * work of its own when this one commits, so no copy waits for another's.
     */
    public final class Work implements UnitOfWork {
        private final StreamId stream;
        private final Lease lease;
        private final Optional<BlockRef> base;
        private final Journal journal;
        private final List<Consumer<UnitOfWork>> writes = new ArrayList<>();
        private final List<Effect> staged = new ArrayList<>();
        // The last block this unit of work recorded or rolled back to, if it did.
        private Optional<BlockRef> written = Optional.empty();
        private boolean calledAfterTakeover;
        private boolean ended;

        Work(StreamId stream, Lease lease, Optional<BlockRef> base, Journal journal) {
            this.stream = stream;
            this.lease = lease;
            this.base = base;
            this.journal = journal;
        }

        /**
         * Returns the last handled block as a database transaction at read committed sees it now: its own writes over
         * what other copies committed meanwhile.
         */
        private Optional<BlockRef> visibleHead() {
            Optional<BlockRef> committed;
            synchronized (SimulatedStore.this) {
                committed = checkpoints.load(stream).map(Checkpoint::head);
            }
            if (written.isEmpty()
                    || committed.isPresent()
                            && committed.get().number() > written.get().number()) {
                return committed;
            }
            return written;
        }

        /** Stages a handler's effect, to commit with the unit of work. */
        public void stage(Effect effect) {
            requireOpen();
            staged.add(Objects.requireNonNull(effect, "effect"));
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
            world.checkAlive();
            requireOpen();
            world.beforeHandlerCall();
            LeaseStanding standing = standing(lease);
            calledAfterTakeover |= standing.status() == LeaseStanding.Status.TAKEN_OVER;
            world.handlerCall(standing);
            int savepoint = staged.size();
            try {
                handlerCall.run();
            } catch (RuntimeException e) {
                staged.subList(savepoint, staged.size()).clear();
                throw e;
            }
        }

        @Override
        public void markHandled(BlockRef block, List<RawLog> delivered) {
            world.checkAlive();
            requireOpen();
            List<RawLog> checked = CheckpointRules.requireDelivered(block, delivered);
            Optional<BlockRef> head = visibleHead();
            requireUnmoved(head);
            CheckpointRules.requireNext(stream, head, block, LOCATION);
            written = Optional.of(block);
            writes.add(unit -> unit.markHandled(block, checked));
        }

        @Override
        public void rollbackTo(BlockRef forkPoint) {
            world.checkAlive();
            requireOpen();
            requireUnmoved(visibleHead());
            written = Optional.of(forkPoint);
            writes.add(unit -> unit.rollbackTo(forkPoint));
        }

        /**
         * Refuses a unit of work under a lease that finds the checkpoint moved from where it left it, as the database
         * stores do: another copy took over and committed meanwhile.
         */
        private void requireUnmoved(Optional<BlockRef> head) {
            Optional<BlockRef> expected = written.isPresent() ? written : base;
            if (lease != null && !head.map(BlockRef::hash).equals(expected.map(BlockRef::hash))) {
                throw refused(
                        CheckpointRules.fenced(lease, base, epoch(stream), head.map(BlockRef::toString), LOCATION));
            }
        }

        @Override
        public void recordDeadLetter(RawLog log, boolean removal, String handler, Throwable failure) {
            world.checkAlive();
            requireOpen();
            writes.add(unit -> unit.recordDeadLetter(log, removal, handler, failure));
        }

        @Override
        public void recordChain(long chainId, String filter) {
            world.checkAlive();
            requireOpen();
            writes.add(unit -> unit.recordChain(chainId, filter));
        }

        @Override
        public void recordFinalized(BlockRef block) {
            world.checkAlive();
            requireOpen();
            writes.add(unit -> unit.recordFinalized(block));
        }

        @Override
        public void commit() {
            requireOpen();
            world.beforeCommit();
            checkAvailable("commit");
            String what = world.label() + "store commit of " + staged.size() + " effects";
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
            trace.add(what + ", head "
                    + checkpoints
                            .load(stream)
                            .map(Checkpoint::head)
                            .map(Object::toString)
                            .orElse("none"));
        }

        /**
         * Commits the checkpoint and the effects together, if the stream's state is still the one this began from and
         * (for a fenced unit of work) the lease's epoch is still the stream's.
         */
        private void publish() {
            synchronized (SimulatedStore.this) {
                Journal current = journals.getOrDefault(stream, Journal.EMPTY);
                if (current.version != journal.version) {
                    throw refused(new FencedException("cannot commit for stream '" + stream + "' in " + LOCATION
                            + ": it began from commit " + journal.version + " but the store is at " + current.version));
                }
                try (UnitOfWork unit = lease == null ? checkpoints.begin(stream) : checkpoints.begin(lease, base)) {
                    writes.forEach(write -> write.accept(unit));
                    unit.commit();
                } catch (FencedException e) {
                    throw refused(e);
                }
                long epoch = epoch(stream);
                if (calledAfterTakeover) {
                    anomalies.add(
                            world.label() + "committed a unit of work that called handlers after its lease (epoch "
                                    + lease.epoch() + ") was taken over");
                }
                if (lease != null && lease.epoch() != epoch) {
                    anomalies.add(world.label() + "committed under epoch " + lease.epoch() + " while the stream's is "
                            + epoch);
                }
                List<Effect> effects = new ArrayList<>(journal.effects);
                effects.addAll(staged);
                journals.put(stream, new Journal(journal.version + 1, List.copyOf(effects)));
                commits.add(new Commit(
                        journal.version + 1,
                        lease == null ? 0 : lease.epoch(),
                        epoch,
                        world.caller(),
                        clock.nanoTime()));
                end();
            }
        }

        private FencedException refused(FencedException e) {
            refusals.add(new Refusal(world.caller(), clock.nanoTime(), e.getMessage()));
            trace.add(world.label() + "store refuses the commit: " + e.getMessage());
            return e;
        }

        @Override
        public void close() {
            end();
        }

        private void end() {
            if (!ended) {
                ended = true;
                if (open.get() == this) {
                    open.remove();
                }
            }
        }

        private void requireOpen() {
            if (ended) {
                throw new IllegalStateException("the unit of work for stream '" + stream + "' has ended");
            }
        }
    }

    @Override
    public String toString() {
        return "SimulatedStore[" + checkpoints + "]";
    }
}
