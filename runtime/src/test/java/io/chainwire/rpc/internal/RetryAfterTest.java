package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("000120", NOW));
    }

    @Test
    void readsHugeDelaysWithoutOverflow() {
        Duration decades = RetryAfter.parse("999999999", NOW);

        assertEquals(Duration.ofSeconds(999_999_999), decades);
        assertEquals(999_999_999_000L, decades.toMillis());
        assertEquals(RetryAfter.MAX, RetryAfter.parse("99999999999999999999999999999", NOW));
        assertEquals(RetryAfter.MAX, RetryAfter.parse(Long.toString(Long.MAX_VALUE), NOW));
        assertEquals(Long.MAX_VALUE / 1_000_000_000L * 1_000_000_000L, RetryAfter.MAX.toNanos());
    }

    @Test
    void readsAnHttpDateRelativeToNowInEachOfItsForms() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Fri, 27 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Friday, 27-Nov-26 10:01:30 GMT", NOW));
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Fri Nov 27 10:01:30 2026", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", NOW));
    }

    @Test
    void capsADateFarInTheFuture() {
        assertEquals(RetryAfter.MAX, RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW));
    }

    @Test
    void ignoresAnAbsentValue() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("  ", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "1.5", "+3", "3 s", "0x10", "Fri, 32 Nov 2026 10:01:30 GMT", "٣"})
    void ignoresGarbage(String header) {
        assertNull(RetryAfter.parse(header, NOW));
    }
}
