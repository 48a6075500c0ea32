package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.checkpoint.BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRingTest {
    static RecentBlock block(long number) {
        return RecentBlock.handled(new BlockRef(number, hash(number, 'a'), hash(number - 1, 'a')), List.of());
    }

    static Hash hash(long number, char branch) {
        return Hash.keccak256(branch + ":" + number);
    }

    private static List<Long> numbers(List<RecentBlock> blocks) {
        return blocks.stream().map(RecentBlock::number).toList();
    }

    @Test
    void keepsTheBlocksWithinItsWindowOfNumbers() {
        BlockRing ring = new BlockRing(3);
        for (long number = 10; number <= 14; number++) {
            ring.add(block(number));
        }
        assertEquals(List.of(14L, 13L, 12L), numbers(ring.newestFirst()));
        ring.add(block(20));
        assertEquals(List.of(20L), numbers(ring.newestFirst()));
    }

    @Test
    void keepsSparseBlocksByNumberNotByCount() {
        BlockRing ring = new BlockRing(100);
        ring.add(block(1));
        ring.add(block(50));
        ring.add(block(100));
        assertEquals(List.of(100L, 50L, 1L), numbers(ring.newestFirst()));
        ring.add(block(101));
        assertEquals(List.of(101L, 100L, 50L), numbers(ring.newestFirst()));
    }

    @Test
    void removesTheBlocksAboveAForkPointHighestFirst() {
        BlockRing ring = new BlockRing(10);
        for (long number = 1; number <= 5; number++) {
            ring.add(block(number));
        }
        assertEquals(List.of(5L, 4L), numbers(ring.removeAbove(3)));
        assertEquals(3, ring.tip().orElseThrow().number());
        ring.add(block(4));
        assertEquals(4, ring.tip().orElseThrow().number());
    }

    @Test
    void refusesABlockThatIsNotAboveTheTip() {
        BlockRing ring = new BlockRing(10);
        ring.add(block(5));
        assertThrows(IllegalArgumentException.class, () -> ring.add(block(5)));
        assertThrows(IllegalArgumentException.class, () -> ring.add(block(4)));
        assertTrue(ring.tip().isPresent());
    }
}
