package io.chainwire.checkpoint;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.internal.CheckpointRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a stream got: its recently handled blocks in ascending order, the last one being the last fully handled
 * block, and the logs delivered from them. The stream resumes after {@link #head()} and compares the other blocks with
 * the chain to find a fork point when the chain reorganised while it was down; the delivered logs of the orphaned
 * blocks are the removals it then delivers.
 *
 * @param stream the stream the checkpoint belongs to
 * @param recentBlocks the handled blocks still in the store's window, lowest first; never empty
 * @param deliveredLogs by block number, the logs delivered from each recent block whose logs the store kept, in
 *     log-index order (possibly none); a block handled before the store kept logs (schema version 1), or only named as
 *     a fork point, has no entry
 * @param record what the stream recorded about its chain, filter and finality
 */
public record Checkpoint(
        StreamId stream, List<BlockRef> recentBlocks, Map<Long, List<RawLog>> deliveredLogs, StreamRecord record) {

    /**
     * Validates that the blocks are present and strictly ascending, and that each delivered log belongs to its recent
     * block.
     */
    public Checkpoint {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(record, "record");
        recentBlocks = List.copyOf(recentBlocks);
        if (recentBlocks.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint holds at least one block");
        }
        for (int i = 1; i < recentBlocks.size(); i++) {
            if (recentBlocks.get(i).number() <= recentBlocks.get(i - 1).number()) {
                throw new IllegalArgumentException("checkpoint blocks must be strictly ascending, got "
                        + recentBlocks.get(i - 1)
                        + " before "
                        + recentBlocks.get(i));
            }
        }
        Map<Long, List<RawLog>> copy = new HashMap<>();
        for (Map.Entry<Long, List<RawLog>> entry : deliveredLogs.entrySet()) {
            long number = entry.getKey();
            BlockRef block = recentBlocks.stream()
                    .filter(recent -> recent.number() == number)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "delivered logs of block " + number + ", which is not a recent block of the checkpoint"));
            copy.put(number, CheckpointRules.requireDelivered(block, entry.getValue()));
        }
        deliveredLogs = Map.copyOf(copy);
    }

    /** Creates a checkpoint whose blocks have no delivered logs kept and that recorded nothing else. */
    public Checkpoint(StreamId stream, List<BlockRef> recentBlocks) {
        this(stream, recentBlocks, Map.of(), StreamRecord.EMPTY);
    }

    /** Creates a checkpoint that recorded nothing but its blocks and their delivered logs. */
    public Checkpoint(StreamId stream, List<BlockRef> recentBlocks, Map<Long, List<RawLog>> deliveredLogs) {
        this(stream, recentBlocks, deliveredLogs, StreamRecord.EMPTY);
    }

    /** Returns the last fully handled block. */
    public BlockRef head() {
        return recentBlocks.get(recentBlocks.size() - 1);
    }

    /** Returns the handled block numbered {@code number}, if the window still holds it. */
    public Optional<BlockRef> block(long number) {
        return recentBlocks.stream().filter(block -> block.number() == number).findFirst();
    }

    /**
     * Returns the logs delivered from the recent block numbered {@code number}, in log-index order, or empty if the
     * store did not keep them (or the window does not hold the block).
     */
    public Optional<List<RawLog>> delivered(long number) {
        return Optional.ofNullable(deliveredLogs.get(number));
    }
}
