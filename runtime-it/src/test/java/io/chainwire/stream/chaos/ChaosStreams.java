package io.chainwire.stream.chaos;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import java.net.URI;
import java.time.Duration;

/**
 * Streams as the chaos tests run them: Hello's messages into a {@link Ledger} in a SQLite file, in
 * transactional mode, with short timeouts and backoffs so that faults cost little time.
 */
final class ChaosStreams {
  /** Shorter than every stall the tests inject. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

  private ChaosStreams() {}

  /**
   * Returns a builder for a stream of {@code chain}'s messages, from block 0, into the ledger in
   * the database of {@code store} (see {@link Ledger#create}).
   */
  static EventStream.Builder builder(HelloChain chain, CheckpointStore store, URI... endpoints) {
    EventStream.Builder builder = EventStream.builder()
        .id("chaos")
        .address(chain.hello())
        .fromBlock(0)
        .checkpointStore(store)
        .handler(new Ledger(HelloChain.MESSAGE_SENT))
        .requestTimeout(REQUEST_TIMEOUT)
        .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(250))
        .pollInterval(Duration.ofMillis(100))
        .headTimeout(Duration.ofSeconds(2));
    for (URI endpoint : endpoints) {
      builder.endpoint(RpcEndpoint.of(endpoint));
    }
    return builder;
  }
}
