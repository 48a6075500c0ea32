package io.chainwire.benchmarks.decode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decode results of one run as BENCHMARKS.md shows them: time and allocation per decode for each shape and
 * implementation, and the ratios the targets are stated in, all from the same run.
 */
final class RatioTable {
    /** The shapes in table order, with the speed-up over web3j each must reach (0: no target). */
    private static final Map<String, Integer> TARGETS = orderedTargets();

    private final Map<String, Result> results = new HashMap<>();

    /** One benchmark's outcome: mean time with its 99.9 % error, and bytes allocated per decode. */
    record Result(double nanos, double error, double bytes) {}

    /** Records the result of benchmark {@code <shape>_<implementation>}. */
    void add(String shape, String implementation, Result result) {
        results.put(shape + "_" + implementation, result);
    }

    /** Returns the two Markdown tables: times and ratios, then allocation. */
    String markdown() {
        StringBuilder out = new StringBuilder()
                .append("| shape | chainwire ns | hand-written ns | web3j ns | web3j decoder ns"
                        + " | web3j ÷ chainwire | web3j decoder ÷ chainwire | chainwire ÷ hand-written | target |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Integer> shape : TARGETS.entrySet()) {
            Result chainwire = result(shape.getKey(), "chainwire");
            Result handwritten = result(shape.getKey(), "handwritten");
            Result web3j = result(shape.getKey(), "web3j");
            Result decoder = result(shape.getKey(), "web3jDecoder");
            double speedUp = web3j.nanos() / chainwire.nanos();
            double overhead = chainwire.nanos() / handwritten.nanos();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %.0f× | %.0f× | %.2f | %s |%n",
                    shape.getKey(),
                    time(chainwire),
                    time(handwritten),
                    time(web3j),
                    time(decoder),
                    speedUp,
                    decoder.nanos() / chainwire.nanos(),
                    overhead,
                    verdict(shape.getValue(), speedUp, overhead)));
        }
        out.append("\n| shape | chainwire B/op | hand-written B/op | web3j B/op | web3j decoder B/op |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (String shape : TARGETS.keySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %.0f |%n",
                    shape,
                    result(shape, "chainwire").bytes(),
                    result(shape, "handwritten").bytes(),
                    result(shape, "web3j").bytes(),
                    result(shape, "web3jDecoder").bytes()));
        }
        return out.toString();
    }

    private Result result(String shape, String implementation) {
        Result result = results.get(shape + "_" + implementation);
        if (result == null) {
            throw new IllegalStateException("no result for " + shape + "_" + implementation
                    + ": run every DecodeBenchmark method, with -prof gc");
        }
        return result;
    }

    /** Formats a mean time and its error; a run of one iteration has no error. */
    private static String time(Result result) {
        String format = result.nanos() < 1000 ? "%.1f" : "%.0f";
        String mean = String.format(Locale.ROOT, format, result.nanos());
        return Double.isNaN(result.error()) ? mean : mean + " ± " + String.format(Locale.ROOT, format, result.error());
    }

    private static String verdict(int target, double speedUp, double overhead) {
        List<String> goals = new ArrayList<>();
        if (target > 0) {
            goals.add("≥" + target + "× web3j " + (speedUp >= target ? "met" : "missed"));
        }
        goals.add("≤1.5 hand-written " + (overhead <= 1.5 ? "met" : "missed"));
        return String.join(", ", goals);
    }

    private static Map<String, Integer> orderedTargets() {
        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("transfer", 100);
        targets.put("swap", 0);
        targets.put("transferBatch", 30);
        targets.put("batchSettled", 30);
        targets.put("textChanged", 30);
        return targets;
    }
}
