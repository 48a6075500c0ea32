package io.chainwire.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Stream metrics that count each kind of report, and remember the smallest range size reported. */
final class CountingMetrics implements StreamMetrics {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong smallestRange = new AtomicLong(Long.MAX_VALUE);

    long count(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    long smallestRange() {
        return smallestRange.get();
    }

    private void add(String name, long amount) {
        counts.computeIfAbsent(name, key -> new AtomicLong()).addAndGet(amount);
    }

    @Override
    public void eventsDelivered(int count) {
        add("eventsDelivered", count);
    }

    @Override
    public void eventsRemoved(int count) {
        add("eventsRemoved", count);
    }

    @Override
    public void blocksScanned(long count) {
        add("blocksScanned", count);
    }

    @Override
    public void reorg(int depth) {
        add("reorg", 1);
    }

    @Override
    public void rpcRetry(String endpoint) {
        add("rpcRetry", 1);
    }

    @Override
    public void failover(String from, String to) {
        add("failover", 1);
    }

    @Override
    public void rangeSize(String endpoint, long blocks) {
        smallestRange.accumulateAndGet(blocks, Math::min);
        add("rangeSize", 1);
    }

    @Override
    public void subscribed(String endpoint) {
        add("subscribed", 1);
    }

    @Override
    public void handlerRetry(String handler) {
        add("handlerRetry", 1);
    }

    @Override
    public void eventSkipped(String handler) {
        add("eventSkipped", 1);
    }

    @Override
    public void deadLetter(String handler) {
        add("deadLetter", 1);
    }
}
