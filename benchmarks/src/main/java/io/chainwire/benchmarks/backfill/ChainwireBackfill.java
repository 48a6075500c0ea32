package io.chainwire.benchmarks.backfill;

import io.chainwire.abi.Address;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.transfers.TransferHandler;
import io.chainwire.benchmarks.transfers.TransferHandlerDispatcher;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * chainwire's side: an {@link EventStream} from the first block with logs, with a fresh checkpoint store and a handler
 * that counts, run until the handler has seen every emitted log; the stream is then followed to live (the empty blocks
 * above) before it is closed.
 *
 * <p>Its {@link #main} runs one backfill alone, for the child JVM with a small heap.
 */
final class ChainwireBackfill {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ChainwireBackfill() {}

    /**
     * Runs the backfill on {@code store}, a fresh one, with fencing on or off (see {@link EventStream.Builder#fencing})
     * and every block checked against its bloom or not (see {@link EventStream.Builder#verifyBackfill}), and returns
     * the nanoseconds from starting the stream to the handler's last emitted log.
     *
     * @throws IllegalStateException if the stream fails, or the handler does not see every log
     */
    static long run(
            EmittedLogs logs,
            long rangeBlocks,
            int concurrency,
            CheckpointStore store,
            String streamId,
            boolean fencing,
            boolean verify)
            throws InterruptedException {
        Counter counter = new Counter(logs.logs());
        long start = System.nanoTime();
        try (StreamHandle handle = EventStream.builder()
                .id(streamId)
                .endpoint(logs.node().toString())
                .address(logs.contract())
                .fromBlock(logs.firstBlock())
                .maxRange(rangeBlocks)
                .concurrency(concurrency)
                .checkpointStore(store)
                .fencing(fencing)
                .verifyBackfill(verify)
                .handler(new TransferHandlerDispatcher(counter))
                .build()
                .start()) {
            if (!handle.awaitLive(TIMEOUT)) {
                throw new IllegalStateException(
                        "the stream is not live but " + handle.state(),
                        handle.failure().orElse(null));
            }
        }
        if (counter.count != logs.logs()) {
            throw new IllegalStateException("the handler saw " + counter.count + " logs of " + logs.logs());
        }
        return counter.lastLogNanos - start;
    }

    /** Returns the arguments of {@link #main} for a backfill of {@code logs}. */
    static List<String> arguments(EmittedLogs logs, long rangeBlocks, int concurrency) {
        return List.of(
                logs.node().toString(),
                logs.contract().toString(),
                String.valueOf(logs.firstBlock()),
                String.valueOf(logs.lastBlock()),
                String.valueOf(logs.logs()),
                String.valueOf(rangeBlocks),
                String.valueOf(concurrency));
    }

    /**
     * Runs one backfill and prints its time: arguments node URL, contract, first block, last block, logs, range blocks,
     * concurrency. Exits with status 1 if it fails.
     */
    public static void main(String[] args) throws Exception {
        EmittedLogs logs = new EmittedLogs(
                URI.create(args[0]),
                Address.fromHex(args[1]),
                Long.parseLong(args[2]),
                Long.parseLong(args[3]),
                Long.parseLong(args[4]));
        Path directory = Files.createTempDirectory("chainwire-backfill-child");
        long nanos;
        try (CheckpointStore store = SqliteCheckpointStore.builder(directory.resolve("checkpoints.db"))
                .build()) {
            nanos = run(logs, Long.parseLong(args[5]), Integer.parseInt(args[6]), store, "child", true, false);
        }
        System.out.println("handled " + logs.logs() + " logs in " + nanos / 1_000_000 + " ms, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }

    /** Counts Transfer events and notes when the last expected one arrived; called from the delivery thread. */
    private static final class Counter implements TransferHandler {
        private final long expected;
        private volatile long count;
        private volatile long lastLogNanos;

        Counter(long expected) {
            this.expected = expected;
        }

        @Override
        public void onTransfer(Erc20.Transfer event, EventContext context) {
            long seen = count + 1;
            count = seen;
            if (seen == expected) {
                lastLogNanos = System.nanoTime();
            }
        }
    }
}
