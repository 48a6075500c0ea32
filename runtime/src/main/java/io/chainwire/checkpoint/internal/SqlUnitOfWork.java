package io.chainwire.checkpoint.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.FencedException;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit of work as one JDBC transaction on the store's writer connection. Between units of work the connection is left
 * in auto-commit mode, so it holds no lock (SQLite begins its transaction, and takes the write lock, when auto-commit
 * is switched off).
 *
 * <p>A handler call runs inside a savepoint, so that its writes can be undone alone, but only once handlers can write:
 * until {@link #connection()} first hands the connection out, no code outside the store holds it or anything made from
 * it, so a call has nothing to undo and runs without one (a stream whose handlers never write skips a {@code SAVEPOINT}
 * and a {@code RELEASE} per event). The first hand-out inside a call sets that call's savepoint before the handler can
 * write; from then on, for as long as the store keeps this connection, every call gets its savepoint up front, since a
 * handler may write through a statement it kept.
 */
final class SqlUnitOfWork implements UnitOfWork {
    private enum State {
        OPEN,
        FAILED,
        ENDED
    }

    /**
     * What a unit of work under a lease must still hold at commit: the lease's epoch, and the head it began from (empty
     * for a stream without a checkpoint).
     */
    record Fence(Lease lease, Optional<BlockRef> base) {}

    private final StreamId stream;
    private final Fence fence;
    private final Connection connection;
    private final Schema schema;
    private final int recentBlocks;
    private final String location;
    private final Runnable onEnd;
    private final Runnable onHandOut;
    private boolean handedOut;
    private boolean inCall;
    private Savepoint savepoint;
    private State state = State.OPEN;
    // Why the store failed this unit of work, if it did.
    private CheckpointException storeFailure;
    // The head this unit of work leaves: the last block it marked handled, or its fork point.
    private BlockRef newHead;

    SqlUnitOfWork(
            StreamId stream,
            Fence fence,
            Connection connection,
            Schema schema,
            int recentBlocks,
            String location,
            Runnable onEnd,
            boolean handedOut,
            Runnable onHandOut) {
        this.stream = stream;
        this.fence = fence;
        this.connection = connection;
        this.schema = schema;
        this.recentBlocks = recentBlocks;
        this.location = location;
        this.onEnd = onEnd;
        this.handedOut = handedOut;
        this.onHandOut = onHandOut;
    }

    @Override
    public StreamId stream() {
        return stream;
    }

    @Override
    public Optional<Connection> connection() {
        if (!handedOut) {
            handedOut = true;
            onHandOut.run();
            if (inCall) {
                savepoint = sql("start a handler call", Connection::setSavepoint);
            }
        }
        return Optional.of(connection);
    }

    @Override
    public void attempt(Runnable handlerCall) {
        Objects.requireNonNull(handlerCall, "handlerCall");
        requireOpen();
        savepoint = handedOut ? sql("start a handler call", Connection::setSavepoint) : null;
        inCall = true;
        try {
            handlerCall.run();
        } catch (Throwable callFailure) {
            inCall = false;
            if (storeFailure != null) {
                // The store failed inside the call, handing the connection out: the call failed for it.
                if (callFailure != storeFailure) {
                    storeFailure.addSuppressed(callFailure);
                }
                throw storeFailure;
            }
            undo(callFailure);
            throw callFailure;
        }
        inCall = false;
        if (savepoint != null) {
            Savepoint finished = savepoint;
            sql("finish a handler call", c -> {
                c.releaseSavepoint(finished);
                return null;
            });
        }
    }

    /** Rolls back to the failed call's savepoint, if it had one (without it, it wrote nothing). */
    private void undo(Throwable failure) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            state = State.FAILED;
            CheckpointException undo = new CheckpointException(what("undo the writes of a failed handler call"), e);
            undo.addSuppressed(failure);
            throw undo;
        }
    }

    @Override
    public void markHandled(BlockRef block, List<RawLog> delivered) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(delivered, "delivered");
        requireOpen();
        List<RawLog> checked = CheckpointRules.requireDelivered(block, delivered);
        Optional<BlockRef> head =
                sql("read the last handled block", c -> schema.blocks().head(c, stream));
        requireUnmoved(head);
        CheckpointRules.requireNext(stream, head, block, location);
        sql("record " + block + " as handled", c -> {
            schema.blocks().insert(c, stream, block, checked);
            schema.blocks().deleteUpTo(c, stream, block.number() - recentBlocks);
            return null;
        });
        newHead = block;
    }

    @Override
    public void rollbackTo(BlockRef forkPoint) {
        Objects.requireNonNull(forkPoint, "forkPoint");
        requireOpen();
        Optional<BlockRef> head =
                sql("read the last handled block", c -> schema.blocks().head(c, stream));
        requireUnmoved(head);
        Optional<BlockRef> stored = sql(
                "read the handled block at the fork point", c -> schema.blocks().at(c, stream, forkPoint.number()));
        CheckpointRules.requireForkPoint(stream, head, stored, forkPoint, location);
        sql("roll back to " + forkPoint, c -> {
            schema.blocks().deleteAbove(c, stream, forkPoint.number());
            if (stored.isEmpty()) {
                schema.blocks().insertForkPoint(c, stream, forkPoint);
            }
            schema.deadLetters().orphanAbove(c, stream, forkPoint.number());
            return null;
        });
        newHead = forkPoint;
    }

    /**
     * Refuses, as its commit would, a unit of work under a lease that finds the checkpoint moved from where it left it
     * ({@code head}, read in its transaction): another copy took over and committed meanwhile, so the checkpoint's
     * rules say nothing about this one, which is stale.
     */
    private void requireUnmoved(Optional<BlockRef> head) {
        if (fence == null) {
            return;
        }
        Optional<BlockRef> expected = newHead != null ? Optional.of(newHead) : fence.base();
        boolean same = head.isPresent() == expected.isPresent()
                && (head.isEmpty()
                        || head.get().number() == expected.get().number()
                                && head.get().hash().equals(expected.get().hash()));
        if (!same) {
            FencedException refused =
                    sql("read the lease", c -> schema.streams().fenced(c, fence.lease(), fence.base(), location));
            state = State.FAILED;
            throw refused;
        }
    }

    @Override
    public void recordChain(long chainId, String filter) {
        Objects.requireNonNull(filter, "filter");
        requireOpen();
        sql("record the chain and filter", c -> {
            schema.streams().recordChain(c, stream, chainId, filter);
            return null;
        });
    }

    @Override
    public void recordFinalized(BlockRef block) {
        Objects.requireNonNull(block, "block");
        requireOpen();
        sql("record " + block + " as finalized", c -> {
            schema.streams().recordFinalized(c, stream, block);
            return null;
        });
    }

    @Override
    public void recordDeadLetter(RawLog log, boolean removal, String handler, Throwable failure) {
        Objects.requireNonNull(log, "log");
        requireOpen();
        DeadLetter letter = DeadLetter.of(stream, log, removal, handler, failure, Instant.now());
        sql(
                "record a dead letter for log " + log.meta().logIndex() + " of block "
                        + log.meta().blockNumber(),
                c -> {
                    schema.deadLetters().insert(c, letter);
                    return null;
                });
    }

    @Override
    public void commit() {
        requireOpen();
        boolean autoCommit = sql("check the transaction", Connection::getAutoCommit);
        if (autoCommit) {
            state = State.FAILED;
            throw new CheckpointException("cannot commit the unit of work for stream '"
                    + stream
                    + "' in "
                    + location
                    + ": a handler switched its connection to auto-commit, so writes were committed apart"
                    + " from the checkpoint; handlers must not change auto-commit, commit or roll back");
        }
        moveHead();
        try {
            connection.commit();
        } catch (SQLException e) {
            state = State.FAILED;
            throw new CheckpointException(
                    what("commit")
                            + "; if the connection broke, reload the checkpoint to learn whether the commit took effect",
                    e);
        }
        end(false);
    }

    /**
     * Moves the stream's head to where this unit of work leaves it: under a lease, by one update that names the lease's
     * epoch and the head the unit began from, refused (and the unit rolled back) if either changed.
     */
    private void moveHead() {
        if (fence == null) {
            if (newHead != null) {
                sql("record the head", c -> {
                    schema.streams().moveHead(c, stream, newHead);
                    return null;
                });
            }
            return;
        }
        BlockRef to = newHead != null ? newHead : fence.base().orElse(null);
        if (to == null) {
            return;
        }
        boolean moved = sql(
                "check the lease and record the head",
                c -> schema.streams().moveHeadFenced(c, fence.lease(), fence.base(), to));
        if (!moved) {
            FencedException refused =
                    sql("read the lease", c -> schema.streams().fenced(c, fence.lease(), fence.base(), location));
            state = State.FAILED;
            throw refused;
        }
    }

    @Override
    public void close() {
        if (state != State.ENDED) {
            end(true);
        }
    }

    /** Rolls back what {@code connection} has not committed and closes it, attaching any failure to {@code failure}. */
    static void discard(Connection connection, Throwable failure) {
        try (connection) {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void end(boolean rollBack) {
        state = State.ENDED;
        try {
            if (rollBack && !connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            CheckpointException failure = new CheckpointException(
                    what(rollBack ? "roll back" : "end the transaction after committing it"), e);
            discard(connection, failure);
            throw failure;
        } finally {
            onEnd.run();
        }
    }

    private void requireOpen() {
        if (state == State.ENDED) {
            throw new IllegalStateException("the unit of work for stream '" + stream + "' has ended");
        }
        if (state == State.FAILED) {
            throw new IllegalStateException(
                    "the unit of work for stream '" + stream + "' failed; close it and begin another");
        }
    }

    private <T> T sql(String action, SqlCall<T> call) {
        try {
            return call.call(connection);
        } catch (SQLException e) {
            state = State.FAILED;
            storeFailure = new CheckpointException(what(action), e);
            throw storeFailure;
        }
    }

    private String what(String action) {
        return "could not " + action + " for stream '" + stream + "' in " + location;
    }
}
