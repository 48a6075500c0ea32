package io.chainwire.benchmarks.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwire.abi.RawLog;
import io.chainwire.benchmarks.contracts.Erc20;
import io.chainwire.benchmarks.decode.Web3jEvents;
import io.chainwire.benchmarks.transfers.TransferHandler;
import io.chainwire.benchmarks.transfers.TransferHandlerDispatcher;
import io.chainwire.handler.EventContext;
import io.chainwire.handler.EventDispatcher;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.internal.JsonReader;
import io.chainwire.rpc.internal.LogsParser;
import io.chainwire.rpc.internal.Params;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.abi.EventValues;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.Contract;

/**
 * The bytes of one {@code eth_getLogs} response with {@value #LOGS} ERC-20 {@code Transfer} logs
 * ({@link TransferLogsResponse}) to typed events handed to a handler, in one thread. Throughput is reported per log:
 * JMH's {@code ops/s} are Transfer logs per second.
 *
 * <ul>
 *   <li>{@code ingest_chainwire}: the runtime's streaming response reader, as its HTTP client calls it on the response
 *       body (the internal {@link ResponseReader} with the {@code eth_getLogs} result reader, which parses each log
 *       straight into a {@link RawLog}), then the generated {@code TransferHandlerDispatcher} per log, as the stream
 *       engine calls it.
 *   <li>{@code ingest_web3j}: what web3j's {@code HttpService} does with the same body (its {@link ObjectMapperFactory}
 *       mapper into {@link EthLog}), then {@link Contract#staticExtractEventParameters} per log, as web3j's generated
 *       wrappers do.
 * </ul>
 *
 * <p>Both handlers keep the last event in a field and count, so neither decode can be optimised away; the count is
 * returned for JMH to sink.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IngestBenchmark {
    /** Logs in the benchmarked response. */
    public static final int LOGS = 10_000;

    private static final RpcEndpoint ENDPOINT = RpcEndpoint.of("http://127.0.0.1:8545");
    private static final long REQUEST_ID = 1;
    // What RpcRequest.getLogs holds; its accessor is package-private, so the call is built the same way.
    private static final RpcCall<List<RawLog>> GET_LOGS = new RpcCall<>(
            "eth_getLogs",
            Params.logs(LogFilter.builder().fromBlock(0).toBlock(0).build()),
            LogsParser.LOGS);
    private static final ObjectMapper WEB3J_MAPPER = ObjectMapperFactory.getObjectMapper();

    /** The response bytes and both handlers. */
    @State(Scope.Thread)
    public static class Response {
        /** How many logs {@link #setUp()} writes; the smoke test lowers it. */
        int logs = LOGS;

        byte[] body;
        final Sink chainwire = new Sink();
        final EventDispatcher dispatcher = new TransferHandlerDispatcher(chainwire);
        EventValues web3jLast;

        /** Writes the response. */
        @Setup(Level.Trial)
        public void setUp() {
            body = TransferLogsResponse.of(logs);
        }
    }

    /** Parses the response with chainwire and dispatches each log; returns the number handled. */
    @Benchmark
    @OperationsPerInvocation(LOGS)
    public long ingest_chainwire(Response response) throws IOException {
        List<RawLog> logs = ResponseReader.single(
                JsonReader.of(new ByteArrayInputStream(response.body)), ENDPOINT, REQUEST_ID, GET_LOGS);
        long handled = 0;
        for (RawLog log : logs) {
            if (response.dispatcher.dispatch(log, EventContext.of(log.meta()))) {
                handled++;
            }
        }
        return handled;
    }

    /** Maps the response with web3j's Jackson mapper and decodes each log; returns the number handled. */
    @Benchmark
    @OperationsPerInvocation(LOGS)
    public long ingest_web3j(Response response) throws IOException {
        EthLog ethLog = WEB3J_MAPPER.readValue(new ByteArrayInputStream(response.body), EthLog.class);
        long handled = 0;
        for (EthLog.LogResult<?> result : ethLog.getLogs()) {
            EventValues values = Contract.staticExtractEventParameters(Web3jEvents.TRANSFER, (Log) result.get());
            if (values != null) {
                response.web3jLast = values;
                handled++;
            }
        }
        return handled;
    }

    /** The chainwire handler: keeps the last event and counts. */
    static final class Sink implements TransferHandler {
        Erc20.Transfer last;
        long count;

        @Override
        public void onTransfer(Erc20.Transfer event, EventContext context) {
            last = event;
            count++;
        }
    }
}
