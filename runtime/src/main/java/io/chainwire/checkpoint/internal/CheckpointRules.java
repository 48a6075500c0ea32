package io.chainwire.checkpoint.internal;

import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.FencedException;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import java.util.List;
import java.util.Optional;

/**
 * The rules every store enforces on writes, so that a stream can neither handle a block twice nor build on a block
 * whose parent it did not handle.
 */
public final class CheckpointRules {
    private CheckpointRules() {}

    /**
     * Checks that {@code block} may be recorded as handled after {@code head}.
     *
     * @throws CheckpointException if the block is not above the head, or is the next block but does not name the head
     *     as its parent
     */
    public static void requireNext(StreamId stream, Optional<BlockRef> head, BlockRef block, String location) {
        if (head.isEmpty()) {
            return;
        }
        BlockRef last = head.get();
        String what = "cannot record " + block + " as handled for stream '" + stream + "' in " + location;
        if (block.number() <= last.number()) {
            throw new CheckpointException(what + ": it is not above the last handled " + last);
        }
        if (block.number() == last.number() + 1 && !block.parentHash().equals(last.hash())) {
            throw new CheckpointException(what
                    + ": its parent hash "
                    + block.parentHash()
                    + " is not the hash of the last handled "
                    + last
                    + "; the chain reorganised, roll back to the fork point first");
        }
    }

    /**
     * Returns the refusal of a unit of work begun under {@code lease} on {@code base}, when the stream's lease epoch is
     * now {@code epoch} and its last handled block {@code head}.
     */
    public static FencedException fenced(
            Lease lease, Optional<BlockRef> base, long epoch, Optional<String> head, String location) {
        return new FencedException("cannot commit for stream '" + lease.stream() + "' in " + location
                + ": it began under lease epoch " + lease.epoch() + " on "
                + base.map(BlockRef::toString).orElse("no block")
                + ", but the stream's lease epoch is " + epoch + " and its last handled block "
                + head.orElse("no block"));
    }

    /**
     * Checks that the stream may roll back to {@code forkPoint}, given its {@code head} and the handled block
     * {@code stored} at the fork point's number, if any.
     *
     * @throws CheckpointException if there is no head, the fork point is above it, or the stored block at its number
     *     has another hash
     */
    public static void requireForkPoint(
            StreamId stream, Optional<BlockRef> head, Optional<BlockRef> stored, BlockRef forkPoint, String location) {
        String what = "cannot roll stream '" + stream + "' back to " + forkPoint + " in " + location;
        if (head.isEmpty()) {
            throw new CheckpointException(what + ": the stream has no checkpoint");
        }
        if (forkPoint.number() > head.get().number()) {
            throw new CheckpointException(what + ": it is above the last handled " + head.get());
        }
        if (stored.isPresent() && !stored.get().hash().equals(forkPoint.hash())) {
            throw new CheckpointException(
                    what + ": the handled block at that number is " + stored.get() + ", so it is not a fork point");
        }
    }

    /**
     * Returns a copy of {@code delivered}, the logs delivered from {@code block}, after checking that each was logged
     * in that block and that they are in ascending log-index order.
     *
     * @throws IllegalArgumentException naming the first log that breaks a rule
     */
    public static List<RawLog> requireDelivered(BlockRef block, List<RawLog> delivered) {
        List<RawLog> logs = List.copyOf(delivered);
        for (int i = 0; i < logs.size(); i++) {
            LogMeta meta = logs.get(i).meta();
            if (meta.blockNumber() != block.number() || !meta.blockHash().equals(block.hash())) {
                throw new IllegalArgumentException("delivered log " + meta.logIndex() + " of block "
                        + meta.blockNumber() + " (" + meta.blockHash() + ") is not a log of " + block);
            }
            if (i > 0 && meta.logIndex() <= logs.get(i - 1).meta().logIndex()) {
                throw new IllegalArgumentException(
                        "delivered logs of " + block + " must be in ascending log-index order, got log index "
                                + logs.get(i - 1).meta().logIndex() + " before " + meta.logIndex());
            }
        }
        return logs;
    }
}
