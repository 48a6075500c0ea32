package io.chainwire.stream.internal;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.FencedException;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.StreamRecord;
import io.chainwire.stream.ChainMismatchException;
import io.chainwire.stream.CheckpointStoreFailedException;
import io.chainwire.stream.FilterChangedException;
import io.chainwire.stream.StreamState;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Runs a stream's terms of leadership, one rule for everything that can take the lease away: a copy delivers only while
 * it holds the lease; it takes it, loads its checkpoint and runs the engine from there until the lease is lost, a
 * commit is fenced, or the store fails transiently; then it stands by and tries again, so the stream continues wherever
 * a copy reaches the store. A store that stays unreachable for longer than the outage limit fails the stream. Every
 * term starts from the checkpoint as committed, so a commit whose outcome was unknown is neither lost nor delivered
 * twice.
 */
final class Supervisor {
    private static final Logger LOG = StreamLoggers.STORE;

    private final StreamSettings settings;
    private final StreamId stream;
    private final CheckpointStore store;
    private final Leadership leadership;
    private final ChainCheck chains;
    private final ProgressWatch progress;
    private final Backoff backoff;
    private final StopSignal stop;
    private final Function<Delivery, StreamEngine> engines;
    private final Consumer<Boolean> storeReachable;
    private final String filter;
    private final UndecodableLogs undecodable = new UndecodableLogs();
    private long outageSince = -1;

    Supervisor(
            StreamSettings settings,
            CheckpointStore store,
            Leadership leadership,
            ChainCheck chains,
            ProgressWatch progress,
            Backoff backoff,
            StopSignal stop,
            Consumer<Boolean> storeReachable,
            Function<Delivery, StreamEngine> engines) {
        this.settings = settings;
        this.stream = settings.id();
        this.store = store;
        this.leadership = leadership;
        this.chains = chains;
        this.progress = progress;
        this.backoff = backoff;
        this.stop = stop;
        this.engines = engines;
        this.storeReachable = storeReachable;
        this.filter = FilterText.of(settings.filter());
    }

    /**
     * Runs terms until the stream stops or fails.
     *
     * @throws StreamStopping when the stream is stopped
     * @throws io.chainwire.stream.StreamException when it fails
     */
    void run() {
        boolean standingBy = false;
        int failures = 0;
        while (true) {
            stop.check();
            boolean leading = false;
            try {
                if (!leadership.tryAcquire()) {
                    storeReached();
                    if (!standingBy) {
                        LOG.info(
                                "stream '{}': {} stands by: another copy holds the lease", stream, leadership.holder());
                        progress.enter(StreamState.STANDBY);
                        standingBy = true;
                    }
                    stop.sleep(settings.leaseRenewal());
                    continue;
                }
                standingBy = false;
                leading = true;
                if (progress.state() == StreamState.STANDBY) {
                    // Until the engine runs: loading the checkpoint and reading the head, as at the start.
                    progress.enter(StreamState.STARTING);
                }
                Optional<Checkpoint> checkpoint = store.load(stream);
                storeReached();
                failures = 0;
                term(checkpoint);
            } catch (LeaseLost | FencedException e) {
                leadership.demote(e.getMessage());
            } catch (CheckpointException e) {
                if (!e.isTransient()) {
                    // Only a copy that led can have been overtaken; one that failed to take the lease failed.
                    if (!leading || !lostTheLease()) {
                        throw new CheckpointStoreFailedException(stream, e);
                    }
                    leadership.demote("another copy took over while it wrote: " + e.getMessage());
                    continue;
                }
                leadership.demote("the checkpoint store failed");
                progress.enter(StreamState.STANDBY);
                storeFailed(e);
                Duration delay = backoff.delay(++failures);
                LOG.warn(
                        "stream '{}': the checkpoint store failed; delivering nothing, trying again in {} ms: {}",
                        stream,
                        delay.toMillis(),
                        e.getMessage());
                stop.sleep(delay);
            }
        }
    }

