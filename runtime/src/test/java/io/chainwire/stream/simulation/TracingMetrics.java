package io.chainwire.stream.simulation;

import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;

/**
 * The engine's own decisions, as its metrics report them, written to the trace between the node
 * requests and the deliveries: state changes, roles, retries, failovers, faulty answers, learned
 * range sizes, subscriptions, reorganisations, stalls, and what the error policy did.
 */
final class TracingMetrics implements StreamMetrics {
  private final Trace trace;

  TracingMetrics(Trace trace) {
    this.trace = trace;
  }

  @Override
  public void stateChanged(StreamState state) {
    trace.add("engine: " + state);
  }

  @Override
  public void reorg(int depth) {
    trace.add("engine: rolled back a reorganisation of depth " + depth);
  }

  @Override
  public void rpcRetry(String endpoint) {
    trace.add("engine: retries on " + endpoint);
  }

  @Override
  public void failover(String from, String to) {
    trace.add("engine: fails over from " + from + " to " + to);
  }

  @Override
  public void rangeSize(String endpoint, long blocks) {
    trace.add("engine: asks " + endpoint + " for " + blocks + " blocks at a time");
  }

  @Override
  public void subscribed(String endpoint) {
    trace.add("engine: subscribed to new heads on " + endpoint);
  }

  @Override
  public void handlerRetry(String handler) {
    trace.add("engine: retries the handler");
  }

  @Override
  public void eventSkipped(String handler) {
    trace.add("engine: skips the event (policy SKIP)");
  }

  @Override
  public void deadLetter(String handler) {
    trace.add("engine: records a dead letter (policy DEAD_LETTER)");
  }

  @Override
  public void faultyAnswer(String endpoint) {
    trace.add("engine: refuses a faulty answer of " + endpoint);
  }

  @Override
  public void stalled(boolean stalled) {
    trace.add("engine: " + (stalled ? "stalled" : "moving again"));
  }

  @Override
  public void undecodableLog(String handler) {
    trace.add("engine: passes over a log that does not decode");
  }

  @Override
  public void roleChanged(StreamRole role, long epoch) {
    trace.add("engine: " + role + ", lease epoch " + epoch);
  }

  @Override
  public void leaseRenewalFailed() {
    trace.add("engine: could not renew its lease");
  }
}
