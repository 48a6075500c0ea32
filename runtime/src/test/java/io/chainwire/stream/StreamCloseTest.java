package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.SilentServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closing a stream aborts the requests it has in flight instead of waiting them out. */
class StreamCloseTest {
    private static final EventDispatcher NOTHING = new EventDispatcher() {
        @Override
        public Set<Hash> topics() {
            return Set.of(Hash.keccak256("A()"));
        }

        @Override
        public boolean dispatch(RawLog log, EventContext context) {
            return false;
        }
    };

    @Test
    void closeReturnsLongBeforeTheRequestTimeoutOfARequestToASilentNode() throws Exception {
        try (SilentServer node = new SilentServer()) {
            StreamHandle handle = EventStream.builder()
                    .id("closing")
                    .endpoint(node.url("http", "/"))
                    .requestTimeout(Duration.ofMinutes(10))
                    .checkpointStore(new InMemoryCheckpointStore())
                    .handler(NOTHING)
                    .build()
                    .start();
            node.awaitConnection();

            assertTimeoutPreemptively(Duration.ofMinutes(1), handle::close);
            assertTrue(handle.awaitTermination(Duration.ZERO));
            assertEquals(StreamState.STOPPED, handle.state());
        }
    }
}