    /** Runs the engine from {@code checkpoint} until it is stopped or something ends this term. */
    private void term(Optional<Checkpoint> checkpoint) {
        StreamRecord record = checkpoint.map(Checkpoint::record).orElse(StreamRecord.EMPTY);
        if (record.chainId().isPresent()) {
            long recorded = record.chainId().getAsLong();
            long served = chains.expected().orElse(recorded);
            if (served != recorded) {
                throw new ChainMismatchException(
                        stream,
                        "its checkpoint was written on chain " + recorded
                                + ", but its endpoints serve chain " + served
                                + "; give the stream another id, or endpoints of chain "
                                + recorded);
            }
        }
        Optional<FilterBackfill> backfill = filterBackfill(record, checkpoint.map(Checkpoint::head));
        Delivery delivery = new Delivery(
                stream,
                store,
                leadership,
                settings.fencing(),
                checkpoint.map(Checkpoint::head),
                record,
                settings.dispatchers(),
                settings.errorPolicy(),
                backoff,
                settings.handlerAttempts(),
                stop,
                settings.metrics(),
                undecodable,
                settings.strictDecoding(),
                Set.copyOf(settings.filter().addresses()));
        StreamEngine engine = engines.apply(delivery);
        progress.enter(StreamState.STARTING);
        backfill.ifPresent(engine::backfillAdded);
        chains.expected().ifPresent(chain -> delivery.recordChain(chain, filter));
        engine.run(checkpoint);
    }

    /**
     * Returns the backfill of what the stream's filter adds to the one its checkpoint was written with, begun now or
     * left unfinished by an earlier run; empty if the filter is the recorded one, or it adds nothing and the stream
     * opted in.
     *
     * @throws FilterChangedException if the filter differs from the recorded one and the stream did not opt in, or from
     *     that of an unfinished backfill
     */
    private Optional<FilterBackfill> filterBackfill(StreamRecord record, Optional<BlockRef> head) {
        if (record.filter().isEmpty() || record.filter().get().equals(filter)) {
            return Optional.empty();
        }
        Optional<FilterBackfill> unfinished =
                FilterBackfill.parse(record.filter().get());
        if (unfinished.isPresent()) {
            FilterBackfill begun = unfinished.get();
            if (!begun.to().equals(filter)) {
                throw new FilterChangedException(
                        stream,
                        "it was started with other addresses or topics ("
                                + FilterText.difference(begun.to(), filter)
                                + ") than those whose additions it was backfilling up to block "
                                + begun.last() + ", next block " + begun.next()
                                + "; start it with that backfill's filter until it is done");
            }
            return unfinished;
        }
        String difference = FilterText.difference(record.filter().get(), filter);
        if (!settings.backfillAddedFilter()) {
            throw new FilterChangedException(
                    stream,
                    "it was started with other addresses or topics than its checkpoint"
                            + " was written with (" + difference
                            + "); resuming would skip the history of what was added. Give the"
                            + " stream a new id to deliver the new filter from its start block, opt in with backfillAddedFilter(true)"
                            + " to deliver what was added up to the checkpoint's block and then resume, or start it with the"
                            + " recorded filter");
        }
        if (!FilterText.adds(record.filter().get(), filter) || head.isEmpty()) {
            LOG.info(
                    "stream '{}': its filter changed ({}) and adds nothing to deliver; resuming with it",
                    stream,
                    difference);
            return Optional.empty();
        }
        return Optional.of(new FilterBackfill(
                record.filter().get(), filter, settings.fromBlock(), head.get().number()));
    }

    /**
     * Returns true if a refused write is explained by another copy having taken over meanwhile (the lease lost between
     * this copy's last check and its write): it then stands by, as when fenced.
     */
    private boolean lostTheLease() {
        try {
            return !leadership.stillHolds();
        } catch (CheckpointException e) {
            return false;
        }
    }

    private void storeReached() {
        storeReachable.accept(true);
        if (outageSince >= 0) {
            LOG.info("stream '{}': the checkpoint store answers again", stream);
            outageSince = -1;
        }
    }

    private void storeFailed(CheckpointException failure) {
        storeReachable.accept(false);
        long now = stop.clock().nanoTime();
        if (outageSince < 0) {
            outageSince = now;
        } else if (now - outageSince >= settings.storeOutageLimit().toNanos()) {
            throw new CheckpointStoreFailedException(
                    stream,
                    new CheckpointException(
                            "unreachable for "
                                    + Duration.ofNanos(now - outageSince).toSeconds() + " s, past the outage limit of "
                                    + settings.storeOutageLimit().toSeconds() + " s; last failure: "
                                    + failure.getMessage(),
                            failure));
        }
    }
}
