package io.chainwire.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.TransactionReceipt;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamState;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import io.chainwire.testkit.Calldata;
import io.chainwire.testkit.Contracts;
import io.chainwire.testkit.Solidity;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stream on a real anvil node reports what it did to a Micrometer registry. */
@AnvilTest
class MicrometerStreamMetricsOnAnvilTest {
  private static final Path HELLO = Path.of("..", "samples", "hello", "src", "main", "solidity", "Hello.sol");
  private static final Hash MESSAGE_SENT = Hash.keccak256("MessageSent(address,string)");
  /** A bound against a hung stream, not a timing expectation. */
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);
  private static final int EMPTY_BLOCKS = 300;

  /** The simplest handler: counts the MessageSent events it is given. */
  private static final class MessageCounter implements EventDispatcher {
    private final AtomicInteger messages = new AtomicInteger();

    @Override
    public Set<Hash> topics() {
      return Set.of(MESSAGE_SENT);
    }

    @Override
    public boolean dispatch(RawLog log, EventContext context) {
      if (!log.topic(0).equals(MESSAGE_SENT)) {
        return false;
      }
      messages.incrementAndGet();
      return true;
    }
  }

  @Test
  void countersAndGaugesFollowTheBlocksAndEventsTheStreamHandles(Anvil anvil) throws Exception {
    Contracts contracts = new Contracts(anvil);
    Address hello = contracts.deploy(Solidity.compile(HELLO, "Hello"));
    long deployBlock = anvil.blockNumber();
    for (String message : new String[] {"gm", "hello, chain", "third"}) {
      contracts.send(hello, send(message));
    }
    anvil.mine(EMPTY_BLOCKS);
    long head = anvil.blockNumber();

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MessageCounter handler = new MessageCounter();
    EventStream stream = EventStream.builder()
        .id("hello-metrics")
        .endpoint(anvil.httpUrl().toString())
        .address(hello)
        .fromBlock(deployBlock)
        .checkpointStore(new InMemoryCheckpointStore())
        .handler(handler)
        .pollInterval(Duration.ofMillis(50))
        .metrics(new MicrometerStreamMetrics(registry, "hello-metrics"))
        .build();
    Metrics metrics = new Metrics(registry);

    StreamHandle handle = stream.start();
    try {
      assertTrue(handle.awaitLive(HANG_GUARD), "live: " + handle.state() + " " + handle.failure());
      assertEquals(3, handler.messages.get());
      assertEquals(3, metrics.count("chainwire.stream.events.delivered"));
      assertEquals(head, metrics.gauge("chainwire.stream.block.handled"));
      assertEquals(0, metrics.gauge("chainwire.stream.head.lag"));
      double scanned = metrics.count("chainwire.stream.blocks.scanned");
      assertTrue(scanned > 0 && scanned <= head - deployBlock + 1, "backfill covered " + scanned + " blocks");

      TransactionReceipt live = contracts.send(hello, send("while live"));
      awaitHandled(handle, live.blockNumber());
      assertEquals(4, handler.messages.get());
      assertEquals(4, metrics.count("chainwire.stream.events.delivered"));
      assertEquals(live.blockNumber(), metrics.gauge("chainwire.stream.block.handled"));
      assertEquals(1, metrics.state(StreamState.LIVE));
      assertEquals(0, metrics.state(StreamState.BACKFILLING));
    } finally {
      handle.close();
    }
    assertTrue(handle.awaitTermination(HANG_GUARD), "stopped: " + handle.state());
    assertEquals(1, metrics.state(StreamState.STOPPED));
    assertEquals(0, metrics.state(StreamState.LIVE));
    assertEquals(0, metrics.count("chainwire.stream.events.removed"));
    assertEquals(0, metrics.count("chainwire.stream.reorgs"));
  }

  private static Bytes send(String message) {
    return Calldata.function("send(string)").string(message).encode();
  }

  /** Waits until the stream has handled block {@code number}; the metrics are recorded before that. */
  private static void awaitHandled(StreamHandle handle, long number) throws InterruptedException {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    while (handle.lastHandledBlock().map(block -> block.number() < number).orElse(true)) {
      assertTrue(System.nanoTime() - deadline < 0 && !handle.state().isTerminal(),
          "block " + number + " not handled: " + handle.state() + " at " + handle.lastHandledBlock() + " " + handle.failure());
      Thread.sleep(20);
    }
  }

  /** Reads the meters of the stream under test. */
  private record Metrics(SimpleMeterRegistry registry) {
    private RequiredSearch meter(String name) {
      return registry.get(name).tag("stream", "hello-metrics");
    }

    double count(String name) {
      return meter(name).counter().count();
    }

    double gauge(String name) {
      return meter(name).gauge().value();
    }

    double state(StreamState state) {
      return meter("chainwire.stream.state").tag("state", state.name()).gauge().value();
    }
  }
}
