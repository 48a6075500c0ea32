package io.chainwire.benchmarks.decode;

import io.chainwire.abi.RawLog;
import java.util.List;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The logs of one shape, in chainwire's and in web3j's form, handed out in turn so that successive decodes see
 * different values and lengths rather than one input the branch predictor learns. Both forms are built once, before
 * measurement; the i-th web3j log is the i-th raw log.
 */
public abstract class LogCycle {
    private static final int MASK = SampleLogs.COUNT - 1;

    private final RawLog[] raw;
    private final Log[] web3j;
    private int next;

    /** Holds {@code logs}, of which there must be {@link SampleLogs#COUNT}. */
    protected LogCycle(List<RawLog> logs) {
        if (logs.size() != SampleLogs.COUNT) {
            throw new IllegalArgumentException("expected " + SampleLogs.COUNT + " logs, got " + logs.size());
        }
        this.raw = logs.toArray(RawLog[]::new);
        this.web3j = logs.stream().map(Web3jEvents::log).toArray(Log[]::new);
    }

    /** Returns the next log in chainwire's form. */
    public final RawLog nextRaw() {
        return raw[next++ & MASK];
    }

    /** Returns the next log in web3j's form. */
    public final Log nextWeb3j() {
        return web3j[next++ & MASK];
    }
}
