package io.chainwire.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every checkpoint store promises; each store's test class runs these against it. */
abstract class CheckpointStoreContract {
    static final TestChain A = TestChain.branch("a");

    /** A table prefix of this test's own, so tests sharing a database do not see each other. */
    final String tablePrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "_";

    final StreamId stream = StreamId.of("stream-" + UUID.randomUUID());
    CheckpointStore store;

    /** Opens a store on this test's tables keeping {@code recentBlocks} blocks per stream. */
    abstract CheckpointStore open(String tablePrefix, int recentBlocks);

    @BeforeEach
    void openStore() {
        store = open(tablePrefix, 128);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Records {@code blocks} as handled, one unit of work each. */
    static void handle(CheckpointStore store, StreamId stream, BlockRef... blocks) {
        for (BlockRef block : blocks) {
            try (UnitOfWork work = store.begin(stream)) {
                work.markHandled(block);
                work.commit();
            }
        }
    }

    /** Records {@code block} as handled with {@code delivered}, in one unit of work. */
    static void handle(CheckpointStore store, StreamId stream, BlockRef block, List<RawLog> delivered) {
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(block, delivered);
            work.commit();
        }
    }

    static List<Long> numbers(Optional<Checkpoint> checkpoint) {
        return checkpoint.orElseThrow().recentBlocks().stream()
                .map(BlockRef::number)
                .toList();
    }

    @Test
    void loadsNothingForAStreamThatNeverHandledABlock() {
        assertEquals(Optional.empty(), store.load(stream));
        assertEquals(List.of(), store.deadLetters(stream, 10));
    }

    @Test
    void loadsTheHandledBlocksInOrderWithTheLastAsHead() {
        handle(store, stream, A.block(1), A.block(2), A.block(3));

        Checkpoint checkpoint = store.load(stream).orElseThrow();
        assertEquals(List.of(A.block(1), A.block(2), A.block(3)), checkpoint.recentBlocks());
        assertEquals(A.block(3), checkpoint.head());
        assertEquals(Optional.of(A.block(2)), checkpoint.block(2));
        assertEquals(Optional.empty(), checkpoint.block(4));
    }

