package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeSizerTest {
    @Test
    void startsAtTheMaximum() {
        assertEquals(2000, new RangeSizer(2000).current());
    }

    @Test
    void halvesOnEachRefusalDownToOneBlock() {
        RangeSizer sizer = new RangeSizer(10);
        assertEquals(5, sizer.refused(10));
        assertEquals(2, sizer.refused(5));
        assertEquals(1, sizer.refused(2));
        assertEquals(1, sizer.refused(1));
    }

    @Test
    void aRefusalOfANarrowerRangeHalvesThatRange() {
        RangeSizer sizer = new RangeSizer(1000);
        assertEquals(50, sizer.refused(100));
    }

    @Test
    void aStaleRefusalOfAWiderRangeChangesNothing() {
        RangeSizer sizer = new RangeSizer(1000);
        assertEquals(500, sizer.refused(1000));
        // Three more requests of 1000 blocks were in flight when the first was refused.
        for (int i = 0; i < 3; i++) {
            assertEquals(500, sizer.refused(1000));
        }
    }

    @Test
    void doublesWhileNoRefusalIsKnownAndGrowsHalfwayTowardsTheNarrowestRefusal() {
        RangeSizer sizer = new RangeSizer(1000);
        sizer.refused(1000);
        assertEquals(250, sizer.refused(500));
        assertEquals(375, succeedStreak(sizer, 250));
        assertEquals(437, succeedStreak(sizer, 375));
        assertEquals(468, succeedStreak(sizer, 437));
        // A success at the refused span shows that the refusal no longer holds: growth doubles again.
        sizer.succeeded(500);
        assertEquals(936, succeedStreak(sizer, 468));
        assertEquals(1000, succeedStreak(sizer, 936));
        assertEquals(1000, succeedStreak(sizer, 1000));
    }

    @Test
    void fallsBackToTheWidestSpanThatWorkedAndHalvesWhenThatIsRefusedToo() {
        RangeSizer sizer = new RangeSizer(100);
        assertEquals(50, sizer.refused(100));
        assertEquals(75, succeedStreak(sizer, 50));
        assertEquals(50, sizer.refused(75));
        // The provider tightens below what worked: nothing known works, so halve.
        assertEquals(25, sizer.refused(50));
    }

    @Test
    void findsAFixedProviderLimitAndHoldsItWithRareRefusals() {
        RangeSizer sizer = new RangeSizer(40);
        int refusals = 0;
        long blocks = 0;
        for (int request = 0; request < 1000; request++) {
            long span = sizer.current();
            if (span > 10) {
                sizer.refused(span);
                refusals++;
            } else {
                sizer.succeeded(span);
                blocks += span;
            }
        }
        assertEquals(10, sizer.current());
        // Five refusals to find the limit, then four per probe after 32 streaks of 8 at the limit.
        assertTrue(refusals <= 20, refusals + " refusals");
        assertTrue(blocks >= 9_500, blocks + " blocks in " + (1000 - refusals) + " successful requests");
    }

    @Test
    void probesUpwardsAgainAfterALongRunAtTheEdgeAndRegrowsOnceTheLimitIsGone() {
        RangeSizer sizer = new RangeSizer(40);
        sizer.refused(40);
        sizer.refused(20);
        assertEquals(15, succeedStreak(sizer, 10));
        assertEquals(10, sizer.refused(15));
        assertEquals(12, succeedStreak(sizer, 10));
        assertEquals(10, sizer.refused(12));
        assertEquals(11, succeedStreak(sizer, 10));
        assertEquals(10, sizer.refused(11));
        // At the edge: 10 works, 11 was refused. It holds 10 for a while, then probes by doubling.
        for (int i = 1; i < RangeSizer.PROBE_AFTER_STREAKS; i++) {
            assertEquals(10, succeedStreak(sizer, 10));
        }
        assertEquals(20, succeedStreak(sizer, 10));
        // The limit is gone: the probe works and the size doubles up to the maximum.
        assertEquals(40, succeedStreak(sizer, 20));
    }

    /** Reports a streak of successes at {@code span} and returns the size after it. */
    private static long succeedStreak(RangeSizer sizer, long span) {
        long size = sizer.current();
        for (int i = 0; i < RangeSizer.GROWTH_STREAK; i++) {
            size = sizer.succeeded(span);
        }
        return size;
    }

    @Test
    void shortRangesAndRefusalsResetTheStreak() {
        RangeSizer sizer = new RangeSizer(100);
        sizer.refused(100);
        for (int i = 0; i < 3 * RangeSizer.GROWTH_STREAK; i++) {
            sizer.succeeded(10);
        }
        assertEquals(50, sizer.current());
        for (int i = 1; i < RangeSizer.GROWTH_STREAK; i++) {
            sizer.succeeded(50);
        }
        sizer.refused(50);
        sizer.succeeded(25);
        assertEquals(25, sizer.current());
    }

    @Test
    void rejectsAMaximumBelowOneBlock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RangeSizer(0));
        assertEquals("max range must be at least 1 block, got 0", e.getMessage());
    }
}
