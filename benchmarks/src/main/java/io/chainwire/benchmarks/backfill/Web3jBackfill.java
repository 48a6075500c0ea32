package io.chainwire.benchmarks.backfill;

import io.chainwire.benchmarks.decode.Web3jEvents;
import java.io.IOException;
import java.math.BigInteger;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.Contract;

/**
 * The web3j baseline: {@code web3j.ethGetLogs(filter).send()} per range on {@link HttpService}, then
 * {@link Contract#staticExtractEventParameters} per log, as web3j's generated wrappers decode. No checkpoints: web3j
 * has none.
 */
final class Web3jBackfill implements AutoCloseable {
    private final Web3j web3j;

    Web3jBackfill(EmittedLogs logs) {
        this.web3j = Web3j.build(new HttpService(logs.node().toString()));
    }

    /** Fetches and decodes every range; returns the number of decoded Transfer events. */
    long run(EmittedLogs logs, long rangeBlocks, int concurrency) throws Exception {
        return RangeFetcher.sum(logs.ranges(rangeBlocks), concurrency, (from, to) -> fetchRange(logs, from, to));
    }

    private long fetchRange(EmittedLogs logs, long from, long to) throws IOException {
        EthFilter filter = new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
                logs.contract().toString());
        // As web3j's generated wrappers filter for one event.
        filter.addSingleTopic(EventEncoder.encode(Web3jEvents.TRANSFER));
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs " + from + ".." + to + ": "
                    + response.getError().getMessage());
        }
        long decoded = 0;
        for (EthLog.LogResult<?> result : response.getLogs()) {
            EventValues values = Contract.staticExtractEventParameters(Web3jEvents.TRANSFER, (Log) result.get());
            if (values != null && !values.getNonIndexedValues().isEmpty()) {
                decoded++;
            }
        }
        return decoded;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
