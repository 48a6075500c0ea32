package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * A block the stream handled and still remembers, with the logs it delivered from it, kept so that a reorganisation can
 * deliver their removals. After a restart the logs come from the checkpoint store; only a block handled before the
 * store kept delivered logs (schema version 1) has none: {@code logsKnown} is false.
 *
 * @param block the block
 * @param logs the delivered logs in block order; empty when not known
 * @param logsKnown true if {@code logs} are the block's delivered logs
 */
public record RecentBlock(BlockRef block, List<RawLog> logs, boolean logsKnown) {
    /** Copies the logs and checks that nothing is missing. */
    public RecentBlock {
        Objects.requireNonNull(block, "block");
        logs = List.copyOf(logs);
    }

    /** Returns a handled block with the logs delivered from it. */
    public static RecentBlock handled(BlockRef block, List<RawLog> logs) {
        return new RecentBlock(block, logs, true);
    }

    /** Returns a block from a checkpoint that did not keep the logs delivered from it. */
    public static RecentBlock withoutLogs(BlockRef block) {
        return new RecentBlock(block, List.of(), false);
    }

    /** Returns the block number. */
    public long number() {
        return block.number();
    }
}
