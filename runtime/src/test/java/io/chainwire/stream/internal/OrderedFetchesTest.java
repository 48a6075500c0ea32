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
  private final StopSignal stop = new StopSignal();

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
  }

  @Test
  void deliversInSubmissionOrderWhateverOrderFetchesFinishIn() throws Exception {
    OrderedFetches<Integer> window = new OrderedFetches<>(executor, 3, stop);
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
    release.get(1).countDown();
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(window::next);
    while (true) {
      synchronized (finished) {
        if (finished.size() == 2) {
          break;
        }
      }
      Thread.sleep(5);
    }
    assertFalse(first.isDone(), "the first fetch has not finished, so nothing is delivered");
    release.get(0).countDown();
    assertEquals(0, first.get(10, TimeUnit.SECONDS));
    assertEquals(1, window.next());
    assertEquals(2, window.next());
    assertEquals(List.of(2, 1, 0), finished);
    assertTrue(window.isEmpty());
  }

  @Test
  void holdsAtMostItsCapacity() {
    OrderedFetches<Integer> window = new OrderedFetches<>(executor, 2, stop);
    window.submit(() -> 1);
    window.submit(() -> 2);
    assertFalse(window.hasRoom());
    assertThrows(IllegalStateException.class, () -> window.submit(() -> 3));
    assertEquals(1, window.next());
    assertTrue(window.hasRoom());
  }

  @Test
  void aFailureSurfacesInItsTurn() {
    OrderedFetches<Integer> window = new OrderedFetches<>(executor, 2, stop);
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
    OrderedFetches<Integer> window = new OrderedFetches<>(executor, 1, stop);
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
}
