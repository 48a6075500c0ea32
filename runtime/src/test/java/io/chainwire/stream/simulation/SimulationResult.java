package io.chainwire.stream.simulation;

import io.chainwire.stream.StreamException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a simulation went.
 *
 * @param seed the scenario's seed
 * @param violation what the oracle (or the harness) found wrong, with the seed, the scenario and the last engine
 *     decisions; empty if nothing
 * @param expectedFailure the failure that ended the stream as the scenario expected, if it did
 * @param traceDigest a digest of every trace entry: two runs of one seed must give the same
 * @param traceEntries how many entries the trace has
 * @param lastEntries the last trace entries
 * @param journal the effects the store committed, in commit order
 * @param runs how many times the stream was started
 * @param crashes how many times the process died
 * @param reorgs how many reorganisations the chain had
 * @param handlerCalls how many times the handler was called
 * @param virtualTime how much virtual time passed
 * @param realTime how long the simulation took
 * @param copies what the copies did, when several ran
 */
public record SimulationResult(
        long seed,
        Optional<String> violation,
        Optional<StreamException> expectedFailure,
        long traceDigest,
        long traceEntries,
        List<String> lastEntries,
        List<Effect> journal,
        int runs,
        int crashes,
        int reorgs,
        long handlerCalls,
        Duration virtualTime,
        Duration realTime,
        Optional<Copies.Report> copies) {

    /** Returns how many removals the store committed. */
    public long removals() {
        return journal.stream().filter(Effect::removal).count();
    }

    /** Returns a one-line summary. */
    public String summary() {
        return "seed " + seed + ": " + (violation.isEmpty() ? "ok" : "VIOLATION") + ", " + runs + " runs, " + crashes
                + " crashes, " + reorgs + " reorgs, " + handlerCalls + " handler calls, " + traceEntries
                + " trace entries (digest "
                + Long.toHexString(traceDigest) + "), "
                + virtualTime.toSeconds() + " s virtual, " + realTime.toMillis() + " ms real"
                + copies.map(report -> "; " + report.summary()).orElse("");
    }
}
