package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.EventKey;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@AnvilTest
class ReorgOnAnvilTest {
  private static final Comparator<Recorder.Delivery> CHAIN_ORDER =
      Comparator.comparingLong(Recorder.Delivery::block).thenComparingInt(Recorder.Delivery::logIndex);

  @ParameterizedTest
  @CsvSource({"1, http", "2, http", "3, http", "4, http", "5, http", "1, ws", "2, ws", "3, ws", "4, ws", "5, ws"})
  void deliversTheRemovalsInReverseOrderThenTheNewBranch(int depth, String transport, Anvil anvil) {
    EmitterChain chain = EmitterChain.deploy(anvil);
    Recorder recorder = new Recorder();
    CountingMetrics metrics = new CountingMetrics();

    try (StreamHandle handle = LiveOnAnvilTest.endpoints(chain.stream("reorg-" + depth + "-" + transport), anvil, transport)
        .checkpointStore(new InMemoryCheckpointStore()).handler(recorder).metrics(metrics).build().start()) {
      Waits.live(handle);
      for (int round = 0; round < 6; round++) {
        chain.ping(round, 3);
      }
      long head = anvil.blockNumber();
      Waits.handled(handle, head);
      List<Recorder.Delivery> before = recorder.deliveries();

      chain.reorg(depth, 100, 2);
      List<EventKey> canonical = Recorder.keys(chain.canonicalPings());
      Waits.until(() -> recorder.applied().equals(canonical), () -> "applied " + recorder.applied() + " vs " + canonical);

      List<Recorder.Delivery> after = recorder.deliveries().subList(before.size(), recorder.count());
      List<Recorder.Delivery> orphaned = before.stream().filter(delivery -> delivery.block() > head - depth).toList();
      List<Recorder.Delivery> removals = after.subList(0, orphaned.size());
      List<Recorder.Delivery> expectedRemovals = new ArrayList<>();
      for (int i = orphaned.size() - 1; i >= 0; i--) {
        Recorder.Delivery delivery = orphaned.get(i);
        expectedRemovals.add(new Recorder.Delivery(delivery.key(), delivery.block(), delivery.logIndex(), true));
      }
      assertEquals(expectedRemovals, removals);
      List<Recorder.Delivery> replay = after.subList(orphaned.size(), after.size());
      assertFalse(replay.stream().anyMatch(Recorder.Delivery::removed));
      assertEquals(replay.stream().sorted(CHAIN_ORDER).toList(), replay);
      assertEquals(depth * 2, replay.size());
      assertEquals(1, metrics.count("reorg"));
    }
  }

  @Test
  void confirmationsKeepAShallowReorgAwayFromTheHandlers(Anvil anvil) {
    EmitterChain chain = EmitterChain.deploy(anvil);
    Recorder recorder = new Recorder();

    try (StreamHandle handle = chain.stream("reorg-confirmed").endpoint(anvil.httpUrl().toString()).confirmations(3)
        .checkpointStore(new InMemoryCheckpointStore()).handler(recorder).build().start()) {
      Waits.live(handle);
      for (int round = 0; round < 6; round++) {
        chain.ping(round, 3);
      }
      chain.reorg(2, 100, 2);
      anvil.mine(3);
      Waits.handled(handle, anvil.blockNumber() - 3);
      chain.anvil().mine(3);
      Waits.handled(handle, anvil.blockNumber() - 3);
    }
    recorder.assertExactlyOnceInOrder(chain.canonicalPings());
  }

