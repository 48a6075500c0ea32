package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void aStaleRefusalOfAWiderRangeDoesNotGrowTheSize() {
    RangeSizer sizer = new RangeSizer(1000);
    sizer.refused(1000);
    assertEquals(250, sizer.refused(1000));
  }

  @Test
  void doublesAfterAStreakOfSuccessesAtTheCurrentSizeUpToTheMaximum() {
    RangeSizer sizer = new RangeSizer(1000);
    sizer.refused(1000);
    sizer.refused(500);
    assertEquals(250, sizer.current());
    for (int i = 1; i < RangeSizer.GROWTH_STREAK; i++) {
      assertEquals(250, sizer.succeeded(250));
    }
    assertEquals(500, sizer.succeeded(250));
    for (int i = 1; i < RangeSizer.GROWTH_STREAK; i++) {
      sizer.succeeded(500);
    }
    assertEquals(1000, sizer.succeeded(500));
    for (int i = 0; i < 3 * RangeSizer.GROWTH_STREAK; i++) {
      sizer.succeeded(1000);
    }
    assertEquals(1000, sizer.current());
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
