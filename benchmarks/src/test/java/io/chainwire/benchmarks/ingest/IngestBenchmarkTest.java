package io.chainwire.benchmarks.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

/** Runs each ingest benchmark once on a small response; nothing here is timed. */
class IngestBenchmarkTest {
    private static final int LOGS = 57;

    private final IngestBenchmark benchmark = new IngestBenchmark();

    @Test
    void theResponseIsTheSameForTheSameCount() {
        assertArrayEquals(TransferLogsResponse.of(LOGS), TransferLogsResponse.of(LOGS));
    }

    @Test
    void chainwireAndWeb3jHandleEveryLogAndAgreeOnTheLastEvent() throws Exception {
        IngestBenchmark.Response response = new IngestBenchmark.Response();
        response.logs = LOGS;
        response.setUp();

        assertEquals(LOGS, benchmark.ingest_chainwire(response));
        assertEquals(LOGS, benchmark.ingest_web3j(response));

        assertEquals(LOGS, response.chainwire.count);
        BigInteger web3jValue =
                (BigInteger) response.web3jLast.getNonIndexedValues().get(0).getValue();
        assertEquals(web3jValue, response.chainwire.last.value());
        Address web3jTo = (Address) response.web3jLast.getIndexedValues().get(1);
        assertEquals(web3jTo.getValue(), response.chainwire.last.to().toString().toLowerCase());
    }
}
