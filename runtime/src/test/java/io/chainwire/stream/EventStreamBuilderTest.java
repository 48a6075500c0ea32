package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EventStreamBuilderTest {
    private static EventDispatcher handling(Hash... topics) {
        return new EventDispatcher() {
            @Override
            public Set<Hash> topics() {
                return Set.of(topics);
            }

            @Override
            public boolean dispatch(RawLog log, EventContext context) {
                return false;
            }
        };
    }

    private static EventStream.Builder complete() {
        return EventStream.builder()
                .id("orders")
                .endpoint("http://127.0.0.1:8545")
                .handler(handling(Hash.keccak256("A()")));
    }

    private static void assertMessage(Class<? extends Throwable> type, String message, Executable executable) {
        assertEquals(message, assertThrows(type, executable).getMessage());
    }

    @Test
    void namesTheMissingRequiredParameter() {
        assertMessage(
                IllegalStateException.class,
                "id is required: the stream's checkpoint key",
                () -> EventStream.builder()
                        .endpoint("http://127.0.0.1:8545")
                        .handler(handling(Hash.keccak256("A()")))
                        .build());
        assertMessage(
                IllegalStateException.class,
                "endpoint is required: add at least one RPC endpoint",
                () -> EventStream.builder()
                        .id("x")
                        .handler(handling(Hash.keccak256("A()")))
                        .build());
        assertMessage(
                IllegalStateException.class,
                "handler is required: add at least one event dispatcher",
                () -> EventStream.builder()
                        .id("x")
                        .endpoint("http://127.0.0.1:8545")
                        .build());
    }

    @Test
    void namesTheParameterOfAnOutOfRangeValue() {
        assertMessage(
                IllegalArgumentException.class,
                "confirmations must be between 0 and 10000, got -1",
                () -> complete().confirmations(-1));
        assertMessage(
                IllegalArgumentException.class,
                "maxRange must be between 1 and 1000000, got 0",
                () -> complete().maxRange(0));
        assertMessage(
                IllegalArgumentException.class,
                "concurrency must be between 1 and 64, got 65",
                () -> complete().concurrency(65));
        assertMessage(
                IllegalArgumentException.class,
                "fromBlock must not be negative, got -5",
                () -> complete().fromBlock(-5));
        assertMessage(
                IllegalArgumentException.class,
                "pollInterval must be between PT0.01S and PT1H, got PT0S",
                () -> complete().pollInterval(Duration.ZERO));
        assertMessage(
                IllegalArgumentException.class,
                "retryBackoff max must be between PT1S and PT1H, got PT0.5S",
                () -> complete().retryBackoff(Duration.ofSeconds(1), Duration.ofMillis(500)));
        assertMessage(
                IllegalArgumentException.class,
                "attemptsPerEndpoint must be between 1 and 100, got 0",
                () -> complete().attemptsPerEndpoint(0));
        assertMessage(
                IllegalArgumentException.class,
                "handlerAttempts must be between 1 and 1000, got 0",
                () -> complete().handlerAttempts(0));
    }

    @Test
    void rejectsBadEndpointsWithoutRepeatingTheUrl() {
        assertMessage(
                IllegalArgumentException.class,
                "endpoint: the RPC URL must start with http://, https://, ws:// or wss://, got scheme \"ftp\"",
                () -> complete().endpoint("ftp://secret-key@host/"));
        assertMessage(
                IllegalArgumentException.class,
                "endpoint http://127.0.0.1:8545 was added twice",
                () -> complete().endpoint("http://127.0.0.1:8545"));
    }

    @Test
    void rejectsAStoreTogetherWithADirectoryForTheDefaultStore() {
        assertMessage(
                IllegalStateException.class,
                "checkpointDirectory applies to the default store only, but checkpointStore is set too",
                () -> complete()
                        .checkpointStore(new InMemoryCheckpointStore())
                        .checkpointDirectory(Path.of("x"))
                        .build());
    }

    @Test
    void needsTopicsWhenTheHandlersTakeNoEvent() {
        assertMessage(
                IllegalStateException.class,
                "topics: the handlers take no event; set topics(...) or add a handler with methods",
                () -> EventStream.builder()
                        .id("x")
                        .endpoint("http://127.0.0.1:8545")
                        .handler(handling())
                        .build());
    }

    @Test
    void buildsAValidStreamWithoutConnecting() {
        assertEquals("orders", complete().build().id().value());
    }
}
