package io.chainwire.benchmarks.decode;

import io.chainwire.benchmarks.contracts.Erc1155;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.contracts.PublicResolver;
import io.chainwire.benchmarks.contracts.Settlement;
import io.chainwire.benchmarks.contracts.UniswapV3Pool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.abi.EventValues;
import org.web3j.tx.Contract;

/**
 * Decoding one log into typed values, per event shape and implementation. Methods are named {@code <shape>_<impl>}:
 *
 * <ul>
 *   <li>{@code chainwire}: the generated record's {@code decode(RawLog)};
 *   <li>{@code web3j}: {@link Contract#staticExtractEventParameters}, what web3j's generated wrappers call for every
 *       log, over the same log as web3j's JSON client parses it;
 *   <li>{@code web3jDecoder}: web3j's {@code FunctionReturnDecoder} called directly, with topic 0 hashed once instead
 *       of per call ({@link Web3jEvents#decode});
 *   <li>{@code handwritten}: a straight-line decoder written for the one event ({@link HandwrittenDecoders}).
 * </ul>
 *
 * <p>Each call decodes the next of {@link SampleLogs#COUNT} different logs; the result is returned, so JMH sinks it
 * into a blackhole. Logs are built in the state objects, outside measurement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecodeBenchmark {
    private static final String TRANSFER = Web3jEvents.topic0(Web3jEvents.TRANSFER);
    private static final String SWAP = Web3jEvents.topic0(Web3jEvents.SWAP);
    private static final String TRANSFER_BATCH = Web3jEvents.topic0(Web3jEvents.TRANSFER_BATCH);
    private static final String BATCH_SETTLED = Web3jEvents.topic0(Web3jEvents.BATCH_SETTLED);
    private static final String TEXT_CHANGED = Web3jEvents.topic0(Web3jEvents.TEXT_CHANGED);

    /** ERC-20 {@code Transfer} logs: two indexed addresses and one word of data. */
    @State(Scope.Thread)
    public static class TransferLogs extends LogCycle {
        /** Builds the logs. */
        public TransferLogs() {
            super(SampleLogs.transfers());
        }
    }

    /** Uniswap V3 {@code Swap} logs: two indexed addresses and five words of signed and narrow integers. */
    @State(Scope.Thread)
    public static class SwapLogs extends LogCycle {
        /** Builds the logs. */
        public SwapLogs() {
            super(SampleLogs.swaps());
        }
    }

    /** ERC-1155 {@code TransferBatch} logs: three indexed addresses and two dynamic {@code uint256[]}. */
    @State(Scope.Thread)
    public static class TransferBatchLogs extends LogCycle {
        /** Builds the logs. */
        public TransferBatchLogs() {
            super(SampleLogs.transferBatches());
        }
    }

    /** {@code BatchSettled} logs: an array of structs that each hold an array of structs. */
    @State(Scope.Thread)
    public static class BatchSettledLogs extends LogCycle {
        /** Builds the logs. */
        public BatchSettledLogs() {
            super(SampleLogs.batchSettlements());
        }
    }

    /** ENS {@code TextChanged} logs: an indexed string's hash and two strings. */
    @State(Scope.Thread)
    public static class TextChangedLogs extends LogCycle {
        /** Builds the logs. */
        public TextChangedLogs() {
            super(SampleLogs.textChanges());
        }
    }

    @Benchmark
    public Erc20.Transfer transfer_chainwire(TransferLogs logs) {
        return Erc20.Transfer.decode(logs.nextRaw());
    }

    @Benchmark
    public EventValues transfer_web3j(TransferLogs logs) {
        return Contract.staticExtractEventParameters(Web3jEvents.TRANSFER, logs.nextWeb3j());
    }

    @Benchmark
    public EventValues transfer_web3jDecoder(TransferLogs logs) {
        return Web3jEvents.decode(Web3jEvents.TRANSFER, TRANSFER, logs.nextWeb3j());
    }

    @Benchmark
    public Erc20.Transfer transfer_handwritten(TransferLogs logs) {
        return HandwrittenDecoders.transfer(logs.nextRaw());
    }

    @Benchmark
    public UniswapV3Pool.Swap swap_chainwire(SwapLogs logs) {
        return UniswapV3Pool.Swap.decode(logs.nextRaw());
    }

    @Benchmark
    public EventValues swap_web3j(SwapLogs logs) {
        return Contract.staticExtractEventParameters(Web3jEvents.SWAP, logs.nextWeb3j());
    }

    @Benchmark
    public EventValues swap_web3jDecoder(SwapLogs logs) {
        return Web3jEvents.decode(Web3jEvents.SWAP, SWAP, logs.nextWeb3j());
    }

    @Benchmark
    public UniswapV3Pool.Swap swap_handwritten(SwapLogs logs) {
        return HandwrittenDecoders.swap(logs.nextRaw());
    }

    @Benchmark
    public Erc1155.TransferBatch transferBatch_chainwire(TransferBatchLogs logs) {
        return Erc1155.TransferBatch.decode(logs.nextRaw());
    }

    @Benchmark
    public EventValues transferBatch_web3j(TransferBatchLogs logs) {
        return Contract.staticExtractEventParameters(Web3jEvents.TRANSFER_BATCH, logs.nextWeb3j());
    }

    @Benchmark
    public EventValues transferBatch_web3jDecoder(TransferBatchLogs logs) {
        return Web3jEvents.decode(Web3jEvents.TRANSFER_BATCH, TRANSFER_BATCH, logs.nextWeb3j());
    }

    @Benchmark
    public Erc1155.TransferBatch transferBatch_handwritten(TransferBatchLogs logs) {
        return HandwrittenDecoders.transferBatch(logs.nextRaw());
    }

    @Benchmark
    public Settlement.BatchSettled batchSettled_chainwire(BatchSettledLogs logs) {
        return Settlement.BatchSettled.decode(logs.nextRaw());
    }

    @Benchmark
    public EventValues batchSettled_web3j(BatchSettledLogs logs) {
        return Contract.staticExtractEventParameters(Web3jEvents.BATCH_SETTLED, logs.nextWeb3j());
    }

    @Benchmark
    public EventValues batchSettled_web3jDecoder(BatchSettledLogs logs) {
        return Web3jEvents.decode(Web3jEvents.BATCH_SETTLED, BATCH_SETTLED, logs.nextWeb3j());
    }

    @Benchmark
    public Settlement.BatchSettled batchSettled_handwritten(BatchSettledLogs logs) {
        return HandwrittenDecoders.batchSettled(logs.nextRaw());
    }

    @Benchmark
    public PublicResolver.TextChanged textChanged_chainwire(TextChangedLogs logs) {
        return PublicResolver.TextChanged.decode(logs.nextRaw());
    }

    @Benchmark
    public EventValues textChanged_web3j(TextChangedLogs logs) {
        return Contract.staticExtractEventParameters(Web3jEvents.TEXT_CHANGED, logs.nextWeb3j());
    }

    @Benchmark
    public EventValues textChanged_web3jDecoder(TextChangedLogs logs) {
        return Web3jEvents.decode(Web3jEvents.TEXT_CHANGED, TEXT_CHANGED, logs.nextWeb3j());
    }

    @Benchmark
    public PublicResolver.TextChanged textChanged_handwritten(TextChangedLogs logs) {
        return HandwrittenDecoders.textChanged(logs.nextRaw());
    }
}
