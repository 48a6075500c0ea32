package io.chainwire.stream.internal;

import io.chainwire.abi.RawLog;
import java.util.List;

/**
 * One backfill range as fetched: the logs of finalized blocks, which need no block header and are never removed
 * (settled logs), then the blocks to record as handled, each with the logs that a reorganisation would remove,
 * ascending and ending with the range's last block, whose header moves the checkpoint to the end of the range. A
 * finalized range has only settled logs and its last block without logs.
 *
 * @param from the first block of the range
 * @param to the last block of the range
 * @param settled logs of finalized blocks, in chain order
 * @param blocks the blocks to record as handled, ascending, the last one block {@code to}
 * @param finalized true if block {@code to} was at or below the node's finalized block
 */
public record FetchedRange(long from, long to, List<RawLog> settled, List<BlockLogs> blocks, boolean finalized) {
    /** Copies the lists and checks that the range ends with its last block. */
    public FetchedRange {
        settled = List.copyOf(settled);
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty() || blocks.get(blocks.size() - 1).block().number() != to) {
            throw new IllegalArgumentException(
                    "the blocks of range " + from + ".." + to + " must end with block " + to);
        }
    }

    /** Returns roughly how many bytes of memory the range's logs take. */
    public long estimatedBytes() {
        long bytes = 0;
        for (RawLog log : settled) {
            bytes += estimatedBytes(log);
        }
        for (BlockLogs block : blocks) {
            for (RawLog log : block.logs()) {
                bytes += estimatedBytes(log);
            }
        }
        return bytes;
    }

    // The data and topics, and the objects around them (log, meta, lists, values not shared).
    private static long estimatedBytes(RawLog log) {
        return log.data().length() + 32L * log.topicCount() + 256;
    }

    /** Returns how many logs the range holds. */
    public int logCount() {
        return settled.size()
                + blocks.stream().mapToInt(block -> block.logs().size()).sum();
    }
}
