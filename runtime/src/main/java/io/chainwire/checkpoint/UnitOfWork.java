package io.chainwire.checkpoint;

import io.chainwire.abi.RawLog;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * One atomic step of a stream: handler effects, blocks recorded as handled, a rollback to a fork point and dead
 * letters, committed together or not at all. Closing a unit of work that was not committed rolls everything back.
 *
 * <p>Per block (or, in a backfill, per range of blocks, marking each block in turn): run each handler call through
 * {@link #attempt}, record failures the policy sends to the dead-letter table with {@link #recordDeadLetter}, then
 * {@link #markHandled(BlockRef, List) markHandled} the block with its delivered logs and {@link #commit}. On a
 * reorganisation: deliver the removals, {@link #rollbackTo} the fork point and commit, then apply the new branch block
 * by block.
 *
 * <p>A unit of work {@linkplain CheckpointStore#begin(Lease, Optional) begun under a lease} commits only if the lease's
 * epoch is still the stream's and the checkpoint is still the one it began from, checked in the same transaction;
 * otherwise {@link #commit()} throws {@link FencedException} and nothing of it is committed.
 *
 * <p>A unit of work is used by one thread at a time and is not reusable after commit or close.
 */
public interface UnitOfWork extends AutoCloseable {
    /** Returns the stream this unit of work writes for. */
    StreamId stream();

    /**
     * Returns the JDBC connection whose transaction this unit of work commits, if the store is
     * {@link CheckpointStore#transactional() transactional}. Handlers write through it so their effects commit exactly
     * once with the checkpoint; they must not commit, roll back, close it or change its auto-commit mode.
     */
    Optional<Connection> connection();

    /**
     * Runs one handler call. If it throws, the writes it made through {@link #connection()} are undone (the rest of the
     * unit of work stays) and the exception is rethrown, so the call can be retried or its event recorded as a dead
     * letter. (A store may skip the savepoint this takes while no handler has asked for the connection yet: until then,
     * no call can have written through it.)
     *
     * @throws CheckpointException if the writes cannot be undone, or the store failed during the call (handing out the
     *     {@linkplain #connection() connection}); the call's failure is attached as suppressed and the unit of work can
     *     then only be closed
     */
    void attempt(Runnable handlerCall);

    /**
     * Records {@code block} as fully handled, together with {@code delivered}, the logs delivered from it (in log-index
     * order, possibly none). The store keeps both while the block is in its {@link CheckpointStore#recentBlocks()
     * window}, drops blocks (and their logs) that fell out of it, and gives the logs back in
     * {@link Checkpoint#deliveredLogs()}, so that after a restart a stream can deliver their removals when the chain
     * orphaned the block, even if the node no longer has it.
     *
     * @throws IllegalArgumentException if a delivered log is not a log of {@code block}, or the logs are not in
     *     ascending log-index order
     * @throws FencedException if the unit of work was begun under a lease and finds the checkpoint moved since (another
     *     copy took over and committed): it is stale, and can only be closed
     * @throws CheckpointException if the block is not above the last handled block, if it is the next block but its
     *     parent hash is not the last handled block's hash (the chain reorganised: roll back first), or if the store
     *     fails
     */
    void markHandled(BlockRef block, List<RawLog> delivered);

    /**
     * Records {@code block} as fully handled with no delivered logs: {@code markHandled(block, List.of())}.
     *
     * @throws CheckpointException as {@link #markHandled(BlockRef, List)} does
     */
    default void markHandled(BlockRef block) {
        markHandled(block, List.of());
    }

    /**
     * Rolls the checkpoint back to {@code forkPoint}, the last block the stream handled that is still on the chain:
     * handled blocks above it and their delivered logs are forgotten, it becomes the last handled block, and dead
     * letters above it are marked {@link DeadLetter#orphaned() orphaned}.
     *
     * @throws FencedException if the unit of work was begun under a lease and finds the checkpoint moved since (another
     *     copy took over and committed): it is stale, and can only be closed
     * @throws CheckpointException if the stream has no checkpoint, if the fork point is above the last handled block,
     *     if the stored block at that number has another hash, or if the store fails
     */
    void rollbackTo(BlockRef forkPoint);

    /**
     * Records the chain id of the nodes the stream follows and the canonical text of its log filter; a later
     * {@link CheckpointStore#load} returns them in the checkpoint's {@link StreamRecord}.
     *
     * @throws CheckpointException if the store fails
     */
    void recordChain(long chainId, String filter);

    /**
     * Records {@code block}, a block the stream handled, as the highest block it saw its node report as finalized; a
     * lower block than the one recorded changes nothing.
     *
     * @throws CheckpointException if the store fails
     */
    void recordFinalized(BlockRef block);

    /**
     * Records that {@code handler} failed on {@code log} with {@code failure}, delivering the event or, with
     * {@code removal}, its removal; to be committed with the unit of work.
     *
     * @throws CheckpointException if the store fails
     */
    void recordDeadLetter(RawLog log, boolean removal, String handler, Throwable failure);

    /**
     * Records that {@code handler} failed on the delivery (not the removal) of {@code log}:
     * {@code recordDeadLetter(log, false, handler, failure)}.
     *
     * @throws CheckpointException if the store fails
     */
    default void recordDeadLetter(RawLog log, String handler, Throwable failure) {
        recordDeadLetter(log, false, handler, failure);
    }

    /**
     * Commits everything this unit of work did and ends it, so the next unit of work can begin.
     *
     * @throws IllegalStateException if the unit of work was already committed or closed
     * @throws CheckpointException if the commit fails; if the connection broke during the commit, reload the checkpoint
     *     to learn whether it took effect
     */
    void commit();

    /**
     * Ends the unit of work, rolling it back unless it was committed, and lets the next one begin. Does nothing after a
     * successful commit.
     *
     * @throws CheckpointException if the rollback fails
     */
    @Override
    void close();
}
