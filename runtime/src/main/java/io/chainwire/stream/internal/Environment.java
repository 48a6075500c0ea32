package io.chainwire.stream.internal;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * What a stream's engine takes from outside itself: its clock, its connections to nodes, the randomness of its backoff
 * jitter, and the threads that fetch backfill ranges. {@link #network()} is a running stream's; a simulation drives the
 * engine deterministically through its own (a virtual clock, a chain in memory, a seeded generator, fetches on the
 * delivery thread).
 *
 * @param clock the clock every wait and timestamp uses
 * @param connector opens the clients and head subscriptions
 * @param random the source of jitter
 * @param fetchers creates the executor of range fetches for a stream id and a thread count
 */
public record Environment(
        EngineClock clock,
        NodeConnector connector,
        RandomGenerator random,
        BiFunction<String, Integer, ExecutorService> fetchers) {

    /** Checks that nothing is missing. */
    public Environment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(fetchers, "fetchers");
    }

    /** Returns a running stream's environment: system clock, real nodes, fetch threads. */
    public static Environment network() {
        return new Environment(EngineClock.SYSTEM, NetworkConnector.INSTANCE, new Random(), Environment::fetchThreads);
    }

    private static ExecutorService fetchThreads(String stream, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread fetcher = new Thread(task, "chainwire-fetch-" + stream + "-" + count.incrementAndGet());
            fetcher.setDaemon(true);
            return fetcher;
        });
    }
}
