package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import io.chainwire.checkpoint.UnitOfWork;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.handler.UndecodableLogException;
import io.chainwire.stream.ErrorPolicy;
import io.chainwire.stream.HandlerFailedException;
import io.chainwire.stream.StreamMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Applies blocks to the handlers in units of work, one per block when following the head and one per range during
 * backfill: every log goes to every dispatcher in registration order (the event bus), each block is recorded as handled
 * with its delivered logs (which a reorganisation after a restart removes), and the unit commits. Each unit of work is
 * begun under the stream's lease and on the head the last one committed, so it commits only if this copy still leads
 * and nothing else moved the checkpoint; deliveries stop as soon as the lease can no longer be proven. A reorganisation
 * is one unit of work too: the removals of the orphaned blocks' logs in reverse chain order, then the rollback of the
 * checkpoint to the fork point.
 *
 * <p>A handler call that fails transiently is retried with backoff, its transactional writes undone before each retry;
 * a deterministic failure goes to the error policy. Used by the stream's delivery thread only.
 */
public final class Delivery {
    private static final Logger LOG = StreamLoggers.HANDLERS;

    private final StreamId stream;
    private final CheckpointStore store;
    private final Leadership leadership;
    private final boolean fencing;
    private final List<EventDispatcher> dispatchers;
    private final ErrorPolicy policy;
    private final Backoff backoff;
    private final int handlerAttempts;
    private final StopSignal stop;
    private final StreamMetrics metrics;
    private final UndecodableLogs undecodable;
    private final boolean strictDecoding;
    private final Set<Address> tracked;
    private Optional<BlockRef> head;
    private StreamRecord recorded;
    private StreamRecord toRecord;

