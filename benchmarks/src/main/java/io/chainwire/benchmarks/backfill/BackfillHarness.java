package io.chainwire.benchmarks.backfill;

import com.sun.management.OperatingSystemMXBean;
import io.chainwire.benchmarks.stores.PostgresSchema;
import io.chainwire.benchmarks.transfers.TransferEmitter;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.testkit.Anvil;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3: starts anvil, emits the Transfer logs, buries them under empty blocks (so the whole range is below the
 * stream's recent-block window and is backfilled by ranges), then measures in rounds, each round the node ceiling,
 * chainwire and web3j (with the same concurrency, and as a plain loop, one range at a time) in turn over the same
 * ranges, and finally one chainwire backfill in a child JVM with a small heap. Warm-up rounds run first, the same way,
 * and are not reported, so that every side is measured with its code compiled.
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code logs} (200000), {@code perTx} (logs per transaction, one
 * transaction per block; 250), {@code range} (blocks per {@code eth_getLogs}; 40), {@code concurrency} (ranges in
 * flight; 4), {@code warmup} (rounds not reported; 5), {@code rounds} (7), {@code childHeap} (128m), {@code store}
 * ({@code sqlite}, {@code memory} to measure chainwire without SQLite in the rounds, or {@code postgresql} in a schema
 * of its own on {@code postgres}, a JDBC URL with credentials, by default the machine's PostgreSQL; the child always
 * uses SQLite), {@code pin} ({@code false}; {@code true} pins anvil to CPU 0 and this JVM, the child included, to CPU 1
 * with Linux's {@code taskset}, so that the node and the clients do not compete for a core), {@code verify}
 * ({@code false}; {@code true} backfills the rounds' chainwire side with {@code verifyBackfill(true)}, every block
 * checked against its bloom).
 */
public final class BackfillHarness {
    // Above anvil's finalized block and the default window of 128 recent blocks.
    private static final int BURY_BLOCKS = 300;

    private BackfillHarness() {}

    /** The harness's settings. */
    record Settings(
            long logs,
            int perTx,
            long range,
            int concurrency,
            int warmup,
            int rounds,
            String childHeap,
            CheckpointStores.Kind store,
            String postgres,
            boolean pin,
            boolean verify) {
        static Settings parse(String... args) {
            long logs = 200_000;
            int perTx = 250;
            long range = 40;
            int concurrency = 4;
            int warmup = 5;
            int rounds = 7;
            String childHeap = "128m";
            CheckpointStores.Kind store = CheckpointStores.Kind.SQLITE;
            String postgres = PostgresSchema.LOCAL;
            boolean pin = false;
            boolean verify = false;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("expected name=value, got " + arg);
                }
                switch (pair[0]) {
                    case "logs" -> logs = Long.parseLong(pair[1]);
                    case "perTx" -> perTx = Integer.parseInt(pair[1]);
                    case "range" -> range = Long.parseLong(pair[1]);
                    case "concurrency" -> concurrency = Integer.parseInt(pair[1]);
                    case "warmup" -> warmup = Integer.parseInt(pair[1]);
                    case "rounds" -> rounds = Integer.parseInt(pair[1]);
                    case "childHeap" -> childHeap = pair[1];
                    case "pin" -> pin = Boolean.parseBoolean(pair[1]);
                    case "store" -> store = CheckpointStores.Kind.parse(pair[1]);
                    case "postgres" -> postgres = pair[1];
                    case "verify" -> verify = Boolean.parseBoolean(pair[1]);
                    default ->
                        throw new IllegalArgumentException("unknown argument " + pair[0]
                                + "; known: logs, perTx, range, concurrency, warmup, rounds, childHeap, store, postgres, pin,"
                                + " verify");
                }
            }
            if (logs < perTx || logs % perTx != 0) {
                throw new IllegalArgumentException(
                        "logs must be a positive multiple of perTx " + perTx + ", got " + logs);
            }
            if (warmup < 0 || rounds < 1) {
                throw new IllegalArgumentException("warmup must not be negative and rounds must be positive");
            }
            return new Settings(
                    logs, perTx, range, concurrency, warmup, rounds, childHeap, store, postgres, pin, verify);
        }
    }

    /**
     * One side's run.
     *
     * @param nanos the wall-clock time
     * @param cpuNanos the CPU time the harness's JVM used meanwhile, on every thread (the client's cost; the node's CPU
     *     is not in it)
     */
    record Measured(long nanos, long cpuNanos) {
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        /** Runs {@code side}, which returns its own wall-clock time, and adds the CPU time. */
        static Measured of(Side side) throws Exception {
            long cpu = OS.getProcessCpuTime();
            long nanos = side.run();
            return new Measured(nanos, OS.getProcessCpuTime() - cpu);
        }
    }

    /** One side of a round; returns its wall-clock nanoseconds. */
    @FunctionalInterface
    interface Side {
        long run() throws Exception;
    }

    /**
     * One round.
     *
     * @param ceilingBytes the response bytes the ceiling read
     */
    record Round(Measured ceiling, long ceilingBytes, Measured chainwire, Measured web3j, Measured web3jLoop) {}

    /**
     * What the harness measured.
     *
     * @param child the child JVM's output line
     */
    record Report(Settings settings, EmittedLogs logs, List<Round> rounds, String child) {
        /** Prints the rounds, the medians in logs per second and the ratios. */
        void print(PrintStream out) {
            out.printf(
                    "%d Transfer logs in blocks %d..%d (%d per block), ranges of %d blocks, %d in flight, %s checkpoints,"
                            + " verifyBackfill %b%n",
                    logs.logs(),
                    logs.firstBlock(),
                    logs.lastBlock(),
                    settings.perTx(),
                    settings.range(),
                    settings.concurrency(),
                    settings.store().title(),
                    settings.verify());
            out.printf(
                    "| round | node ceiling logs/s | chainwire logs/s | web3j, %d in flight, logs/s | web3j loop logs/s"
                            + " | chainwire ÷ ceiling | chainwire ÷ web3j | chainwire ÷ web3j loop |%n",
                    settings.concurrency());
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                long chainwire = round.chainwire().nanos();
                row(
                        out,
                        String.valueOf(i + 1),
                        round.ceiling().nanos(),
                        chainwire,
                        round.web3j().nanos(),
                        round.web3jLoop().nanos(),
                        (double) round.ceiling().nanos() / chainwire,
                        (double) round.web3j().nanos() / chainwire,
                        (double) round.web3jLoop().nanos() / chainwire);
            }
            // Each ratio's median is taken over the rounds' own ratios: the sides of a round ran back to back.
            row(
                    out,
                    "median",
                    median(r -> r.ceiling().nanos()),
                    median(r -> r.chainwire().nanos()),
                    median(r -> r.web3j().nanos()),
                    median(r -> r.web3jLoop().nanos()),
                    medianRatio(r -> r.ceiling().nanos()),
                    medianRatio(r -> r.web3j().nanos()),
                    medianRatio(r -> r.web3jLoop().nanos()));
            out.printf(
                    Locale.ROOT,
                    "client CPU per log, median (ns): ceiling %.0f, chainwire %.0f, web3j %.0f, web3j loop %.0f%n",
                    perLog(median(r -> r.ceiling().cpuNanos())),
                    perLog(median(r -> r.chainwire().cpuNanos())),
                    perLog(median(r -> r.web3j().cpuNanos())),
                    perLog(median(r -> r.web3jLoop().cpuNanos())));
            out.printf(
                    "ceiling bytes per round: %d (%.0f bytes per log)%n",
                    rounds.get(0).ceilingBytes(), (double) rounds.get(0).ceilingBytes() / logs.logs());
            out.println("child JVM (-Xmx" + settings.childHeap() + "): " + child);
        }

        private void row(
                PrintStream out,
                String name,
                long ceiling,
                long chainwire,
                long web3j,
                long web3jLoop,
                double ofCeiling,
                double timesWeb3j,
                double timesWeb3jLoop) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %.2f | %.1f× | %.1f× |%n",
                    name,
                    perSecond(ceiling),
                    perSecond(chainwire),
                    perSecond(web3j),
                    perSecond(web3jLoop),
                    ofCeiling,
                    timesWeb3j,
                    timesWeb3jLoop);
        }

        private double perLog(long nanos) {
            return (double) nanos / logs.logs();
        }

        private double perSecond(long nanos) {
            return logs.logs() * 1e9 / nanos;
        }

        /** Returns the median over the rounds of chainwire's speed relative to the side that took {@code time}. */
        private double medianRatio(java.util.function.ToLongFunction<Round> time) {
            double[] ratios = rounds.stream()
                    .mapToDouble(
                            r -> (double) time.applyAsLong(r) / r.chainwire().nanos())
                    .sorted()
                    .toArray();
            return ratios[ratios.length / 2];
        }

        private long median(java.util.function.ToLongFunction<Round> time) {
            long[] times = rounds.stream().mapToLong(time).sorted().toArray();
            return times[times.length / 2];
        }
    }

    /** Runs the harness and prints its report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        run(Settings.parse(args), System.out).print(System.out);
    }

    /** Runs the harness, printing progress to {@code progress}. */
    static Report run(Settings settings, PrintStream progress) throws Exception {
        try (Anvil anvil = Anvil.start();
                CheckpointStores stores = CheckpointStores.create(settings.store(), settings.postgres())) {
            if (settings.pin()) {
                pin(anvil.pid(), 0, progress);
                pin(ProcessHandle.current().pid(), 1, progress);
            }
            EmittedLogs logs = emit(anvil, settings.logs(), settings.perTx(), progress);
            NodeCeiling ceiling = new NodeCeiling();
            List<Round> rounds = new ArrayList<>();
            try (Web3jBackfill web3j = new Web3jBackfill(logs)) {
                for (int i = 1 - settings.warmup(); i <= settings.rounds(); i++) {
                    long[] bytes = new long[1];
                    Measured ceilingRun = Measured.of(() -> {
                        long start = System.nanoTime();
                        bytes[0] = ceiling.fetch(logs, settings.range(), settings.concurrency());
                        return System.nanoTime() - start;
                    });
                    String name = "round" + (i + settings.warmup());
                    Measured chainwire = Measured.of(() -> {
                        try (CheckpointStore store = stores.open(name)) {
                            return ChainwireBackfill.run(
                                    logs,
                                    settings.range(),
                                    settings.concurrency(),
                                    store,
                                    name,
                                    true,
                                    settings.verify());
                        }
                    });
                    Measured web3jRun =
                            Measured.of(() -> timeWeb3j(web3j, logs, settings.range(), settings.concurrency()));
                    Measured web3jLoop = Measured.of(() -> timeWeb3j(web3j, logs, settings.range(), 1));
                    Round round = new Round(ceilingRun, bytes[0], chainwire, web3jRun, web3jLoop);
                    progress.printf(
                            "%s %d: ceiling %d ms, chainwire %d ms, web3j %d ms, web3j loop %d ms%n",
                            i < 1 ? "warm-up round" : "round",
                            i < 1 ? i + settings.warmup() : i,
                            ceilingRun.nanos() / 1_000_000,
                            chainwire.nanos() / 1_000_000,
                            web3jRun.nanos() / 1_000_000,
                            web3jLoop.nanos() / 1_000_000);
                    if (i >= 1) {
                        rounds.add(round);
                    }
                }
            }
            return new Report(settings, logs, rounds, runChild(logs, settings));
        }
    }

    /**
     * Pins every thread of process {@code pid} (and threads it starts later) to CPU {@code cpu}, with Linux's taskset.
     */
    static void pin(long pid, int cpu, PrintStream progress) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder(
                        "taskset", "--all-tasks", "--pid", "--cpu-list", String.valueOf(cpu), String.valueOf(pid))
                .redirectErrorStream(true)
                .start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin process " + pid + " to CPU " + cpu + ": " + output);
        }
        progress.println("pinned process " + pid + " to CPU " + cpu);
    }

    private static long timeWeb3j(Web3jBackfill web3j, EmittedLogs logs, long range, int concurrency) throws Exception {
        long start = System.nanoTime();
        long decoded = web3j.run(logs, range, concurrency);
        long nanos = System.nanoTime() - start;
        if (decoded != logs.logs()) {
            throw new IllegalStateException("web3j decoded " + decoded + " logs of " + logs.logs());
        }
        return nanos;
    }

    /**
     * Emits {@code count} Transfer logs, {@code perTx} per transaction and block, and buries them below anvil's
     * finalized block and the stream's window of recent blocks.
     */
    static EmittedLogs emit(Anvil anvil, long count, int perTx, PrintStream progress) {
        TransferEmitter emitter = TransferEmitter.deploy(anvil);
        long transactions = count / perTx;
        long start = System.nanoTime();
        long first = -1;
        long last = -1;
        for (long i = 0; i < transactions; i++) {
            last = emitter.emit(perTx);
            if (first < 0) {
                first = last;
            }
        }
        anvil.mine(BURY_BLOCKS);
        progress.printf(
                "emitted %d logs in %d blocks in %d ms%n",
                count, last - first + 1, (System.nanoTime() - start) / 1_000_000);
        return new EmittedLogs(anvil.httpUrl(), emitter.address(), first, last, count);
    }

    /** Runs one chainwire backfill in a child JVM with the small heap; returns its output line. */
    private static String runChild(EmittedLogs logs, Settings settings) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + settings.childHeap(),
                "-cp",
                System.getProperty("java.class.path"),
                ChainwireBackfill.class.getName()));
        command.addAll(ChainwireBackfill.arguments(logs, settings.range(), settings.concurrency()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("the child JVM with -Xmx" + settings.childHeap() + " failed:\n" + output);
        }
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
