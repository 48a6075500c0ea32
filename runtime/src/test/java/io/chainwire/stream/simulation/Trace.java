package io.chainwire.stream.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What happened in a simulation, for a violation's message and for checking that a seed replays exactly: the last
 * entries in full (node requests and answers, deliveries, commits, chain and fault events), each stamped with virtual
 * time, and a digest and count of every entry ever made.
 */
public final class Trace {
    private final int keep;
    private final LongSupplier clock;
    private final ArrayDeque<String> last;
    private long count;
    private long digest = 1125899906842597L;

    /** Creates a trace keeping the last {@code keep} entries, stamped by {@code nanoClock}. */
    public Trace(int keep, LongSupplier nanoClock) {
        this.keep = keep;
        this.clock = nanoClock;
        this.last = new ArrayDeque<>(keep);
    }

    /** Records one entry. */
    public synchronized void add(String entry) {
        long nanos = clock.getAsLong();
        String stamped = String.format("%9.3fs %s", nanos / 1e9, entry);
        for (int i = 0; i < stamped.length(); i++) {
            digest = 31 * digest + stamped.charAt(i);
        }
        digest = 31 * digest + '\n';
        count++;
        if (last.size() == keep) {
            last.removeFirst();
        }
        last.addLast(stamped);
    }

    /** Returns how many entries were recorded. */
    public synchronized long count() {
        return count;
    }

    /** Returns a digest of every entry, in order: equal for two runs that did the same. */
    public synchronized long digest() {
        return digest;
    }

    /** Returns the last {@code n} entries, oldest first. */
    public synchronized List<String> last(int n) {
        List<String> all = new ArrayList<>(last);
        return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
    }
}