    /**
     * Creates the delivery of {@code stream} to {@code dispatchers}, committing to {@code store} on top of {@code head}
     * what {@code recorded} says the stream recorded about itself so far.
     */
    Delivery(
            StreamId stream,
            CheckpointStore store,
            Leadership leadership,
            boolean fencing,
            Optional<BlockRef> head,
            StreamRecord recorded,
            List<EventDispatcher> dispatchers,
            ErrorPolicy policy,
            Backoff backoff,
            int handlerAttempts,
            StopSignal stop,
            StreamMetrics metrics,
            UndecodableLogs undecodable,
            boolean strictDecoding,
            Set<Address> tracked) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.store = Objects.requireNonNull(store, "store");
        this.leadership = Objects.requireNonNull(leadership, "leadership");
        this.fencing = fencing;
        this.head = Objects.requireNonNull(head, "head");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
        this.toRecord = recorded;
        this.dispatchers = List.copyOf(dispatchers);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.handlerAttempts = handlerAttempts;
        this.stop = Objects.requireNonNull(stop, "stop");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.undecodable = Objects.requireNonNull(undecodable, "undecodable");
        this.strictDecoding = strictDecoding;
        this.tracked = Set.copyOf(tracked);
    }

    /**
     * Checks that this copy can still prove its lease, so that an idle leader that lost it stands by without waiting
     * for its next block.
     *
     * @throws LeaseLost if it cannot
     */
    void requireLease() {
        leadership.require();
    }

    /** Returns what the stream recorded about itself, with what the next unit of work will add. */
    StreamRecord record() {
        return toRecord;
    }

    /** Records the chain and filter with the next unit of work. */
    void recordChain(long chainId, String filter) {
        toRecord = toRecord.withChain(chainId, filter);
    }

    /** Records {@code block}, a handled block the node reports as finalized, with the next unit of work. */
    void recordFinalized(BlockRef block) {
        toRecord = toRecord.withFinalized(block);
    }

    /**
     * Delivers the block's logs and records the block as handled, in one committed unit of work.
     *
     * @throws HandlerFailedException if a handler failed and the policy (or persistence) says stop
     * @throws io.chainwire.checkpoint.CheckpointException if the store failed;
     *     {@link io.chainwire.checkpoint.FencedException} if this copy no longer owns the stream
     * @throws LeaseLost if the lease can no longer be proven
     * @throws StreamStopping if the stream stopped while a handler call waited to be retried
     */
    public void apply(BlockLogs block) {
        apply(List.of(), List.of(block));
    }

    /**
     * Delivers {@code settled}, logs of finalized blocks that are not recorded one by one, then each block's logs,
     * recording each block as handled after its logs, all in one committed unit of work.
     *
     * @throws HandlerFailedException if a handler failed and the policy (or persistence) says stop
     * @throws io.chainwire.checkpoint.CheckpointException if the store failed;
     *     {@link io.chainwire.checkpoint.FencedException} if this copy no longer owns the stream
     * @throws LeaseLost if the lease can no longer be proven
     * @throws StreamStopping if the stream stopped while a handler call waited to be retried
     */
    public void apply(List<RawLog> settled, List<BlockLogs> blocks) {
        try (UnitOfWork work = begin()) {
            for (RawLog log : settled) {
                deliver(work, log, false);
            }
            for (BlockLogs block : blocks) {
                for (RawLog log : block.logs()) {
                    deliver(work, log, false);
                }
                work.markHandled(block.block(), block.logs());
            }
            commit(work, blocks.get(blocks.size() - 1).block());
        }
        int delivered = settled.size();
        for (BlockLogs block : blocks) {
            delivered += block.logs().size();
            metrics.blockHandled(block.block().number());
        }
        metrics.eventsDelivered(delivered);
    }

    /**
     * Delivers {@code logs}, of blocks the stream handled already, and records {@code filter} as its filter's text, in
     * one committed unit of work that leaves the head where it is: a range of the backfill of what a new filter adds.
     *
     * @throws HandlerFailedException if a handler failed and the policy (or persistence) says stop
     * @throws io.chainwire.checkpoint.CheckpointException if the store failed;
     *     {@link io.chainwire.checkpoint.FencedException} if this copy no longer owns the stream
     * @throws LeaseLost if the lease can no longer be proven
     * @throws StreamStopping if the stream stopped while a handler call waited to be retried
     */
    void applyHandled(List<RawLog> logs, String filter) {
        toRecord = toRecord.withChain(toRecord.chainId().orElseThrow(), filter);
        try (UnitOfWork work = begin()) {
            for (RawLog log : logs) {
                deliver(work, log, false);
            }
            commit(work, head.orElseThrow());
        }
        metrics.eventsDelivered(logs.size());
    }

    /**
     * Delivers the removals of the logs of {@code orphaned} (highest block first, each block's logs in reverse order)
     * and rolls the checkpoint back to {@code forkPoint}, in one committed unit of work.
     *
     * @throws HandlerFailedException if a handler failed and the policy (or persistence) says stop
     * @throws io.chainwire.checkpoint.CheckpointException if the store failed;
     *     {@link io.chainwire.checkpoint.FencedException} if this copy no longer owns the stream
     * @throws LeaseLost if the lease can no longer be proven
     * @throws StreamStopping if the stream stopped while a handler call waited to be retried
     */
    public void rollBack(List<BlockLogs> orphaned, BlockRef forkPoint) {
        int removals = 0;
        try (UnitOfWork work = begin()) {
            for (BlockLogs block : orphaned) {
                List<RawLog> logs = block.logs();
                for (int i = logs.size() - 1; i >= 0; i--) {
                    deliver(work, logs.get(i), true);
                    removals++;
                }
            }
            work.rollbackTo(forkPoint);
            commit(work, forkPoint);
        }
        metrics.eventsRemoved(removals);
        metrics.blockHandled(forkPoint.number());
    }

    /** Begins a unit of work under the lease, on the head the last one left. */
    private UnitOfWork begin() {
        Lease lease = leadership.require();
        return fencing ? store.begin(lease, head) : store.begin(stream);
    }

    /** Writes what is still to be recorded, commits, and moves the head to {@code newHead}. */
    private void commit(UnitOfWork work, BlockRef newHead) {
        StreamRecord writing = toRecord;
        if (writing.chainId().isPresent()
                && (!writing.chainId().equals(recorded.chainId())
                        || !writing.filter().equals(recorded.filter()))) {
            work.recordChain(writing.chainId().getAsLong(), writing.filter().orElseThrow());
        }
        if (writing.finalized().isPresent() && !writing.finalized().equals(recorded.finalized())) {
            work.recordFinalized(writing.finalized().get());
        }
        work.commit();
        head = Optional.of(newHead);
        recorded = writing;
    }

    private void deliver(UnitOfWork work, RawLog log, boolean removal) {
        DeliveryContext context = new DeliveryContext(log, removal, work);
        for (EventDispatcher dispatcher : dispatchers) {
            for (int attempt = 1; ; attempt++) {
                // Before every call, as time may have passed since the last check: the unit of work waited
                // to begin (a store that hangs), a retry waited out its backoff, a handler was slow.
                leadership.require();
                try {
                    work.attempt(() -> call(dispatcher, log, context));
                    break;
                } catch (HandlerCallFailed failed) {
                    Throwable cause = failed.getCause();
                    String handler = dispatcher.getClass().getName();
                    if (cause instanceof UndecodableLogException undecodable) {
                        notTheEvent(work, log, handler, removal, undecodable);
                        break;
                    }
                    if (HandlerFailures.isTransient(cause)) {
                        if (attempt >= handlerAttempts) {
                            throw failure(
                                    log, handler, removal, "(transiently, " + attempt + " times in a row)", cause);
                        }
                        Duration delay = backoff.delay(attempt);
                        LOG.warn(
                                "stream '{}': handler {} failed transiently on {} (attempt {} of {}); retrying in {} ms: {}",
                                stream,
                                handler,
                                describe(log, removal),
                                attempt,
                                handlerAttempts,
                                delay.toMillis(),
                                cause.toString());
                        metrics.handlerRetry(handler);
                        stop.sleep(delay);
                        continue;
                    }
                    applyPolicy(work, log, handler, removal, cause);
                    break;
                }
            }
        }
    }

    /**
     * Handles a log that claims an event {@code handler} takes but does not decode as it: not the event, so counted,
     * warned about once per (address, topic 0), recorded as a dead letter while the cap allows, and passed over; unless
     * decoding is strict and the address is one the stream tracks by name, where it fails the stream (the ABI may be
     * wrong).
     */
    private void notTheEvent(UnitOfWork work, RawLog log, String handler, boolean removal, UndecodableLogException e) {
        if (strictDecoding && tracked.contains(log.address())) {
            throw failure(
                    log, handler, removal, "(it does not decode as " + e.signature() + " and decoding is strict)", e);
        }
        metrics.undecodableLog(handler);
        if (undecodable.firstOfItsKind(log)) {
            LOG.warn(
                    "stream '{}': passing over {}: {} (further logs of this address and topic 0 are counted, not logged)",
                    stream,
                    describe(log, removal),
                    e.getMessage());
        }
        if (!removal && undecodable.mayWriteDeadLetter()) {
            work.recordDeadLetter(log, removal, handler, e);
        }
    }

    private void applyPolicy(UnitOfWork work, RawLog log, String handler, boolean removal, Throwable cause) {
        switch (policy) {
            case STOP -> throw failure(log, handler, removal, "(error policy STOP)", cause);
            case SKIP -> {
                LOG.warn(
                        "stream '{}': skipping {} that handler {} failed on (error policy SKIP)",
                        stream,
                        describe(log, removal),
                        handler,
                        cause);
                metrics.eventSkipped(handler);
            }
            case DEAD_LETTER -> {
                work.recordDeadLetter(log, removal, handler, cause);
                LOG.warn(
                        "stream '{}': recording {} that handler {} failed on as a dead letter",
                        stream,
                        describe(log, removal),
                        handler,
                        cause);
                metrics.deadLetter(handler);
            }
        }
    }

    private HandlerFailedException failure(
            RawLog log, String handler, boolean removal, String detail, Throwable cause) {
        LogMeta meta = log.meta();
        return new HandlerFailedException(
                stream, meta.eventKey(), meta.blockNumber(), handler, removal, detail, head, cause);
    }

    private static String describe(RawLog log, boolean removal) {
        LogMeta meta = log.meta();
        return (removal ? "the removal of " : "") + "the event in block " + meta.blockNumber() + " (" + meta.blockHash()
                + "), transaction " + meta.transactionHash() + ", log index " + meta.logIndex();
    }

    private static void call(EventDispatcher dispatcher, RawLog log, DeliveryContext context) {
        try {
            dispatcher.dispatch(log, context);
        } catch (Exception e) {
            throw new HandlerCallFailed(e);
        }
    }

    /** Carries a handler's exception out of a unit of work's attempt, apart from the store's own failures. */
    private static final class HandlerCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerCallFailed(Exception cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
