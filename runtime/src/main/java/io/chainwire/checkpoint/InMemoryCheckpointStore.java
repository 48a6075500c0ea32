package io.chainwire.checkpoint;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.internal.CheckpointRules;
import io.chainwire.checkpoint.internal.RecentBlocks;
import io.chainwire.checkpoint.internal.WriterGate;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A checkpoint store in memory, <strong>for tests only</strong>: everything is lost when the process ends, so a stream
 * using it starts again from its start block. It follows the same rules as the database stores (leases, fencing, the
 * checkpoint's rules) but is not {@link #transactional() transactional}: units of work offer no connection, and
 * {@link UnitOfWork#attempt} undoes nothing. Lease expiry follows this process's monotonic clock.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private static final String LOCATION = "the in-memory checkpoint store";
    private static final Comparator<DeadLetter> CHAIN_ORDER = Comparator.comparingLong(
                    (DeadLetter letter) -> letter.log().meta().blockNumber())
            .thenComparingInt(letter -> letter.log().meta().logIndex());

    private final int recentBlocks;
    private final LongSupplier clock;
    private final WriterGate gate = new WriterGate(LOCATION);
    private final Map<StreamId, Snapshot> committed = new ConcurrentHashMap<>();
    private final Map<StreamId, LeaseState> leases = new HashMap<>();

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
        this(recentBlocks, System::nanoTime);
    }

    /**
     * Creates an empty store keeping {@code recentBlocks} recent blocks per stream, whose leases expire by
     * {@code nanoClock} (a monotonic clock in nanoseconds), for tests that control time.
     *
     * @throws IllegalArgumentException if the count is not between 1 and 100000
     */
    public InMemoryCheckpointStore(int recentBlocks, LongSupplier nanoClock) {
        this.recentBlocks = RecentBlocks.require(recentBlocks);
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public Optional<Checkpoint> load(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        Snapshot snapshot = committed.get(stream);
        return snapshot == null || snapshot.blocks().isEmpty()
                ? Optional.empty()
                : Optional.of(new Checkpoint(stream, snapshot.blocks(), snapshot.logs(), snapshot.record()));
    }

    @Override
    public Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(duration, "duration");
        synchronized (leases) {
            long now = clock.getAsLong();
            LeaseState current = leases.get(stream);
            long epoch;
            if (current == null) {
                epoch = 1;
            } else if (current.heldAt(now)) {
                if (!current.holder().equals(holder)) {
                    return Optional.empty();
                }
                epoch = current.epoch();
            } else {
                epoch = current.epoch() + 1;
            }
            leases.put(stream, new LeaseState(holder, epoch, now + duration.toNanos()));
            return Optional.of(new Lease(stream, holder, epoch, duration));
        }
    }

    @Override
    public boolean renewLease(Lease lease) {
        synchronized (leases) {
            if (!owns(lease)) {
                return false;
            }
            leases.put(
                    lease.stream(),
                    new LeaseState(
                            lease.holder(),
                            lease.epoch(),
                            clock.getAsLong() + lease.duration().toNanos()));
            return true;
        }
    }

    @Override
    public void releaseLease(Lease lease) {
        synchronized (leases) {
            if (owns(lease)) {
                leases.put(lease.stream(), new LeaseState(null, lease.epoch(), clock.getAsLong()));
            }
        }
    }

    private boolean owns(Lease lease) {
        LeaseState current = leases.get(lease.stream());
        return current != null
                && current.epoch() == lease.epoch()
                && lease.holder().equals(current.holder());
    }

    @Override
    public UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(base, "base");
        gate.enter();
        return new MemoryUnitOfWork(
                lease.stream(), committed.getOrDefault(lease.stream(), Snapshot.EMPTY), lease, base);
    }

    @Override
    public UnitOfWork begin(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        gate.enter();
        return new MemoryUnitOfWork(stream, committed.getOrDefault(stream, Snapshot.EMPTY), null, null);
    }

    @Override
    public List<DeadLetter> deadLetters(StreamId stream, int limit) {
        Objects.requireNonNull(stream, "stream");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        List<DeadLetter> letters =
                committed.getOrDefault(stream, Snapshot.EMPTY).deadLetters();
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
    private record Snapshot(
            List<BlockRef> blocks, Map<Long, List<RawLog>> logs, List<DeadLetter> deadLetters, StreamRecord record) {
        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), StreamRecord.EMPTY);

        Optional<BlockRef> head() {
            return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(blocks.size() - 1));
        }
    }

    /** One stream's lease: its holder (null once released), epoch and expiry on the monotonic clock. */
    private record LeaseState(String holder, long epoch, long expiresAt) {
        boolean heldAt(long now) {
            return holder != null && expiresAt - now > 0;
        }
    }

    /** Works on a copy of the stream's state and publishes it on commit. */
    private final class MemoryUnitOfWork implements UnitOfWork {
        private final StreamId stream;
        private final TreeMap<Long, BlockRef> blocks = new TreeMap<>();
        private final TreeMap<Long, List<RawLog>> logs = new TreeMap<>();
        private final List<DeadLetter> deadLetters;
        private final Lease lease;
        private final Optional<BlockRef> base;
        private StreamRecord record;
        private boolean ended;

        MemoryUnitOfWork(StreamId stream, Snapshot start, Lease lease, Optional<BlockRef> base) {
            this.stream = stream;
            this.lease = lease;
            this.base = base;
            this.record = start.record();
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
            requireUnmoved();
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
            requireUnmoved();
            Optional<BlockRef> stored = Optional.ofNullable(blocks.get(forkPoint.number()));
            CheckpointRules.requireForkPoint(stream, head(), stored, forkPoint, LOCATION);
            blocks.tailMap(forkPoint.number(), false).clear();
            logs.tailMap(forkPoint.number(), false).clear();
            blocks.put(forkPoint.number(), forkPoint);
            deadLetters.replaceAll(
                    letter -> letter.log().meta().blockNumber() > forkPoint.number() && !letter.orphaned()
                            ? new DeadLetter(
                                    letter.stream(),
                                    letter.log(),
                                    letter.removal(),
                                    letter.handler(),
                                    letter.error(),
                                    letter.stackTrace(),
                                    letter.recordedAt(),
                                    true)
                            : letter);
        }

        @Override
        public void recordChain(long chainId, String filter) {
            Objects.requireNonNull(filter, "filter");
            requireOpen();
            record = record.withChain(chainId, filter);
        }

        @Override
        public void recordFinalized(BlockRef block) {
            Objects.requireNonNull(block, "block");
            requireOpen();
            record = record.withFinalized(block);
        }

        @Override
        public void recordDeadLetter(RawLog log, boolean removal, String handler, Throwable failure) {
            Objects.requireNonNull(log, "log");
            requireOpen();
            deadLetters.add(DeadLetter.of(stream, log, removal, handler, failure, Instant.now()));
        }

        @Override
        public void commit() {
            requireOpen();
            try {
                synchronized (leases) {
                    if (lease != null) {
                        requireFence();
                    }
                    committed.put(
                            stream,
                            new Snapshot(
                                    List.copyOf(blocks.values()), Map.copyOf(logs), List.copyOf(deadLetters), record));
                }
            } finally {
                close();
            }
        }

        /**
         * Refuses a leased unit of work whose checkpoint another copy moved before it began, as the SQL stores do when
         * it records or rolls back, rather than judging its blocks against a checkpoint that is not its own.
         */
        private void requireUnmoved() {
            if (lease != null) {
                synchronized (leases) {
                    if (!committed.getOrDefault(stream, Snapshot.EMPTY).head().equals(base)) {
                        requireFence();
                    }
                }
            }
        }

        private void requireFence() {
            LeaseState current = leases.get(stream);
            long epoch = current == null ? 0 : current.epoch();
            Optional<BlockRef> head =
                    committed.getOrDefault(stream, Snapshot.EMPTY).head();
            if (epoch != lease.epoch() || !head.equals(base)) {
                throw CheckpointRules.fenced(lease, base, epoch, head.map(BlockRef::toString), LOCATION);
            }
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
