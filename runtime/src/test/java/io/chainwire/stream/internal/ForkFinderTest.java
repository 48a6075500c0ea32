package io.chainwire.stream.internal;

import static io.chainwire.stream.internal.BlockRingTest.hash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.BlockRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Walk-backs over a fake chain: branch 'a' up to a fork, branch 'b' above it. */
class ForkFinderTest {
    private static RecentBlock onA(long number) {
        return RecentBlock.handled(new BlockRef(number, hash(number, 'a'), hash(number - 1, 'a')), List.of());
    }

    /** The chain after a reorganisation: branch 'a' up to {@code fork}, branch 'b' up to {@code head}. */
    private static LongFunction<Optional<Hash>> chain(long fork, long head) {
        Map<Long, Hash> hashes = new HashMap<>();
        for (long number = 0; number <= head; number++) {
            hashes.put(number, hash(number, number <= fork ? 'a' : 'b'));
        }
        return number -> Optional.ofNullable(hashes.get(number));
    }

    /** Returns the blocks handled on branch 'a', highest first. */
    private static List<RecentBlock> handledUpTo(long... numbers) {
        List<RecentBlock> blocks = new ArrayList<>();
        for (int i = numbers.length - 1; i >= 0; i--) {
            blocks.add(onA(numbers[i]));
        }
        return blocks;
    }

    @Test
    void findsTheHighestHandledBlockStillOnTheChain() {
        ForkFinder.Fork fork =
                ForkFinder.find(handledUpTo(1, 2, 3, 4, 5, 6), chain(3, 8)).orElseThrow();
        assertEquals(3, fork.forkPoint().number());
        assertEquals(
                List.of(6L, 5L, 4L),
                fork.orphaned().stream().map(RecentBlock::number).toList());
        assertEquals(3, fork.depth());
    }

    @Test
    void findsNoOrphansWhenTheTipIsStillOnTheChain() {
        ForkFinder.Fork fork =
                ForkFinder.find(handledUpTo(1, 2, 3), chain(5, 8)).orElseThrow();
        assertEquals(3, fork.forkPoint().number());
        assertTrue(fork.orphaned().isEmpty());
        assertEquals(0, fork.depth());
    }

    @Test
    void overSparseBlocksFallsBackToTheHighestRememberedOneBelowTheFork() {
        ForkFinder.Fork fork =
                ForkFinder.find(handledUpTo(10, 40, 70, 71, 72), chain(60, 80)).orElseThrow();
        assertEquals(40, fork.forkPoint().number());
        assertEquals(
                List.of(72L, 71L, 70L),
                fork.orphaned().stream().map(RecentBlock::number).toList());
    }

    @Test
    void treatsBlocksAboveAShorterChainsHeadAsOrphaned() {
        ForkFinder.Fork fork =
                ForkFinder.find(handledUpTo(1, 2, 3, 4, 5), chain(2, 3)).orElseThrow();
        assertEquals(2, fork.forkPoint().number());
        assertEquals(3, fork.orphaned().size());
    }

    @Test
    void findsNothingWhenEveryRememberedBlockIsOrphaned() {
        assertEquals(Optional.empty(), ForkFinder.find(handledUpTo(5, 6, 7), chain(3, 9)));
    }
}
