package io.chainwire.benchmarks.backfill;

import io.chainwire.abi.Address;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the emitted logs are: the node, the emitting contract, the blocks from {@code firstBlock} to {@code lastBlock}
 * that hold them, and how many there are.
 *
 * @param node the node's HTTP URL
 * @param contract the address of every log
 * @param firstBlock the first block with logs
 * @param lastBlock the last block with logs
 * @param logs how many logs the blocks hold
 */
record EmittedLogs(URI node, Address contract, long firstBlock, long lastBlock, long logs) {
    /** Splits the blocks into ranges of {@code blocks} blocks, as the stream asks for them. */
    List<long[]> ranges(long blocks) {
        List<long[]> ranges = new ArrayList<>();
        for (long from = firstBlock; from <= lastBlock; from += blocks) {
            ranges.add(new long[] {from, Math.min(lastBlock, from + blocks - 1)});
        }
        return ranges;
    }
}
