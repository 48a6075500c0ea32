package io.chainwire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rules, faults and proxy options reject what would make no sense, saying what and why. */
class FaultRuleTest {
    @Test
    void rejectsPositionsBelowOneAndEmptyPositionLists() {
        assertEquals(
                "positions are 1-based, got 0",
                assertThrows(IllegalArgumentException.class, () -> FaultRule.at(Fault.reset(), 3, 0))
                        .getMessage());
        assertEquals(
                "at least one position is needed",
                assertThrows(IllegalArgumentException.class, () -> FaultRule.at(Fault.reset()))
                        .getMessage());
    }

    @Test
    void rejectsProbabilitiesOutsideZeroToOneAndLimitsBelowOne() {
        assertEquals(
                "probability must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> FaultRule.random(Fault.drop(), 0, 1))
                        .getMessage());
        assertEquals(
                "probability must be in (0, 1], got NaN",
                assertThrows(IllegalArgumentException.class, () -> FaultRule.random(Fault.drop(), Double.NaN, 1))
                        .getMessage());
        assertEquals(
                "limit must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> FaultRule.random(Fault.drop(), 0.5, 0))
                        .getMessage());
    }

    @Test
    void rejectsAChannelTheFaultDoesNotApplyTo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FaultRule.at(Fault.status(503), 1).channel(FaultProxy.Channel.WEBSOCKET));
        assertEquals("HttpStatus[code=503] does not apply to WEBSOCKET; it applies to [HTTP]", e.getMessage());
    }

    @Test
    void rejectsFaultsThatCannotBeInjected() {
        assertEquals(
                "status must be an HTTP error status (400 to 599), got 200",
                assertThrows(IllegalArgumentException.class, () -> Fault.status(200))
                        .getMessage());
        assertEquals(
                "delay must be positive, got PT0S",
                assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ZERO))
                        .getMessage());
        assertEquals(
                "retryAfter must not be negative, got PT-1S",
                assertThrows(IllegalArgumentException.class, () -> Fault.tooManyRequests(Duration.ofSeconds(-1)))
                        .getMessage());
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertEquals(0, ((Fault.TooManyRequests) Fault.tooManyRequests(Duration.ZERO)).retryAfterSeconds());
        assertEquals(1, ((Fault.TooManyRequests) Fault.tooManyRequests(Duration.ofMillis(1))).retryAfterSeconds());
        assertEquals(3, ((Fault.TooManyRequests) Fault.tooManyRequests(Duration.ofSeconds(3))).retryAfterSeconds());
    }

    @Test
    void rejectsUpstreamsThatAreNotPlainHttpAndRangeLimitsBelowOne() {
        assertEquals(
                "upstream must be an http:// URL with a host, got ws://127.0.0.1:8545",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FaultProxy.builder(URI.create("ws://127.0.0.1:8545")))
                        .getMessage());
        assertEquals(
                "maxBlocks must be positive, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> FaultProxy.builder(URI.create("http://127.0.0.1:8545"))
                                        .rangeLimit(0))
                        .getMessage());
    }

    @Test
    void describesItselfForFailureMessages() {
        assertEquals(
                "FaultRule[Drop[] random(p=0.25, at most 2) on [eth_getLogs] via [HTTP, WEBSOCKET]]",
                FaultRule.random(Fault.drop(), 0.25, 2).methods("eth_getLogs").toString());
    }
}