    @Test
    void recordsSeveralBlocksInOneUnitOfWork() {
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(A.block(10));
            work.markHandled(A.block(11));
            work.markHandled(A.block(20));
            work.commit();
        }
        assertEquals(List.of(10L, 11L, 20L), numbers(store.load(stream)));
    }

    @Test
    void givesBackTheLogsDeliveredFromEachRecentBlockExactly() {
        List<RawLog> first = List.of(A.log(1, 0), A.anonymousLog(1, 3), A.fullLog(1, 7));
        handle(store, stream, A.block(1), first);
        handle(store, stream, A.block(2), List.of());
        handle(store, stream, A.block(3), List.of(A.log(3, 2)));

        Checkpoint checkpoint = store.load(stream).orElseThrow();
        assertEquals(Optional.of(first), checkpoint.delivered(1));
        assertEquals(Optional.of(List.of()), checkpoint.delivered(2), "a block without events has none, known");
        assertEquals(Optional.of(List.of(A.log(3, 2))), checkpoint.delivered(3));
        assertEquals(Optional.empty(), checkpoint.delivered(4));
        assertEquals(3, checkpoint.deliveredLogs().size());
    }

    @Test
    void dropsTheDeliveredLogsOfBlocksThatLeaveTheWindow() {
        store.close();
        store = open(tablePrefix, 2);
        for (long number = 1; number <= 5; number++) {
            handle(store, stream, A.block(number), List.of(A.log(number, 0), A.log(number, 1)));
        }
        Checkpoint checkpoint = store.load(stream).orElseThrow();
        assertEquals(List.of(4L, 5L), numbers(Optional.of(checkpoint)));
        assertEquals(Set.of(4L, 5L), checkpoint.deliveredLogs().keySet());
        assertEquals(Optional.of(List.of(A.log(5, 0), A.log(5, 1))), checkpoint.delivered(5));
    }

    @Test
    void rollbackForgetsTheDeliveredLogsAboveTheForkPoint() {
        handle(store, stream, A.block(1), List.of(A.log(1, 0)));
        handle(store, stream, A.block(2), List.of(A.log(2, 0)));
        handle(store, stream, A.block(3), List.of(A.log(3, 0)));
        TestChain b = TestChain.branch("b");
        try (UnitOfWork work = store.begin(stream)) {
            work.rollbackTo(A.block(1));
            work.markHandled(A.forkedAt(1, "b", 2), List.of(b.log(2, 4)));
            work.commit();
        }
        Checkpoint checkpoint = store.load(stream).orElseThrow();
        assertEquals(List.of(1L, 2L), numbers(Optional.of(checkpoint)));
        assertEquals(Optional.of(List.of(A.log(1, 0))), checkpoint.delivered(1), "the fork point keeps its logs");
        assertEquals(Optional.of(List.of(b.log(2, 4))), checkpoint.delivered(2));
    }

    @Test
    void deliveredLogsOfAnUncommittedUnitOfWorkAreNotKept() {
        handle(store, stream, A.block(1), List.of(A.log(1, 0)));
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(A.block(2), List.of(A.log(2, 0)));
        }
        Checkpoint checkpoint = store.load(stream).orElseThrow();
        assertEquals(List.of(1L), numbers(Optional.of(checkpoint)));
        assertEquals(Set.of(1L), checkpoint.deliveredLogs().keySet());
    }

    @Test
    void refusesDeliveredLogsOfAnotherBlockOrOutOfOrder() {
        try (UnitOfWork work = store.begin(stream)) {
            IllegalArgumentException other = assertThrows(
                    IllegalArgumentException.class, () -> work.markHandled(A.block(2), List.of(A.log(1, 0))));
            assertTrue(other.getMessage().contains("is not a log of block 2"), other.getMessage());
            IllegalArgumentException order = assertThrows(
                    IllegalArgumentException.class,
                    () -> work.markHandled(A.block(2), List.of(A.log(2, 3), A.log(2, 1))));
            assertTrue(
                    order.getMessage().contains("ascending log-index order, got log index 3 before 1"),
                    order.getMessage());
            work.markHandled(A.block(2), List.of(A.log(2, 1), A.log(2, 3)));
            work.commit();
        }
        assertEquals(
                Optional.of(List.of(A.log(2, 1), A.log(2, 3))),
                store.load(stream).orElseThrow().delivered(2));
    }

    @Test
    void keepsOnlyTheWindowOfRecentBlocks() {
        store.close();
        store = open(tablePrefix, 4);
        assertEquals(4, store.recentBlocks());
        for (long number = 1; number <= 10; number++) {
            handle(store, stream, A.block(number));
        }
        assertEquals(List.of(7L, 8L, 9L, 10L), numbers(store.load(stream)));

        handle(store, stream, A.block(100));
        assertEquals(List.of(100L), numbers(store.load(stream)), "blocks 4 or more numbers below fall out");
    }

    @Test
    void uncommittedUnitOfWorkLeavesNothing() {
        handle(store, stream, A.block(1));
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(A.block(2));
            work.recordDeadLetter(A.log(2, 0), "handler", new IllegalStateException("bad"));
            work.rollbackTo(A.block(1));
        }
        assertEquals(List.of(1L), numbers(store.load(stream)));
        assertEquals(List.of(), store.deadLetters(stream, 10));
    }

    @Test
    void committedStateIsAllOtherReadersSeeWhileAUnitOfWorkIsOpen() {
        handle(store, stream, A.block(1));
        try (UnitOfWork work = store.begin(stream)) {
            work.markHandled(A.block(2));
            assertEquals(List.of(1L), numbers(store.load(stream)));
            work.commit();
        }
        assertEquals(List.of(1L, 2L), numbers(store.load(stream)));
    }

    @Test
    void rollsBackToTheForkPointThenAppliesTheNewBranch() {
        handle(store, stream, A.block(1), A.block(2), A.block(3), A.block(4), A.block(5));

        try (UnitOfWork work = store.begin(stream)) {
            work.rollbackTo(A.block(3));
            work.commit();
        }
        assertEquals(A.block(3), store.load(stream).orElseThrow().head());

        handle(store, stream, A.forkedAt(3, "b", 4), A.forkedAt(3, "b", 5), A.forkedAt(3, "b", 6));
        assertEquals(
                List.of(
                        A.block(1),
                        A.block(2),
                        A.block(3),
                        A.forkedAt(3, "b", 4),
                        A.forkedAt(3, "b", 5),
                        A.forkedAt(3, "b", 6)),
                store.load(stream).orElseThrow().recentBlocks());
    }

    @Test
    void rollbackToAForkPointBetweenStoredBlocksMakesItTheHead() {
        handle(store, stream, A.block(100), A.block(200));

        try (UnitOfWork work = store.begin(stream)) {
            work.rollbackTo(A.block(150));
            work.commit();
        }

        assertEquals(
                List.of(A.block(100), A.block(150)),
                store.load(stream).orElseThrow().recentBlocks());
    }

    @Test
    void refusesABlockThatIsNotAboveTheLastHandledBlock() {
        handle(store, stream, A.block(5));
        try (UnitOfWork work = store.begin(stream)) {
            CheckpointException error = assertThrows(CheckpointException.class, () -> work.markHandled(A.block(5)));
            assertTrue(error.getMessage().contains("not above the last handled block 5"), error.getMessage());
            assertTrue(error.getMessage().contains("stream '" + stream + "'"), error.getMessage());
        }
    }

    @Test
    void refusesTheNextBlockWhenItsParentIsNotTheLastHandledBlock() {
        handle(store, stream, A.block(5));
        try (UnitOfWork work = store.begin(stream)) {
            CheckpointException error = assertThrows(
                    CheckpointException.class,
                    () -> work.markHandled(TestChain.branch("b").block(6)));
            assertTrue(error.getMessage().contains("roll back to the fork point first"), error.getMessage());
        }
        assertEquals(List.of(5L), numbers(store.load(stream)));
    }

    @Test
    void refusesForkPointsThatAreNotOnTheHandledChain() {
        try (UnitOfWork work = store.begin(stream)) {
            CheckpointException error = assertThrows(CheckpointException.class, () -> work.rollbackTo(A.block(1)));
            assertTrue(error.getMessage().endsWith("the stream has no checkpoint"), error.getMessage());
        }
        handle(store, stream, A.block(1), A.block(2));
        try (UnitOfWork work = store.begin(stream)) {
            CheckpointException above = assertThrows(CheckpointException.class, () -> work.rollbackTo(A.block(3)));
            assertTrue(above.getMessage().contains("above the last handled block 2"), above.getMessage());
            CheckpointException other = assertThrows(
                    CheckpointException.class,
                    () -> work.rollbackTo(TestChain.branch("b").block(1)));
            assertTrue(other.getMessage().contains("so it is not a fork point"), other.getMessage());
        }
    }

    @Test
    void recordsDeadLettersWithTheCheckpointOfTheirBlock() {
        RawLog log = A.log(7, 3);
        IllegalStateException failure =
                new IllegalStateException("no such account", new ArithmeticException("overflow"));
        Instant before = Instant.now().minusSeconds(1);
        try (UnitOfWork work = store.begin(stream)) {
            work.recordDeadLetter(log, "TransferHandler", failure);
            work.markHandled(A.block(7));
            work.commit();
        }

        List<DeadLetter> letters = store.deadLetters(stream, 10);
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals(stream, letter.stream());
        assertEquals(log, letter.log());
        assertEquals("TransferHandler", letter.handler());
        assertEquals("java.lang.IllegalStateException: no such account", letter.error());
        assertTrue(
                letter.stackTrace().contains("Caused by: java.lang.ArithmeticException: overflow"),
                letter.stackTrace());
        // A frame of this method; on the module path frames name the module first ("at io.chainwire.runtime@…/").
        assertTrue(
                letter.stackTrace()
                        .contains(CheckpointStoreContract.class.getName()
                                + ".recordsDeadLettersWithTheCheckpointOfTheirBlock("),
                letter.stackTrace());
        assertTrue(letter.recordedAt().isAfter(before), letter.recordedAt().toString());
        assertFalse(letter.orphaned());
        assertEquals(List.of(7L), numbers(store.load(stream)));
    }

    @Test
    void deadLettersKeepLogsWithoutTopicsOrData() {
        RawLog bare = new RawLog(List.of(), Bytes.EMPTY, A.log(1, 0).meta());
        try (UnitOfWork work = store.begin(stream)) {
            work.recordDeadLetter(bare, "AnonymousHandler", new RuntimeException());
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(bare, store.deadLetters(stream, 1).get(0).log());
    }

    @Test
    void listsDeadLettersInChainOrderUpToTheLimit() {
        try (UnitOfWork work = store.begin(stream)) {
            work.recordDeadLetter(A.log(2, 1), "h", new RuntimeException("third"));
            work.recordDeadLetter(A.log(1, 5), "h", new RuntimeException("second"));
            work.recordDeadLetter(A.log(1, 0), "h", new RuntimeException("first"));
            work.markHandled(A.block(2));
            work.commit();
        }
        assertEquals(
                List.of("java.lang.RuntimeException: first", "java.lang.RuntimeException: second"),
                store.deadLetters(stream, 2).stream().map(DeadLetter::error).toList());
        assertThrows(IllegalArgumentException.class, () -> store.deadLetters(stream, 0));
    }

    @Test
    void rollbackOrphansDeadLettersAboveTheForkPoint() {
        try (UnitOfWork work = store.begin(stream)) {
            work.recordDeadLetter(A.log(2, 0), "h", new RuntimeException("kept"));
            work.markHandled(A.block(2));
            work.recordDeadLetter(A.log(3, 0), "h", new RuntimeException("orphaned"));
            work.markHandled(A.block(3));
            work.commit();
        }
        try (UnitOfWork work = store.begin(stream)) {
            work.rollbackTo(A.block(2));
            work.commit();
        }
        List<DeadLetter> letters = store.deadLetters(stream, 10);
        assertEquals(
                List.of(false, true), letters.stream().map(DeadLetter::orphaned).toList());
        assertEquals(A.log(3, 0), letters.get(1).log(), "an orphaned dead letter is kept, not dropped");
    }

    @Test
    void streamsKeepSeparateCheckpoints() {
        StreamId other = StreamId.of("other-" + UUID.randomUUID());
        handle(store, stream, A.block(1), A.block(2));
        handle(store, other, A.block(1));
        try (UnitOfWork work = store.begin(other)) {
            work.rollbackTo(A.block(1));
            work.recordDeadLetter(A.log(1, 0), "h", new RuntimeException());
            work.commit();
        }
        assertEquals(List.of(1L, 2L), numbers(store.load(stream)));
        assertEquals(List.of(1L), numbers(store.load(other)));
        assertEquals(List.of(), store.deadLetters(stream, 10));
        assertEquals(1, store.deadLetters(other, 10).size());
    }

    @Test
    void attemptRethrowsTheHandlersFailure() {
        IllegalArgumentException failure = new IllegalArgumentException("undecodable");
        try (UnitOfWork work = store.begin(stream)) {
            assertSame(
                    failure,
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> work.attempt(() -> {
                                throw failure;
                            })));
            work.markHandled(A.block(1));
            work.commit();
        }
        assertEquals(List.of(1L), numbers(store.load(stream)));
    }

    @Test
    void unitOfWorkEndsWithItsCommit() {
        UnitOfWork work = store.begin(stream);
        work.markHandled(A.block(1));
        work.commit();
        assertThrows(IllegalStateException.class, work::commit);
        assertThrows(IllegalStateException.class, () -> work.markHandled(A.block(2)));
        work.close();
        handle(store, stream, A.block(2));
        assertEquals(List.of(1L, 2L), numbers(store.load(stream)));
    }

    @Test
    void refusesASecondUnitOfWorkOnTheSameThread() {
        try (UnitOfWork work = store.begin(stream)) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> store.begin(stream));
            assertTrue(error.getMessage().contains("already has a unit of work open"), error.getMessage());
            work.markHandled(A.block(1));
            work.commit();
        }
    }

    @Test
    void unitsOfWorkAreSerialised() throws Exception {
        CompletableFuture<CheckpointException> second;
        try (UnitOfWork first = store.begin(stream)) {
            first.markHandled(A.block(5));
            // The second writer can only begin once the first has committed, so it sees block 5.
            second = CompletableFuture.supplyAsync(() -> {
                try (UnitOfWork work = store.begin(stream)) {
                    return assertThrows(CheckpointException.class, () -> work.markHandled(A.block(3)));
                }
            });
            first.commit();
        }
        assertTrue(second.get(60, TimeUnit.SECONDS).getMessage().contains("not above the last handled block 5"));
    }

    @Test
    void closedStoreRefusesUnitsOfWork() {
        store.close();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> store.begin(stream));
        assertTrue(error.getMessage().contains("is closed"), error.getMessage());
        store.close();
    }

    @Test
    void unitOfWorkEndedBySomeoneElsesThreadLetsTheNextOneBegin() throws InterruptedException, ExecutionException {
        UnitOfWork work = store.begin(stream);
        work.markHandled(A.block(1));
        CompletableFuture.runAsync(work::commit).get();
        handle(store, stream, A.block(2));
        assertEquals(List.of(1L, 2L), numbers(store.load(stream)));
    }

    @Test
    void grantsTheLeaseToOneHolderAtATimeAndRenewsItForItsHolder() {
        Lease first =
                store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
        assertEquals(new Lease(stream, "copy-1", 1, Duration.ofMinutes(1)), first);
        assertEquals(Optional.empty(), store.acquireLease(stream, "copy-2", Duration.ofMinutes(1)));
        assertEquals(Optional.of(first), store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)));
        assertTrue(store.renewLease(first));
    }

    @Test
    void aReleasedLeaseIsTakenOverUnderAHigherEpochAndTheOldOneCannotBeRenewed() {
        Lease first =
                store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
        store.releaseLease(first);
        Lease second =
                store.acquireLease(stream, "copy-2", Duration.ofMinutes(1)).orElseThrow();

        assertEquals(2, second.epoch());
        assertFalse(store.renewLease(first));
        store.releaseLease(first);
        assertTrue(store.renewLease(second));
    }

    @Test
    void anExpiredLeaseIsTakenOver() throws InterruptedException {
        Lease first =
                store.acquireLease(stream, "copy-1", Duration.ofMillis(50)).orElseThrow();
        Optional<Lease> second = Optional.empty();
        for (int attempt = 0; attempt < 200 && second.isEmpty(); attempt++) {
            TimeUnit.MILLISECONDS.sleep(10);
            second = store.acquireLease(stream, "copy-2", Duration.ofMinutes(1));
        }
        assertEquals(first.epoch() + 1, second.orElseThrow().epoch());
        assertFalse(store.renewLease(first));
    }

    @Test
    void aUnitOfWorkUnderALostLeaseCommitsNothing() {
        Lease first =
                store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
        UnitOfWork stale = store.begin(first, Optional.empty());
        stale.markHandled(A.block(1));
        stale.close();
        store.releaseLease(first);
        Lease second =
                store.acquireLease(stream, "copy-2", Duration.ofMinutes(1)).orElseThrow();
        try (UnitOfWork work = store.begin(second, Optional.empty())) {
            work.markHandled(A.block(1));
            work.commit();
        }

        try (UnitOfWork late = store.begin(first, Optional.of(A.block(1)))) {
            late.markHandled(A.block(2));
            FencedException refused = assertThrows(FencedException.class, late::commit);
            assertTrue(
                    refused.getMessage()
                            .endsWith(": it began under lease epoch 1 on " + A.block(1)
                                    + ", but the stream's lease epoch is 2 and its last handled block " + A.block(1)),
                    refused.getMessage());
        }
        assertEquals(List.of(1L), numbers(store.load(stream)));
    }

    @Test
    void aUnitOfWorkOnACheckpointThatMovedCommitsNothing() {
        Lease lease =
                store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
        try (UnitOfWork work = store.begin(lease, Optional.empty())) {
            work.markHandled(A.block(1));
            work.commit();
        }
        try (UnitOfWork stale = store.begin(lease, Optional.empty())) {
            // Refused when it records the block (a store that sees the moved checkpoint) or commits.
            assertThrows(FencedException.class, () -> {
                stale.markHandled(A.block(2));
                stale.commit();
            });
        }
        try (UnitOfWork stale = store.begin(lease, Optional.empty())) {
            // Also when it records the very block the checkpoint moved to.
            assertThrows(FencedException.class, () -> {
                stale.markHandled(A.block(1));
                stale.commit();
            });
        }
        try (UnitOfWork work = store.begin(lease, Optional.of(A.block(1)))) {
            work.markHandled(A.block(2));
            work.commit();
        }
        assertEquals(List.of(1L, 2L), numbers(store.load(stream)));
    }

    @Test
    void recordsTheChainTheFilterAndTheHighestFinalizedBlock() {
        Lease lease =
                store.acquireLease(stream, "copy-1", Duration.ofMinutes(1)).orElseThrow();
        try (UnitOfWork work = store.begin(lease, Optional.empty())) {
            work.recordChain(31337, "addresses=[];topics=[]");
            work.markHandled(A.block(1));
            work.markHandled(A.block(2));
            work.recordFinalized(A.block(2));
            work.recordFinalized(A.block(1));
            work.commit();
        }
        assertEquals(
                new StreamRecord(
                        OptionalLong.of(31337), Optional.of("addresses=[];topics=[]"), Optional.of(A.block(2))),
                store.load(stream).orElseThrow().record());
    }
}
