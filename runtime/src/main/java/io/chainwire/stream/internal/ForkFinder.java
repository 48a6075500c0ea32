package io.chainwire.stream.internal;

import io.chainwire.abi.Hash;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Finds where a reorganised chain forked from the blocks a stream handled: walking down from the highest remembered
 * block, the first one whose hash is still the chain's hash at its number is the fork point. Everything remembered
 * above it is orphaned. Remembered blocks may be sparse (a backfill records only blocks with events and range ends);
 * the fork point is then the highest remembered block still on the chain, which is at or below the true fork, and the
 * blocks between are simply handled again.
 */
public final class ForkFinder {
    private ForkFinder() {}

    /** The outcome of a walk: the fork point and the orphaned blocks above it, highest first. */
    public record Fork(RecentBlock forkPoint, List<RecentBlock> orphaned) {
        /** Returns the number of block numbers rolled back: the old tip's number less the fork point's. */
        public int depth() {
            return orphaned.isEmpty() ? 0 : (int) (orphaned.get(0).number() - forkPoint.number());
        }
    }

    /**
     * Walks {@code newestFirst} and returns the fork, or empty if no remembered block is on the chain.
     *
     * @param newestFirst the remembered blocks, highest first
     * @param canonical the chain's block hash at a number, empty if the chain is not that long
     */
    public static Optional<Fork> find(List<RecentBlock> newestFirst, LongFunction<Optional<Hash>> canonical) {
        for (int i = 0; i < newestFirst.size(); i++) {
            RecentBlock block = newestFirst.get(i);
            Optional<Hash> onChain = canonical.apply(block.number());
            if (onChain.isPresent() && onChain.get().equals(block.block().hash())) {
                return Optional.of(new Fork(block, List.copyOf(newestFirst.subList(0, i))));
            }
        }
        return Optional.empty();
    }
}
