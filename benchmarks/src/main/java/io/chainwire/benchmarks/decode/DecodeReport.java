package io.chainwire.benchmarks.decode;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every {@link DecodeBenchmark} with JMH's allocation profiler and prints the ratio tables of BENCHMARKS.md,
 * computed from that one run. Arguments are JMH's own command-line options (forks, iterations, {@code -rf json -rff
 * file} to keep the raw results), applied on top of the defaults declared on {@link DecodeBenchmark}.
 */
public final class DecodeReport {
    private DecodeReport() {}

    /** Runs the decode benchmarks and prints the tables. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine)
                .include(DecodeBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class);
        RatioTable table = new RatioTable();
        for (RunResult run : new Runner(options.build()).run()) {
            String method = run.getParams().getBenchmark();
            String[] name = method.substring(method.lastIndexOf('.') + 1).split("_");
            Result<?> time = run.getPrimaryResult();
            Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            table.add(
                    name[0],
                    name[1],
                    new RatioTable.Result(
                            time.getScore(),
                            time.getScoreError(),
                            allocation == null ? Double.NaN : allocation.getScore()));
        }
        System.out.println();
        System.out.print(table.markdown());
    }
}
