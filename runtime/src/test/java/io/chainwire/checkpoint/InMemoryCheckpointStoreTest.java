package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCheckpointStoreTest extends CheckpointStoreContract {
    @Override
    CheckpointStore open(String tablePrefix, int recentBlocks) {
        return new InMemoryCheckpointStore(recentBlocks);
    }

    @Test
    void offersNoConnection() {
        assertFalse(store.transactional());
        try (UnitOfWork work = store.begin(stream)) {
            assertEquals(Optional.empty(), work.connection());
        }
    }
}
