package io.chainwire.stream.chaos;

import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import java.net.URI;
import java.time.Duration;

/**
 * Streams as the chaos tests run them: Hello's messages into a {@link Ledger} in a SQLite file, in transactional mode,
 * with short timeouts and backoffs so that faults cost little time.
 */
final class ChaosStreams {
    /** Shorter than every stall the tests inject. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration STANDBY_WAIT = Duration.ofMinutes(1);

    private ChaosStreams() {}

    /**
     * Returns a builder for a stream of {@code chain}'s messages, from block 0, into the ledger in the database of
     * {@code store} (see {@link Ledger#create}).
     */
    static EventStream.Builder builder(HelloChain chain, CheckpointStore store, URI... endpoints) {
        return builder(chain, store, new Ledger(HelloChain.MESSAGE_SENT), endpoints);
    }

    /**
     * Returns a builder as {@link #builder(HelloChain, CheckpointStore, URI...)} does, with {@code ledger} as its
     * handler.
     */
    static EventStream.Builder builder(HelloChain chain, CheckpointStore store, Ledger ledger, URI... endpoints) {
        EventStream.Builder builder = EventStream.builder()
                .id("chaos")
                .address(chain.hello())
                .fromBlock(0)
                .checkpointStore(store)
                .handler(ledger)
                .requestTimeout(REQUEST_TIMEOUT)
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(250))
                .pollInterval(Duration.ofMillis(100))
                .headTimeout(Duration.ofSeconds(2));
        for (URI endpoint : endpoints) {
            builder.endpoint(RpcEndpoint.of(endpoint));
        }
        return builder;
    }

    /**
     * Waits until {@code handle} stands by, in role and state, failing if the stream ends first or does not stand by
     * within a minute.
     */
    static void awaitStandingBy(StreamHandle handle) throws InterruptedException {
        long deadline = System.nanoTime() + STANDBY_WAIT.toNanos();
        while (handle.role() != StreamRole.STANDBY || handle.state() != StreamState.STANDBY) {
            if (handle.state().isTerminal()) {
                fail(
                        "the stream ended (" + handle.state() + ") instead of standing by",
                        handle.failure().orElse(null));
            }
            if (System.nanoTime() > deadline) {
                fail("the stream did not stand by within " + STANDBY_WAIT + ": " + handle.role() + ", "
                        + handle.state());
            }
            Thread.sleep(10);
        }
    }
}
