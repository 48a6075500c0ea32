package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedFetchesTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final StopSignal stop = new StopSignal(EngineClock.SYSTEM);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void deliversInSubmissionOrderWhateverOrderFetchesFinishIn() throws Exception {
        OrderedFetches<Integer> window = new OrderedFetches<>(executor, 3, stop, value -> 0, Long.MAX_VALUE);
        List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        List<Integer> finished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            window.submit(() -> {
                release.get(index).await();
                synchronized (finished) {
                    finished.add(index);
                }
                return index;
            });
        }
        release.get(2).countDown();
        awaitFinished(finished, 1);
        release.get(1).countDown();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(window::next);
        awaitFinished(finished, 2);
        assertFalse(first.isDone(), "the first fetch has not finished, so nothing is delivered");
        release.get(0).countDown();
        assertEquals(0, first.get(10, TimeUnit.SECONDS));
        assertEquals(1, window.next());
        assertEquals(2, window.next());
        assertEquals(List.of(2, 1, 0), finished);
        assertTrue(window.isEmpty());
    }

    private static void awaitFinished(List<Integer> finished, int count) throws InterruptedException {
        while (true) {
            synchronized (finished) {
                if (finished.size() == count) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }

    @Test
    void keepsEveryThreadFetchingWhileFinishedFetchesWaitForTheOldest() throws Exception {
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        try {
            OrderedFetches<Integer> window = new OrderedFetches<>(twoThreads, 4, stop, value -> 0, Long.MAX_VALUE);
            CountDownLatch releaseOldest = new CountDownLatch(1);
            List<Integer> finished = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int index = i;
                window.submit(() -> {
                    if (index == 0) {
                        releaseOldest.await();
                    }
                    synchronized (finished) {
                        finished.add(index);
                    }
                    return index;
                });
            }
            awaitFinished(finished, 3);
            assertEquals(
                    List.of(1, 2, 3), finished, "the second thread ran every later fetch while the oldest was pending");
            releaseOldest.countDown();
            for (int i = 0; i < 4; i++) {
                assertEquals(i, window.next());
            }
        } finally {
            twoThreads.shutdownNow();
        }
    }

    @Test
    void holdsAtMostItsCapacity() {
        OrderedFetches<Integer> window = new OrderedFetches<>(executor, 2, stop, value -> 0, Long.MAX_VALUE);
        window.submit(() -> 1);
        window.submit(() -> 2);
        assertFalse(window.hasRoom());
        assertThrows(IllegalStateException.class, () -> window.submit(() -> 3));
        assertEquals(1, window.next());
        assertTrue(window.hasRoom());
    }

    @Test
    void aFailureSurfacesInItsTurn() {
        OrderedFetches<Integer> window = new OrderedFetches<>(executor, 2, stop, value -> 0, Long.MAX_VALUE);
        IllegalStateException failure = new IllegalStateException("range failed");
        window.submit(() -> 1);
        window.submit(() -> {
            throw failure;
        });
        assertEquals(1, window.next());
        assertSame(failure, assertThrows(IllegalStateException.class, window::next));
    }

    @Test
    void theStopSignalEndsAWait() {
        OrderedFetches<Integer> window = new OrderedFetches<>(executor, 1, stop, value -> 0, Long.MAX_VALUE);
        CountDownLatch never = new CountDownLatch(1);
        window.submit(() -> {
            never.await();
            return 1;
        });
        stop.stop();
        assertThrows(StreamStopping.class, window::next);
        window.cancelAll();
        assertTrue(window.isEmpty());
    }

    @Test
    void submitsNoMoreWhileTheFinishedFetchesWeighTheirBudget() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            OrderedFetches<Integer> window = new OrderedFetches<>(executor, 10, stop, value -> value, 100);
            window.submit(() -> 60);
            window.submit(() -> 50);
            executor.submit(() -> {}).get();
            assertFalse(window.hasRoom(), "two finished fetches weigh 110 of 100 bytes");
            assertEquals(60, window.next());
            assertTrue(window.hasRoom(), "one finished fetch weighs 50");
        } finally {
            executor.shutdownNow();
        }
    }
}
