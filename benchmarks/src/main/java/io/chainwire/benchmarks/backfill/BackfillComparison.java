package io.chainwire.benchmarks.backfill;

import io.chainwire.testkit.Anvil;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Figure 3's guard on what a change costs: chainwire's backfill as another commit built it (that commit's
 * {@code benchmarks.jar}) and as this jar builds it, side by side in one run. Both back the same logs of the same node
 * in one JVM, each version in a class loader of its own, the two alternating which goes first in each round, so that
 * the node's drift and the JVM's state weigh on both alike. Each side is one run of {@link ChainwireBackfill#main} of
 * its version (a stream with a fresh SQLite store, until the handler saw every log and the stream is live), measured in
 * wall-clock time and in the CPU time the JVM used meanwhile.
 *
 * <p>Arguments as {@code name=value}: {@code before} (the other commit's {@code benchmarks.jar}, required),
 * {@code logs} (200000), {@code perTx} (250), {@code range} (40), {@code concurrency} (4), {@code warmup} (rounds not
 * reported; 5), {@code rounds} (7), {@code pin} ({@code false}; as figure 3's).
 */
public final class BackfillComparison {
    private static final List<String> OPTIONS =
            List.of("logs", "perTx", "range", "concurrency", "warmup", "rounds", "pin");

    private BackfillComparison() {}

    /** One version's backfill, loaded apart from every other. */
    private record Version(String name, Method main) {
        static Version load(String name, Path jar) throws Exception {
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            // DriverManager hands a class loader only the drivers it loaded: this version's SQLite driver
            // registers itself as it is initialised.
            Class.forName("org.sqlite.JDBC", true, loader);
            Method main = loader.loadClass(ChainwireBackfill.class.getName()).getMethod("main", String[].class);
            main.setAccessible(true);
            return new Version(name, main);
        }

        BackfillHarness.Measured run(String[] arguments) throws Exception {
            return BackfillHarness.Measured.of(() -> {
                long start = System.nanoTime();
                try {
                    main.invoke(null, (Object) arguments);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(name + "'s backfill failed", e.getCause());
                }
                return System.nanoTime() - start;
            });
        }
    }

    /** Runs the comparison and prints each round and the medians; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path before = null;
        List<String> harness = new ArrayList<>();
        for (String arg : args) {
            String name = arg.substring(0, Math.max(0, arg.indexOf('=')));
            if (name.equals("before")) {
                before = Path.of(arg.substring("before=".length()));
            } else if (OPTIONS.contains(name)) {
                harness.add(arg);
            } else {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + "; known: before, " + String.join(", ", OPTIONS));
            }
        }
        if (before == null || !Files.isRegularFile(before)) {
            throw new IllegalArgumentException("before=<the other commit's benchmarks.jar> is required, got " + before);
        }
        BackfillHarness.Settings settings = BackfillHarness.Settings.parse(harness.toArray(String[]::new));
        PrintStream out = System.out;
        Path now = Path.of(BackfillComparison.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Version> versions = List.of(Version.load("before", before), Version.load("now", now));
        try (Anvil anvil = Anvil.start()) {
            if (settings.pin()) {
                BackfillHarness.pin(anvil.pid(), 0, out);
                BackfillHarness.pin(ProcessHandle.current().pid(), 1, out);
            }
            EmittedLogs logs = BackfillHarness.emit(anvil, settings.logs(), settings.perTx(), out);
            String[] arguments = ChainwireBackfill.arguments(logs, settings.range(), settings.concurrency())
                    .toArray(String[]::new);
            List<BackfillHarness.Measured[]> rounds = new ArrayList<>();
            for (int i = 1 - settings.warmup(); i <= settings.rounds(); i++) {
                BackfillHarness.Measured[] round = new BackfillHarness.Measured[2];
                int first = Math.floorMod(i, 2);
                round[first] = versions.get(first).run(arguments);
                round[1 - first] = versions.get(1 - first).run(arguments);
                out.printf(
                        Locale.ROOT,
                        "%s %d: before %d ms, %.0f ns CPU per log; now %d ms, %.0f ns CPU per log%n",
                        i < 1 ? "warm-up round" : "round",
                        i < 1 ? i + settings.warmup() : i,
                        round[0].nanos() / 1_000_000,
                        (double) round[0].cpuNanos() / logs.logs(),
                        round[1].nanos() / 1_000_000,
                        (double) round[1].cpuNanos() / logs.logs());
                if (i >= 1) {
                    rounds.add(round);
                }
            }
            out.printf(
                    Locale.ROOT,
                    "%d rounds of %d logs; medians: before %.0f ms and %.0f ns CPU per log, now %.0f ms and"
                            + " %.0f ns CPU per log; now ÷ before, median of the rounds' ratios: wall %.3f, CPU %.3f%n",
                    rounds.size(),
                    logs.logs(),
                    median(rounds, r -> r[0].nanos() / 1e6),
                    median(rounds, r -> (double) r[0].cpuNanos() / logs.logs()),
                    median(rounds, r -> r[1].nanos() / 1e6),
                    median(rounds, r -> (double) r[1].cpuNanos() / logs.logs()),
                    median(rounds, r -> (double) r[1].nanos() / r[0].nanos()),
                    median(rounds, r -> (double) r[1].cpuNanos() / r[0].cpuNanos()));
        }
    }

    private static double median(
            List<BackfillHarness.Measured[]> rounds, ToDoubleFunction<BackfillHarness.Measured[]> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }
}
