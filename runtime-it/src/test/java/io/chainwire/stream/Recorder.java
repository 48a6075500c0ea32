package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.EventKey;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A handler that records every delivery of a Ping event: its key, position and whether it was a removal. A test can
 * make it fail on chosen events.
 */
final class Recorder implements EventDispatcher {
    /** One call of the handler. */
    record Delivery(EventKey key, long block, int logIndex, boolean removed) {}

    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile BiConsumer<RawLog, EventContext> before = (log, context) -> {};

    /** Runs {@code action} before each delivery is recorded; it may throw to fail the call. */
    Recorder before(BiConsumer<RawLog, EventContext> action) {
        this.before = action;
        return this;
    }

    @Override
    public Set<Hash> topics() {
        return Set.of(EmitterChain.PING);
    }

    @Override
    public boolean dispatch(RawLog log, EventContext context) {
        if (!log.topic(0).equals(EmitterChain.PING)) {
            return false;
        }
        before.accept(log, context);
        synchronized (this) {
            deliveries.add(new Delivery(
                    context.key(), log.meta().blockNumber(), log.meta().logIndex(), context.removed()));
        }
        return true;
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized int count() {
        return deliveries.size();
    }

    /**
     * Returns the events in effect: each delivery adds its key, each removal takes it away again; fails if a key is
     * added twice or removed without being there.
     */
    synchronized List<EventKey> applied() {
        Set<EventKey> applied = new LinkedHashSet<>();
        for (Delivery delivery : deliveries) {
            if (delivery.removed()) {
                assertTrue(applied.remove(delivery.key()), "removal of an event not in effect: " + delivery);
            } else {
                assertTrue(applied.add(delivery.key()), "event delivered twice: " + delivery);
            }
        }
        return new ArrayList<>(applied);
    }

    /** Asserts that the deliveries are exactly {@code expected}, once each, in chain order, none removed. */
    void assertExactlyOnceInOrder(List<RawLog> expected) {
        List<Delivery> seen = deliveries();
        assertFalse(seen.stream().anyMatch(Delivery::removed), "no removals expected");
        assertEquals(keys(expected), seen.stream().map(Delivery::key).toList());
    }

    static List<EventKey> keys(List<RawLog> logs) {
        return logs.stream().map(log -> log.meta().eventKey()).toList();
    }
}
