package io.chainwire.benchmarks.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per block range on a fixed number of threads, in range order, as the stream's backfill keeps that many
 * ranges in flight; used by the two baselines.
 */
final class RangeFetcher {
    /** Fetches one range and returns what it counted (logs or bytes). */
    @FunctionalInterface
    interface RangeTask {
        long fetch(long fromBlock, long toBlock) throws Exception;
    }

    private RangeFetcher() {}

    /** Runs {@code task} over every range with {@code concurrency} threads and returns the sum of its counts. */
    static long sum(List<long[]> ranges, int concurrency, RangeTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> results = new ArrayList<>(ranges.size());
            for (long[] range : ranges) {
                results.add(pool.submit(() -> task.fetch(range[0], range[1])));
            }
            long sum = 0;
            for (Future<Long> result : results) {
                sum += result.get();
            }
            return sum;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }
}
