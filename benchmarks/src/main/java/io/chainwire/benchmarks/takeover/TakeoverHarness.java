package io.chainwire.benchmarks.takeover;

import io.chainwire.benchmarks.stores.PostgresSchema;
import io.chainwire.benchmarks.transfers.TransferEmitter;
import io.chainwire.testkit.Anvil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Figure 6: how long a stream is without a leader when its leader goes. Two copies of one stream ({@link TakeoverCopy},
 * each a JVM of its own) share a checkpoint store while anvil mines a block with one {@code Transfer} event every few
 * milliseconds. The leader is stopped, either with SIGKILL (a crash: its lease must expire) or with SIGTERM (a clean
 * stop: it releases its lease), and the time from the old leader's last event to the new leader's first is measured,
 * from the wall-clock times the copies' handlers print (one host, one clock). A new copy is then started as the next
 * standby, and the next takeover waits until it stands by, then for a random 0 to one renewal period: a standby tries
 * to take the lease once per renewal period from its start, so stopping the leader right after the standby stood by
 * would always catch it a whole period before its next try.
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code takeovers} (per way of stopping; 20), {@code lease}
 * (milliseconds; 10000, the stream's default), {@code renew} (milliseconds; 3000, the default), {@code block}
 * (milliseconds between blocks; 50), {@code store} ({@code postgresql}, a schema of its own on {@code postgres}; or
 * {@code sqlite}, one file the copies share), {@code postgres} (a JDBC URL with credentials; the machine's PostgreSQL).
 */
public final class TakeoverHarness {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final long SEED = 42;

    private TakeoverHarness() {}

    /** The harness's settings. */
    record Settings(
            int takeovers, Duration lease, Duration renew, Duration block, boolean postgresql, String postgres) {
        static Settings parse(String... args) {
            int takeovers = 20;
            long lease = 10_000;
            long renew = 3_000;
            long block = 50;
            boolean postgresql = true;
            String postgres = PostgresSchema.LOCAL;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("expected name=value, got " + arg);
                }
                switch (pair[0]) {
                    case "takeovers" -> takeovers = Integer.parseInt(pair[1]);
                    case "lease" -> lease = Long.parseLong(pair[1]);
                    case "renew" -> renew = Long.parseLong(pair[1]);
                    case "block" -> block = Long.parseLong(pair[1]);
                    case "postgres" -> postgres = pair[1];
                    case "store" ->
                        postgresql = switch (pair[1]) {
                            case "postgresql" -> true;
                            case "sqlite" -> false;
                            default ->
                                throw new IllegalArgumentException(
                                        "store must be postgresql or sqlite, got " + pair[1]);
                        };
                    default ->
                        throw new IllegalArgumentException("unknown argument " + pair[0]
                                + "; known: takeovers, lease, renew, block, store, postgres");
                }
            }
            if (takeovers < 1 || block < 1) {
                throw new IllegalArgumentException(
                        "takeovers and block must be positive, got takeovers=" + takeovers + ", block=" + block);
            }
            return new Settings(
                    takeovers,
                    Duration.ofMillis(lease),
                    Duration.ofMillis(renew),
                    Duration.ofMillis(block),
                    postgresql,
                    postgres);
        }
    }

    /** How the leader is stopped. */
    enum Stop {
        /** SIGKILL: the lease expires before a standby can take it. */
        KILL,
        /** SIGTERM: the stream closes and releases its lease. */
        CLEAN
    }

    /**
     * The takeovers of one way of stopping the leader.
     *
     * @param gapMicros for each takeover, the old leader's last event to the new leader's first
     */
    record Takeovers(Stop stop, long[] gapMicros) {
        /** Returns the {@code percent} percentile (nearest rank) in milliseconds. */
        double percentile(double percent) {
            long[] sorted = gapMicros.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e3;
        }
    }

    /** Runs the harness and prints its table; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        print(settings, run(settings, System.out), System.out);
    }

    /** Prints one row per way of stopping the leader. */
    static void print(Settings settings, List<Takeovers> results, PrintStream out) {
        out.printf(
                "%s store, lease %d ms renewed every %d ms, a block every %d ms%n",
                settings.postgresql() ? "PostgreSQL" : "SQLite",
                settings.lease().toMillis(),
                settings.renew().toMillis(),
                settings.block().toMillis());
        out.println("| leader stopped by | takeovers | min ms | p50 ms | p90 ms | max ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Takeovers takeovers : results) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n",
                    takeovers.stop() == Stop.KILL ? "SIGKILL" : "SIGTERM (clean)",
                    takeovers.gapMicros().length,
                    takeovers.percentile(0),
                    takeovers.percentile(50),
                    takeovers.percentile(90),
                    takeovers.percentile(100));
        }
    }

    /** Measures the takeovers after SIGKILL, then after SIGTERM, printing each to {@code progress}. */
    static List<Takeovers> run(Settings settings, PrintStream progress) throws Exception {
        Path directory = Files.createTempDirectory("chainwire-takeover");
        try (Anvil anvil = Anvil.start();
                PostgresSchema schema =
                        settings.postgresql() ? PostgresSchema.create(settings.postgres(), "takeover") : null) {
            TransferEmitter emitter = TransferEmitter.deploy(anvil);
            String store = schema != null
                    ? schema.url()
                    : directory.resolve("takeover.db").toString();
            List<String> copyArgs = List.of(
                    anvil.wsUrl().toString(),
                    emitter.address().toString(),
                    store,
                    Long.toString(settings.lease().toMillis()),
                    Long.toString(settings.renew().toMillis()));
            AtomicBoolean mining = new AtomicBoolean(true);
            Thread miner = new Thread(
                    () -> {
                        while (mining.get()) {
                            emitter.emit(1);
                            sleep(settings.block());
                        }
                    },
                    "takeover-miner");
            miner.start();
            List<Copy> copies = new ArrayList<>();
            try {
                Copy leader = Copy.start(copyArgs, copies);
                leader.await("role LEADER");
                Copy standby = Copy.start(copyArgs, copies);
                standby.await("state STANDBY");
                SplittableRandom random = new SplittableRandom(SEED);
                List<Takeovers> results = new ArrayList<>();
                for (Stop stop : Stop.values()) {
                    long[] gaps = new long[settings.takeovers()];
                    for (int i = 0; i < gaps.length; i++) {
                        Thread.sleep(random.nextLong(settings.renew().toMillis() + 1));
                        leader.stop(stop);
                        long first = standby.awaitEvent();
                        gaps[i] = first - leader.lastEventMicros();
                        progress.printf(Locale.ROOT, "%s %d: %.1f ms%n", stop, i + 1, gaps[i] / 1e3);
                        leader = standby;
                        standby = Copy.start(copyArgs, copies);
                        standby.await("state STANDBY");
                    }
                    results.add(new Takeovers(stop, gaps));
                }
                return results;
            } finally {
                mining.set(false);
                miner.join(WAIT.toMillis());
                for (Copy copy : copies) {
                    copy.process.destroyForcibly();
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A copy's JVM and the lines it printed, read by a thread of its own. */
    private static final class Copy {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile long lastEventMicros = -1;

        private Copy(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "takeover-copy-" + process.pid());
            reader.start();
        }

        static Copy start(List<String> args, List<Copy> started) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(
                    List.of(java, "-cp", System.getProperty("java.class.path"), TakeoverCopy.class.getName()));
            command.addAll(args);
            Copy copy = new Copy(new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
            started.add(copy);
            return copy;
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event ")) {
                        lastEventMicros = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("closed: " + e);
            }
        }

        /** Waits for a line starting with {@code prefix}. */
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException("copy " + process.pid() + " printed no \"" + prefix + "\" within "
                            + WAIT + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** Waits for the copy's next event and returns its time in microseconds. */
        long awaitEvent() throws InterruptedException {
            String line = await("event ");
            return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }

        long lastEventMicros() {
            return lastEventMicros;
        }

        /** Stops the JVM and waits until it has exited and its output is read. */
        void stop(Stop stop) throws InterruptedException {
            if (stop == Stop.KILL) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("copy " + process.pid() + " did not exit within " + WAIT);
            }
            reader.join(WAIT.toMillis());
        }
    }
}
