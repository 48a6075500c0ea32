package io.chainwire.stream;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for conditions a stream reaches asynchronously; the bound is a hang guard only. */
final class Waits {
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private Waits() {}

    /** Waits until {@code condition} holds; fails with {@code state}'s description after the hang guard. */
    static void until(BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not reached within " + HANG_GUARD + ": " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** Waits until the stream has handled block {@code number}, or fails if it ended first. */
    static void handled(StreamHandle handle, long number) {
        until(
                () -> {
                    if (handle.state().isTerminal()) {
                        throw new AssertionError(
                                "stream ended: " + handle.state(),
                                handle.failure().orElse(null));
                    }
                    return handle.lastHandledBlock()
                            .map(block -> block.number() >= number)
                            .orElse(false);
                },
                () -> "stream " + handle.state() + " at " + handle.lastHandledBlock() + ", waiting for block "
                        + number);
    }

    /** Waits until the stream is live, or fails if it ended first. */
    static void live(StreamHandle handle) {
        try {
            if (!handle.awaitLive(HANG_GUARD)) {
                throw new AssertionError(
                        "stream not live: " + handle.state(), handle.failure().orElse(null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
