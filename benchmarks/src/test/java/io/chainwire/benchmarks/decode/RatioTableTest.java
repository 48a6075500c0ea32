package io.chainwire.benchmarks.decode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatioTableTest {
    @Test
    void computesRatiosAndVerdictsFromOneRun() {
        RatioTable table = tableOfAllShapes();
        table.add("transfer", "web3j", new RatioTable.Result(3000, 100, 6000));
        String markdown = table.markdown();
        assertTrue(
                markdown.contains("| transfer | 40.0 ± 1.0 | 32.0 ± 1.0 | 3000 ± 100 | 2000 ± 100 | 75× | 50× | 1.25 |"
                        + " ≥100× web3j missed, ≤1.5 hand-written met |"),
                markdown);
        assertTrue(
                markdown.contains("| swap | 40.0 ± 1.0 | 32.0 ± 1.0 | 8000 ± 100 | 2000 ± 100 | 200× | 50× | 1.25 |"
                        + " ≤1.5 hand-written met |"),
                markdown);
        assertTrue(markdown.contains("| transfer | 200 | 190 | 6000 | 5000 |"), markdown);
    }

    @Test
    void namesAMissingBenchmark() {
        RatioTable table = new RatioTable();
        table.add("transfer", "chainwire", new RatioTable.Result(40, 1, 200));
        IllegalStateException e = assertThrows(IllegalStateException.class, table::markdown);
        assertTrue(e.getMessage().contains("transfer_handwritten"), e.getMessage());
    }

    private static RatioTable tableOfAllShapes() {
        RatioTable table = new RatioTable();
        for (String shape : new String[] {"transfer", "swap", "transferBatch", "batchSettled", "textChanged"}) {
            table.add(shape, "chainwire", new RatioTable.Result(40, 1, 200));
            table.add(shape, "handwritten", new RatioTable.Result(32, 1, 190));
            table.add(shape, "web3j", new RatioTable.Result(8000, 100, 6000));
            table.add(shape, "web3jDecoder", new RatioTable.Result(2000, 100, 5000));
        }
        return table;
    }
}