  /**
   * After a restart the stream no longer has the delivered logs of the blocks it handled before;
   * it asks the node for the orphaned blocks by hash, and anvil forgets them, so no removals can be
   * delivered. The stream still rolls back to the fork point and delivers the new branch once.
   */
  @Test
  void rollsBackBlocksHandledBeforeARestartAndDeliversTheNewBranchOnce(Anvil anvil, @TempDir Path directory) {
    EmitterChain chain = EmitterChain.deploy(anvil);
    Recorder recorder = new Recorder();
    Path file = directory.resolve("restart.db");
    try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
        StreamHandle handle = chain.stream("reorg-restart").endpoint(anvil.httpUrl().toString())
            .checkpointStore(store).handler(recorder).build().start()) {
      Waits.live(handle);
      for (int round = 0; round < 4; round++) {
        chain.ping(round, 3);
      }
      Waits.handled(handle, anvil.blockNumber());
    }
    List<EventKey> beforeRestart = Recorder.keys(chain.canonicalPings());

    chain.reorg(3, 100, 2);
    List<EventKey> canonical = Recorder.keys(chain.canonicalPings());
    long head = anvil.blockNumber();
    try (CheckpointStore store = SqliteCheckpointStore.builder(file).build();
        StreamHandle handle = chain.stream("reorg-restart").endpoint(anvil.httpUrl().toString())
            .checkpointStore(store).handler(recorder).build().start()) {
      Waits.until(() -> recorder.deliveries().stream().map(Recorder.Delivery::key).toList().containsAll(canonical),
          () -> "delivered " + recorder.deliveries() + ", canonical " + canonical);
      Waits.handled(handle, head);
      assertEquals(anvil.blockHash(head), handle.lastHandledBlock().orElseThrow().hash());
    }
    List<EventKey> delivered = recorder.deliveries().stream().filter(delivery -> !delivery.removed())
        .map(Recorder.Delivery::key).toList();
    List<EventKey> orphaned = beforeRestart.stream().filter(key -> !canonical.contains(key)).toList();
    List<EventKey> expected = new ArrayList<>(beforeRestart);
    canonical.stream().filter(key -> !beforeRestart.contains(key)).forEach(expected::add);
    assertEquals(expected, delivered);
    assertTrue(recorder.deliveries().stream().filter(Recorder.Delivery::removed)
        .allMatch(removal -> orphaned.contains(removal.key())));
  }

  @Test
  void haltsRatherThanRollBackBelowTheFinalizedBlock(Anvil anvil) {
    EmitterChain chain = EmitterChain.deploy(anvil);
    Recorder recorder = new Recorder();

    try (StreamHandle handle = chain.stream("reorg-finalized").endpoint(anvil.httpUrl().toString())
        .checkpointStore(new InMemoryCheckpointStore()).handler(recorder).build().start()) {
      Waits.live(handle);
      for (int round = 0; round < 70; round++) {
        chain.ping(round, 1);
      }
      Waits.handled(handle, anvil.blockNumber());
      int delivered = recorder.count();

      chain.reorg(70, 100, 1);
      Waits.until(() -> handle.state().isTerminal(), () -> "stream " + handle.state());
      assertEquals(StreamState.FAILED, handle.state());
      ReorgBelowFinalizedException failure =
          assertInstanceOf(ReorgBelowFinalizedException.class, handle.failure().orElseThrow());
      assertTrue(failure.orphanedBlock() <= failure.finalizedBlock(), failure.getMessage());
      assertEquals(delivered, recorder.count(), "nothing removed");
    }
  }

  @Test
  void failsWhenTheChainReorganisesBelowEveryRememberedBlock(Anvil anvil) {
    EmitterChain chain = EmitterChain.deploy(anvil);
    Recorder recorder = new Recorder();

    try (StreamHandle handle = chain.stream("reorg-deep").endpoint(anvil.httpUrl().toString())
        .checkpointStore(new InMemoryCheckpointStore(4)).handler(recorder).build().start()) {
      Waits.live(handle);
      for (int round = 0; round < 6; round++) {
        chain.ping(round, 1);
      }
      Waits.handled(handle, anvil.blockNumber());

      chain.reorg(6, 100, 1);
      Waits.until(() -> handle.state().isTerminal(), () -> "stream " + handle.state());
      assertInstanceOf(ReorgTooDeepException.class, handle.failure().orElseThrow());
    }
  }
}
