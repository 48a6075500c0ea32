package io.chainwire.benchmarks.takeover;

import io.chainwire.abi.Address;
import io.chainwire.benchmarks.transfers.TransferHandlerDispatcher;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.JdbcCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One copy of the stream whose takeovers {@link TakeoverHarness} measures, run as a JVM of its own: it follows the
 * emitter's {@code Transfer} events over a WebSocket endpoint with a lease on the shared checkpoint store, and prints a
 * line per event ({@code event <block> <micros>}, the wall clock in microseconds since the epoch when the handler ran),
 * per role change ({@code role LEADER 3}) and per state ({@code state STANDBY}). SIGTERM stops the stream cleanly,
 * which releases the lease, before the JVM exits.
 *
 * <p>Arguments: node WebSocket URL, contract address, store (a {@code jdbc:} URL, else a SQLite file), lease
 * milliseconds, renewal milliseconds.
 */
final class TakeoverCopy {
    private TakeoverCopy() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String store = args[2];
        CheckpointStore checkpoints = store.startsWith("jdbc:")
                ? JdbcCheckpointStore.builder().url(store).build()
                : SqliteCheckpointStore.builder(Path.of(store)).build();
        StreamHandle handle = EventStream.builder()
                .id("takeover")
                .endpoint(args[0])
                .address(Address.fromHex(args[1]))
                .checkpointStore(checkpoints)
                .handler(new TransferHandlerDispatcher((event, context) ->
                        out.println("event " + context.meta().blockNumber() + " "
                                + ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()))))
                .lease(Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(Long.parseLong(args[4])))
                .metrics(new StreamMetrics() {
                    @Override
                    public void roleChanged(StreamRole role, long epoch) {
                        out.println("role " + role + " " + epoch);
                    }

                    @Override
                    public void stateChanged(StreamState state) {
                        out.println("state " + state);
                    }
                })
                .build()
                .start();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            handle.close();
                            checkpoints.close();
                        },
                        "takeover-copy-shutdown"));
        // A harness that dies without stopping its copies (SIGKILL, OOM) takes them with it.
        ProcessHandle.current().parent().ifPresent(harness -> harness.onExit().thenRun(handle::close));
        while (!handle.awaitTermination(Duration.ofMinutes(1))) {
            // Runs until SIGTERM or SIGKILL, or until the harness is gone.
        }
    }
}
