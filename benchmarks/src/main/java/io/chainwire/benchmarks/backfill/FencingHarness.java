package io.chainwire.benchmarks.backfill;

import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.testkit.Anvil;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 6, fencing: what fencing costs a backfill. The backfill of figure 3 (the same emitted logs, the same stream
 * settings, a handler that counts) runs in rounds, once with fencing on (the default: each unit of work commits through
 * a conditional update naming its lease epoch and the head it began from, and on PostgreSQL sets its lock and idle
 * timeouts) and once with {@code fencing(false)} (a plain update of the head), each on a fresh checkpoint store,
 * alternating which goes first. The lease is taken either way. Warm-up rounds run first and are not reported.
 *
 * <p>Arguments: those of {@link BackfillHarness} ({@code logs}, {@code perTx}, {@code range}, {@code concurrency},
 * {@code warmup}, {@code rounds}, {@code store}, {@code postgres}, {@code verify}) with the same defaults;
 * {@code childHeap} and {@code pin} do not apply.
 */
public final class FencingHarness {
    private FencingHarness() {}

    /** One round: the backfill's nanoseconds with fencing on and off. */
    record Round(long fencedNanos, long unfencedNanos) {
        double ratio() {
            return (double) fencedNanos / unfencedNanos;
        }
    }

    /** Runs the harness and prints its report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        BackfillHarness.Settings settings = BackfillHarness.Settings.parse(args);
        List<Round> rounds = new ArrayList<>();
        EmittedLogs logs = run(settings, rounds, System.out);
        print(settings, logs, rounds, System.out);
    }

    /** Prints the rounds and their medians. */
    static void print(BackfillHarness.Settings settings, EmittedLogs logs, List<Round> rounds, PrintStream out) {
        long blocks = logs.lastBlock() - logs.firstBlock() + 1;
        long units = (blocks + settings.range() - 1) / settings.range();
        out.printf(
                "%d Transfer logs in %d blocks, ranges of %d blocks (%d units of work), %d in flight, %s checkpoints%n",
                logs.logs(),
                blocks,
                settings.range(),
                units,
                settings.concurrency(),
                settings.store().title());
        out.println("| round | fencing on ms | fencing off ms | on ÷ off |");
        out.println("|---|---:|---:|---:|");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            out.printf(
                    Locale.ROOT,
                    "| %d | %.0f | %.0f | %.3f |%n",
                    i + 1,
                    round.fencedNanos() / 1e6,
                    round.unfencedNanos() / 1e6,
                    round.ratio());
        }
        out.printf(
                Locale.ROOT,
                "| median | %.0f | %.0f | %.3f |%n",
                median(rounds, Round::fencedNanos) / 1e6,
                median(rounds, Round::unfencedNanos) / 1e6,
                rounds.stream().mapToDouble(Round::ratio).sorted().toArray()[rounds.size() / 2]);
        double[] perUnit = rounds.stream()
                .mapToDouble(round -> (round.fencedNanos() - round.unfencedNanos()) / 1e3 / units)
                .sorted()
                .toArray();
        out.printf(
                Locale.ROOT,
                "fencing on minus off per unit of work (µs): median %.0f, quartiles %.0f to %.0f%n",
                perUnit[perUnit.length / 2],
                perUnit[perUnit.length / 4],
                perUnit[perUnit.length * 3 / 4]);
    }

    private static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> time) {
        return rounds.stream().mapToLong(time).sorted().toArray()[rounds.size() / 2];
    }

    /** Emits the logs, then runs the rounds into {@code rounds}, printing progress; returns the logs. */
    static EmittedLogs run(BackfillHarness.Settings settings, List<Round> rounds, PrintStream progress)
            throws Exception {
        try (Anvil anvil = Anvil.start();
                CheckpointStores stores = CheckpointStores.create(settings.store(), settings.postgres())) {
            EmittedLogs logs = BackfillHarness.emit(anvil, settings.logs(), settings.perTx(), progress);
            for (int i = 1 - settings.warmup(); i <= settings.rounds(); i++) {
                long[] nanos = new long[2];
                // Alternating the order cancels a drift of the node or the database across a round.
                boolean fencedFirst = Math.floorMod(i, 2) == 0;
                for (boolean fenced : new boolean[] {fencedFirst, !fencedFirst}) {
                    String name = "round" + (i + settings.warmup()) + (fenced ? "_fenced" : "_unfenced");
                    try (CheckpointStore store = stores.open(name)) {
                        nanos[fenced ? 0 : 1] = ChainwireBackfill.run(
                                logs, settings.range(), settings.concurrency(), store, name, fenced, settings.verify());
                    }
                }
                Round round = new Round(nanos[0], nanos[1]);
                progress.printf(
                        Locale.ROOT,
                        "%s %d: fencing on %d ms, off %d ms%n",
                        i < 1 ? "warm-up round" : "round",
                        i < 1 ? i + settings.warmup() : i,
                        round.fencedNanos() / 1_000_000,
                        round.unfencedNanos() / 1_000_000);
                if (i >= 1) {
                    rounds.add(round);
                }
            }
            return logs;
        }
    }
}
