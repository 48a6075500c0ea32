package io.chainwire.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.checkpoint.BlockRef;
import io.chainwire.checkpoint.Checkpoint;
import io.chainwire.checkpoint.CheckpointException;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.DeadLetter;
import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.checkpoint.UnitOfWork;
import io.chainwire.testkit.Anvil;
import io.chainwire.testkit.AnvilTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store that refuses the lease for good (no retry can change it) fails the stream; it does not spin. */
@AnvilTest
class StoreRefusalOnAnvilTest {
    @Test
    void aStoreThatRefusesTheLeaseForGoodFailsTheStream(Anvil anvil) throws InterruptedException {
        EmitterChain chain = EmitterChain.deploy(anvil);
        Recorder recorder = new Recorder();
        try (StreamHandle handle = chain.stream("refused")
                .endpoint(anvil.httpUrl().toString())
                .checkpointStore(new RefusingStore())
                .handler(recorder)
                .build()
                .start()) {
            assertTrue(handle.awaitTermination(Duration.ofMinutes(1)), "the stream still runs: " + handle.state());
            assertEquals(StreamState.FAILED, handle.state());
            CheckpointStoreFailedException failure = assertInstanceOf(
                    CheckpointStoreFailedException.class, handle.failure().orElseThrow());
            assertTrue(failure.getMessage().contains(RefusingStore.REFUSAL), failure.getMessage());
            assertEquals(0, recorder.count());
        }
    }

    /** An in-memory store whose lease table the stream may not write. */
    private static final class RefusingStore implements CheckpointStore {
        static final String REFUSAL = "permission denied for table chainwire_streams";

        private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

        @Override
        public Optional<Checkpoint> load(StreamId stream) {
            return store.load(stream);
        }

        @Override
        public Optional<Lease> acquireLease(StreamId stream, String holder, Duration duration) {
            throw new CheckpointException(REFUSAL);
        }

        @Override
        public boolean renewLease(Lease lease) {
            throw new CheckpointException(REFUSAL);
        }

        @Override
        public void releaseLease(Lease lease) {
            store.releaseLease(lease);
        }

        @Override
        public UnitOfWork begin(Lease lease, Optional<BlockRef> base) {
            return store.begin(lease, base);
        }

        @Override
        public UnitOfWork begin(StreamId stream) {
            return store.begin(stream);
        }

        @Override
        public List<DeadLetter> deadLetters(StreamId stream, int limit) {
            return store.deadLetters(stream, limit);
        }

        @Override
        public int recentBlocks() {
            return store.recentBlocks();
        }

        @Override
        public boolean transactional() {
            return store.transactional();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
