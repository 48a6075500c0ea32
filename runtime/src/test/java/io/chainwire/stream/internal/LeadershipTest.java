package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chainwire.checkpoint.InMemoryCheckpointStore;
import io.chainwire.checkpoint.Lease;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A copy's hold on the lease, renewed on the system clock's timer against a real (in-memory) store. */
class LeadershipTest {
    private static final StreamId STREAM = StreamId.of("leadership");
    /** A bound against a hung test, not a timing expectation. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final List<String> roles = new CopyOnWriteArrayList<>();
    private final StreamMetrics metrics = new StreamMetrics() {
        @Override
        public void roleChanged(StreamRole role, long epoch) {
            roles.add(role + " " + epoch);
        }
    };

    @Test
    void aCopyWhoseLeaseAnotherCopyTookStandsByAtItsNextRenewalWithoutWaitingForWork() throws InterruptedException {
        Leadership first = new Leadership(
                STREAM, store, "first", Duration.ofSeconds(3), Duration.ofMillis(100), EngineClock.SYSTEM, metrics);
        assertTrue(first.tryAcquire());
        Lease held = first.require();
        // The release stands in for the expiry of a paused copy's lease.
        store.releaseLease(held);
        Lease taken =
                store.acquireLease(STREAM, "second", Duration.ofSeconds(3)).orElseThrow();

        assertEquals(Optional.of(held), first.proven());
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (first.proven().isPresent()) {
            if (System.nanoTime() > deadline) {
                fail("the first copy still says it leads after " + HANG_GUARD);
            }
            Thread.sleep(10);
        }

        assertEquals(List.of("LEADER " + held.epoch(), "STANDBY " + held.epoch()), roles);
        assertThrows(LeaseLost.class, first::require);
        assertEquals(held.epoch() + 1, taken.epoch());
        assertTrue(store.renewLease(taken), "the first copy left the second one's lease alone");
    }

    @Test
    void closingReleasesTheLeaseAndLeadsNoMore() {
        Leadership copy = new Leadership(
                STREAM, store, "copy", Duration.ofSeconds(3), Duration.ofSeconds(1), EngineClock.SYSTEM, metrics);
        assertTrue(copy.tryAcquire());
        Lease held = copy.require();
        assertEquals(Optional.of(held), copy.proven());

        copy.close();

        assertEquals(Optional.empty(), copy.proven());
        assertEquals(List.of("LEADER " + held.epoch(), "STANDBY " + held.epoch()), roles);
        assertThrows(LeaseLost.class, copy::require);
        assertEquals(
                held.epoch() + 1,
                store.acquireLease(STREAM, "next", Duration.ofSeconds(3))
                        .orElseThrow()
                        .epoch(),
                "another copy takes the released lease at once");
    }
}
