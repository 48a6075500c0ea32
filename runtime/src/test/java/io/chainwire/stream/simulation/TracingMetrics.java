package io.chainwire.stream.simulation;

import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;

/**
 * The engine's own decisions, as its metrics report them, written to the trace between the node requests and the
 * deliveries: state changes, roles, retries, failovers, faulty answers, learned range sizes, subscriptions,
 * reorganisations, stalls, and what the error policy did. With several copies, each entry names the copy, and the
 * harness hears of each copy's state and role.
 */
final class TracingMetrics implements StreamMetrics {
    /** What a copy's harness hears of it, on the copy's thread. */
    interface Listener {
        /** The copy's state changed to {@code state}: a terminal state is the last thing its thread reports. */
        void stateChanged(StreamState state);

        /** The copy's role changed. */
        default void roleChanged(StreamRole role, long epoch) {}
    }

    private final Trace trace;
    private final String engine;
    private final Listener listener;

    TracingMetrics(Trace trace) {
        this(trace, "", state -> {});
    }

    /** Creates the metrics of a copy named by {@code label} ("copy 1: "), telling {@code listener}. */
    TracingMetrics(Trace trace, String label, Listener listener) {
        this.trace = trace;
        this.engine = label + "engine: ";
        this.listener = listener;
    }

    @Override
    public void stateChanged(StreamState state) {
        trace.add(engine + state);
        listener.stateChanged(state);
    }

    @Override
    public void reorg(int depth) {
        trace.add(engine + "rolled back a reorganisation of depth " + depth);
    }

    @Override
    public void rpcRetry(String endpoint) {
        trace.add(engine + "retries on " + endpoint);
    }

    @Override
    public void failover(String from, String to) {
        trace.add(engine + "fails over from " + from + " to " + to);
    }

    @Override
    public void rangeSize(String endpoint, long blocks) {
        trace.add(engine + "asks " + endpoint + " for " + blocks + " blocks at a time");
    }

    @Override
    public void subscribed(String endpoint) {
        trace.add(engine + "subscribed to new heads on " + endpoint);
    }

    @Override
    public void handlerRetry(String handler) {
        trace.add(engine + "retries the handler");
    }

    @Override
    public void eventSkipped(String handler) {
        trace.add(engine + "skips the event (policy SKIP)");
    }

    @Override
    public void deadLetter(String handler) {
        trace.add(engine + "records a dead letter (policy DEAD_LETTER)");
    }

    @Override
    public void faultyAnswer(String endpoint) {
        trace.add(engine + "refuses a faulty answer of " + endpoint);
    }

    @Override
    public void stalled(boolean stalled) {
        trace.add(engine + (stalled ? "stalled" : "moving again"));
    }

    @Override
    public void undecodableLog(String handler) {
        trace.add(engine + "passes over a log that does not decode");
    }

    @Override
    public void roleChanged(StreamRole role, long epoch) {
        trace.add(engine + role + ", lease epoch " + epoch);
        listener.roleChanged(role, epoch);
    }

    @Override
    public void leaseRenewalFailed() {
        trace.add(engine + "could not renew its lease");
    }
}
