package io.chainwire.stream.chaos;

import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Faults a test arms for a later write of a {@link Ledger}: the fault runs once, on the stream's thread, inside the
 * unit of work, just before the chosen write.
 */
final class LedgerFaults implements BiConsumer<RawLog, EventContext> {
    private final AtomicInteger writes = new AtomicInteger();
    private volatile int at = -1;
    private volatile Runnable fault;

    /** Runs {@code fault} before the {@code nth} write from now (1 for the next one). */
    synchronized void arm(int nth, Runnable fault) {
        this.fault = fault;
        this.at = writes.get() + nth;
    }

    @Override
    public synchronized void accept(RawLog log, EventContext context) {
        if (writes.incrementAndGet() == at) {
            fault.run();
        }
    }
}
