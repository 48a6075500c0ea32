package io.chainwire.benchmarks.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.RawLog;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.web3j.abi.EventValues;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Runs every decode benchmark over each of its sample logs and checks that chainwire, web3j (both ways) and the
 * hand-written decoder return the same values, so that the benchmark compares like with like. Nothing here is timed.
 */
class DecodeBenchmarkTest {
    private static final Set<String> IMPLEMENTATIONS = Set.of("chainwire", "web3j", "web3jDecoder", "handwritten");

    private final DecodeBenchmark benchmark = new DecodeBenchmark();

    @Test
    void transferDecodersAgree() {
        assertAgree(
                DecodeBenchmark.TransferLogs::new,
                SampleLogs.transfers(),
                benchmark::transfer_chainwire,
                benchmark::transfer_handwritten,
                benchmark::transfer_web3j,
                benchmark::transfer_web3jDecoder,
                Web3jValues::transfer);
    }

    @Test
    void swapDecodersAgree() {
        assertAgree(
                DecodeBenchmark.SwapLogs::new,
                SampleLogs.swaps(),
                benchmark::swap_chainwire,
                benchmark::swap_handwritten,
                benchmark::swap_web3j,
                benchmark::swap_web3jDecoder,
                Web3jValues::swap);
    }

    @Test
    void transferBatchDecodersAgree() {
        assertAgree(
                DecodeBenchmark.TransferBatchLogs::new,
                SampleLogs.transferBatches(),
                benchmark::transferBatch_chainwire,
                benchmark::transferBatch_handwritten,
                benchmark::transferBatch_web3j,
                benchmark::transferBatch_web3jDecoder,
                Web3jValues::transferBatch);
    }

    @Test
    void batchSettledDecodersAgree() {
        assertAgree(
                DecodeBenchmark.BatchSettledLogs::new,
                SampleLogs.batchSettlements(),
                benchmark::batchSettled_chainwire,
                benchmark::batchSettled_handwritten,
                benchmark::batchSettled_web3j,
                benchmark::batchSettled_web3jDecoder,
                Web3jValues::batchSettled);
    }

    @Test
    void textChangedDecodersAgree() {
        assertAgree(
                DecodeBenchmark.TextChangedLogs::new,
                SampleLogs.textChanges(),
                benchmark::textChanged_chainwire,
                benchmark::textChanged_handwritten,
                benchmark::textChanged_web3j,
                benchmark::textChanged_web3jDecoder,
                Web3jValues::textChanged);
    }

    @Test
    void everyShapeIsBenchmarkedByEveryImplementation() {
        Map<String, Set<String>> implementations = new TreeMap<>();
        for (Method method : DecodeBenchmark.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                String[] parts = method.getName().split("_");
                assertEquals(2, parts.length, () -> method.getName() + " is not named <shape>_<impl>");
                assertTrue(
                        IMPLEMENTATIONS.contains(parts[1]),
                        () -> method.getName() + " names an unknown implementation");
                implementations
                        .computeIfAbsent(parts[0], shape -> new TreeSet<>())
                        .add(parts[1]);
            }
        }
        assertEquals(
                Set.of("transfer", "swap", "transferBatch", "batchSettled", "textChanged"), implementations.keySet());
        implementations.forEach((shape, found) -> assertEquals(IMPLEMENTATIONS, found, shape));
    }

    /**
     * Decodes every sample log with each implementation, in the order the benchmark cycles through them, and checks
     * that all give the same, pairwise different, values.
     */
    private static <S extends LogCycle, R> void assertAgree(
            Supplier<S> state,
            List<RawLog> logs,
            Function<S, R> chainwire,
            Function<S, R> handwritten,
            Function<S, EventValues> web3j,
            Function<S, EventValues> web3jDecoder,
            BiFunction<EventValues, Log, R> fromWeb3j) {
        List<R> expected = run(state.get(), chainwire);
        assertEquals(SampleLogs.COUNT, new HashSet<>(expected).size(), "the sample logs are all different");
        assertEquals(expected, run(state.get(), handwritten), "hand-written");
        List<Log> web3jLogs = logs.stream().map(Web3jEvents::log).toList();
        assertEquals(expected, converted(run(state.get(), web3j), web3jLogs, fromWeb3j), "web3j");
        assertEquals(expected, converted(run(state.get(), web3jDecoder), web3jLogs, fromWeb3j), "web3j decoder");
    }

    private static <S, T> List<T> run(S state, Function<S, T> benchmark) {
        List<T> results = new ArrayList<>();
        for (int i = 0; i < SampleLogs.COUNT; i++) {
            results.add(benchmark.apply(state));
        }
        return results;
    }

    private static <R> List<R> converted(
            List<EventValues> values, List<Log> logs, BiFunction<EventValues, Log, R> convert) {
        List<R> results = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            results.add(convert.apply(values.get(i), logs.get(i)));
        }
        return results;
    }
}
