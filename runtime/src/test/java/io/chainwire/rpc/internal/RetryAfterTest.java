package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void readsDelaySeconds() {
    assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
  }

  @Test
  void readsAnHttpDateRelativeToNow() {
    assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Fri, 27 Nov 2026 10:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", NOW));
  }

  @Test
  void ignoresAbsentOrUnreadableValues() {
    assertNull(RetryAfter.parse(null, NOW));
    assertNull(RetryAfter.parse("soon", NOW));
    assertNull(RetryAfter.parse("-5", NOW));
    assertNull(RetryAfter.parse("99999999999", NOW));
  }
}
