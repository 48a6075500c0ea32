package io.chainwire.benchmarks.live;

import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.transfers.TransferEmitter;
import io.chainwire.benchmarks.transfers.TransferHandler;
import io.chainwire.benchmarks.transfers.TransferHandlerDispatcher;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.handler.EventContext;
import io.chainwire.stream.EventStream;
import io.chainwire.stream.StreamHandle;
import io.chainwire.testkit.Anvil;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Figure 4: the time from mining a block to the handler call for the one {@code Transfer} event in it, for a stream
 * that follows a local anvil over a WebSocket endpoint (new heads by subscription) and over an HTTP endpoint (polling).
 *
 * <p>The node's automine is off. For each block, the transaction that emits the event is sent first and waits in the
 * node's pool; then the clock starts ({@code System.nanoTime()}) just before the {@code anvil_mine} call that mines it,
 * and stops in the handler. The next block is mined only after the handler has run, so blocks never queue behind each
 * other, and after a random pause of up to one poll interval, so blocks do not arrive in step with the poller. Streams
 * run with no confirmations and a SQLite checkpoint store, so each latency includes the block's commit.
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code blocks} (measured blocks per transport; 1000),
 * {@code warmup} (blocks first mined and not measured; 100), {@code poll} (the poll interval in milliseconds; 100).
 */
public final class LiveLatencyHarness {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SEED = 42;

    private LiveLatencyHarness() {}

    /** The harness's settings. */
    record Settings(int blocks, int warmup, Duration pollInterval) {
        static Settings parse(String... args) {
            int blocks = 1_000;
            int warmup = 100;
            long poll = 100;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("expected name=value, got " + arg);
                }
                switch (pair[0]) {
                    case "blocks" -> blocks = Integer.parseInt(pair[1]);
                    case "warmup" -> warmup = Integer.parseInt(pair[1]);
                    case "poll" -> poll = Long.parseLong(pair[1]);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown argument " + pair[0] + "; known: blocks, warmup, poll");
                }
            }
            if (blocks < 1 || warmup < 0) {
                throw new IllegalArgumentException(
                        "blocks must be positive and warmup not negative, got " + blocks + ", " + warmup);
            }
            return new Settings(blocks, warmup, Duration.ofMillis(poll));
        }
    }

    /**
     * The latencies of one transport, in nanoseconds, in mining order.
     *
     * @param mineNanos how long each {@code anvil_mine} call took, for comparison
     */
    record Latencies(String transport, long[] nanos, long[] mineNanos) {
        /** Returns the {@code percent} percentile (nearest rank) in milliseconds. */
        double percentile(long[] values, double percent) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /** Runs the harness and prints its table; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        print(settings, run(settings), System.out);
    }

    /** Prints one row per transport. */
    static void print(Settings settings, List<Latencies> results, PrintStream out) {
        out.printf(
                "%d blocks per transport after %d warm-up blocks; polling every %d ms%n",
                settings.blocks(), settings.warmup(), settings.pollInterval().toMillis());
        out.println("| transport | p50 ms | p90 ms | p99 ms | max ms | anvil_mine p50 ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Latencies latencies : results) {
            long[] nanos = latencies.nanos();
            out.printf(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    latencies.transport(),
                    latencies.percentile(nanos, 50),
                    latencies.percentile(nanos, 90),
                    latencies.percentile(nanos, 99),
                    latencies.percentile(nanos, 100),
                    latencies.percentile(latencies.mineNanos(), 50));
        }
    }

    /** Measures both transports on one node. */
    static List<Latencies> run(Settings settings) throws Exception {
        try (Anvil anvil = Anvil.start()) {
            TransferEmitter emitter = TransferEmitter.deploy(anvil);
            anvil.rpc("evm_setAutomine", false);
            Path directory = Files.createTempDirectory("chainwire-live");
            List<Latencies> results = new ArrayList<>();
            results.add(measure("WebSocket", anvil.wsUrl().toString(), anvil, emitter, settings, directory));
            results.add(measure(
                    "HTTP polling every " + settings.pollInterval().toMillis() + " ms",
                    anvil.httpUrl().toString(),
                    anvil,
                    emitter,
                    settings,
                    directory));
            return results;
        }
    }

    private static Latencies measure(
            String transport, String endpoint, Anvil anvil, TransferEmitter emitter, Settings settings, Path directory)
            throws InterruptedException {
        String id = endpoint.startsWith("ws") ? "live-ws" : "live-http";
        Recorder recorder = new Recorder();
        long[] nanos = new long[settings.blocks()];
        long[] mineNanos = new long[settings.blocks()];
        try (SqliteCheckpointStore store = SqliteCheckpointStore.builder(directory.resolve(id + ".db"))
                        .build();
                StreamHandle handle = EventStream.builder()
                        .id(id)
                        .endpoint(endpoint)
                        .address(emitter.address())
                        .fromBlock(anvil.blockNumber() + 1)
                        .pollInterval(settings.pollInterval())
                        .checkpointStore(store)
                        .handler(new TransferHandlerDispatcher(recorder))
                        .build()
                        .start()) {
            if (!handle.awaitLive(TIMEOUT)) {
                throw new IllegalStateException(
                        transport + ": the stream is not live but " + handle.state(),
                        handle.failure().orElse(null));
            }
            SplittableRandom random = new SplittableRandom(SEED);
            for (int i = -settings.warmup(); i < settings.blocks(); i++) {
                // Mined right after the previous handler call, every block would wait a whole poll interval.
                Thread.sleep(random.nextLong(settings.pollInterval().toMillis() + 1));
                emitter.submit(1);
                long start = System.nanoTime();
                anvil.mine(1);
                long mined = System.nanoTime();
                long block = anvil.blockNumber();
                long[] handled = recorder.calls.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (handled == null || handled[1] != block) {
                    throw new IllegalStateException(transport + ": no handler call for block " + block + " within "
                            + TIMEOUT + (handled == null ? "" : "; got block " + handled[1]) + "; stream "
                            + handle.state());
                }
                if (i >= 0) {
                    nanos[i] = handled[0] - start;
                    mineNanos[i] = mined - start;
                }
            }
        }
        return new Latencies(transport, nanos, mineNanos);
    }

    /** Hands the time of each handler call and its block to the mining thread. */
    private static final class Recorder implements TransferHandler {
        final BlockingQueue<long[]> calls = new LinkedBlockingQueue<>();

        @Override
        public void onTransfer(Erc20.Transfer event, EventContext context) {
            calls.add(new long[] {System.nanoTime(), context.meta().blockNumber()});
        }
    }
}
