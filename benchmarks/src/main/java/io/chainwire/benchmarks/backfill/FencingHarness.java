package io.chainwire.benchmarks.backfill;

import io.chainwire.benchmarks.stores.PostgresSchema;
import io.chainwire.checkpoint.CheckpointStore;
import io.chainwire.checkpoint.JdbcCheckpointStore;
import io.chainwire.checkpoint.SqliteCheckpointStore;
import io.chainwire.testkit.Anvil;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 6, fencing: what fencing costs a backfill. The backfill of figure 3 (the same emitted logs,
 * the same stream settings, a handler that counts) runs in rounds, once with fencing on (the
 * default: each unit of work commits through a conditional update naming its lease epoch and the
 * head it began from, and on PostgreSQL sets its lock and idle timeouts) and once with {@code
 * fencing(false)} (a plain update of the head), each on a fresh checkpoint store, alternating which
 * goes first. The lease is taken either way. Warm-up rounds run first and are not reported.
 *
 * <p>Arguments, all optional, as {@code name=value}: {@code logs} (200000), {@code perTx} (250),
 * {@code range} (40), {@code concurrency} (4), {@code warmup} (3), {@code rounds} (7), {@code
 * store} ({@code sqlite}, or {@code postgresql} in a schema of its own on {@code postgres}), {@code
 * postgres} (a JDBC URL with credentials; the machine's PostgreSQL).
 */
public final class FencingHarness {
  private FencingHarness() {}

  /** The harness's settings. */
  record Settings(long logs, int perTx, long range, int concurrency, int warmup, int rounds, boolean postgresql,
      String postgres) {
    static Settings parse(String... args) {
      long logs = 200_000;
      int perTx = 250;
      long range = 40;
      int concurrency = 4;
      int warmup = 3;
      int rounds = 7;
      boolean postgresql = false;
      String postgres = PostgresSchema.LOCAL;
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
          case "postgres" -> postgres = pair[1];
          case "store" -> postgresql = switch (pair[1]) {
            case "sqlite" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalArgumentException("store must be sqlite or postgresql, got " + pair[1]);
          };
          default -> throw new IllegalArgumentException(
              "unknown argument " + pair[0] + "; known: logs, perTx, range, concurrency, warmup, rounds, store, postgres");
        }
      }
      if (logs < perTx || logs % perTx != 0) {
        throw new IllegalArgumentException("logs must be a positive multiple of perTx " + perTx + ", got " + logs);
      }
      if (warmup < 0 || rounds < 1) {
        throw new IllegalArgumentException("warmup must not be negative and rounds must be positive");
      }
      return new Settings(logs, perTx, range, concurrency, warmup, rounds, postgresql, postgres);
    }
  }

  /** One round: the backfill's nanoseconds with fencing on and off. */
  record Round(long fencedNanos, long unfencedNanos) {
    double ratio() {
      return (double) fencedNanos / unfencedNanos;
    }
  }

  /** Runs the harness and prints its report; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    List<Round> rounds = new ArrayList<>();
    EmittedLogs logs = run(settings, rounds, System.out);
    print(settings, logs, rounds, System.out);
  }

  /** Prints the rounds and their medians. */
  static void print(Settings settings, EmittedLogs logs, List<Round> rounds, PrintStream out) {
    long blocks = logs.lastBlock() - logs.firstBlock() + 1;
    out.printf("%d Transfer logs in %d blocks, ranges of %d blocks (%d units of work), %d in flight, %s checkpoints%n",
        logs.logs(), blocks, settings.range(), (blocks + settings.range() - 1) / settings.range(), settings.concurrency(),
        settings.postgresql() ? "PostgreSQL" : "SQLite");
    out.println("| round | fencing on ms | fencing off ms | on ÷ off |");
    out.println("|---|---:|---:|---:|");
    for (int i = 0; i < rounds.size(); i++) {
      Round round = rounds.get(i);
      out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.3f |%n", i + 1, round.fencedNanos() / 1e6, round.unfencedNanos() / 1e6,
          round.ratio());
    }
    out.printf(Locale.ROOT, "| median | %.0f | %.0f | %.3f |%n", median(rounds, Round::fencedNanos) / 1e6,
        median(rounds, Round::unfencedNanos) / 1e6,
        rounds.stream().mapToDouble(Round::ratio).sorted().toArray()[rounds.size() / 2]);
  }

  private static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> time) {
    return rounds.stream().mapToLong(time).sorted().toArray()[rounds.size() / 2];
  }

  /** Emits the logs, then runs the rounds into {@code rounds}, printing progress; returns the logs. */
  static EmittedLogs run(Settings settings, List<Round> rounds, PrintStream progress) throws Exception {
    Path directory = Files.createTempDirectory("chainwire-fencing");
    try (Anvil anvil = Anvil.start();
        PostgresSchema schema = settings.postgresql() ? PostgresSchema.create(settings.postgres(), "fencing") : null) {
      EmittedLogs logs = BackfillHarness.emit(anvil, settings.logs(), settings.perTx(), progress);
      for (int i = 1 - settings.warmup(); i <= settings.rounds(); i++) {
        long[] nanos = new long[2];
        // Alternating the order cancels a drift of the node or the database across a round.
        boolean fencedFirst = Math.floorMod(i, 2) == 0;
        for (boolean fenced : new boolean[] {fencedFirst, !fencedFirst}) {
          String name = "round" + (i + settings.warmup()) + (fenced ? "_fenced" : "_unfenced");
          try (CheckpointStore store = schema != null
              ? JdbcCheckpointStore.builder().url(schema.url()).tablePrefix(name + "_").build()
              : SqliteCheckpointStore.builder(directory.resolve(name + ".db")).build()) {
            nanos[fenced ? 0 : 1] =
                ChainwireBackfill.run(logs, settings.range(), settings.concurrency(), store, name, fenced);
          }
        }
        Round round = new Round(nanos[0], nanos[1]);
        progress.printf(Locale.ROOT, "%s %d: fencing on %d ms, off %d ms%n", i < 1 ? "warm-up round" : "round",
            i < 1 ? i + settings.warmup() : i, round.fencedNanos() / 1_000_000, round.unfencedNanos() / 1_000_000);
        if (i >= 1) {
          rounds.add(round);
        }
      }
      return logs;
    }
  }
}
