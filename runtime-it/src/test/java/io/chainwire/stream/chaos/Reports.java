package io.chainwire.stream.chaos;

import io.chainwire.stream.StreamMetrics;
import io.chainwire.stream.StreamRole;
import io.chainwire.stream.StreamState;
import java.util.ArrayList;
import java.util.List;

/** Stream metrics that keep what a stream reports: its states and roles in order, and its handler retries. */
final class Reports implements StreamMetrics {
    private final List<StreamState> states = new ArrayList<>();
    private final List<StreamRole> roles = new ArrayList<>();
    private int handlerRetries;

    @Override
    public synchronized void stateChanged(StreamState state) {
        states.add(state);
    }

    @Override
    public synchronized void roleChanged(StreamRole role, long epoch) {
        roles.add(role);
    }

    @Override
    public synchronized void handlerRetry(String handler) {
        handlerRetries++;
    }

    /** Returns the state reported last. */
    synchronized StreamState state() {
        return states.get(states.size() - 1);
    }

    /** Returns the roles reported so far, in order. */
    synchronized List<StreamRole> roles() {
        return List.copyOf(roles);
    }

    /** Returns how many handler calls were retried so far. */
    synchronized int handlerRetries() {
        return handlerRetries;
    }
}
