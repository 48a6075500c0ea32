package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * A block and the stream's logs in it, in log-index order: one unit of work.
 *
 * @param block the block
 * @param logs its logs matching the stream's filter
 */
public record BlockLogs(BlockRef block, List<RawLog> logs) {
    /** Copies the logs and checks that nothing is missing. */
    public BlockLogs {
        Objects.requireNonNull(block, "block");
        logs = List.copyOf(logs);
    }
}
