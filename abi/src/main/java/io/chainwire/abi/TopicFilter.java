package io.chainwire.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A condition on a log's topics, as {@code eth_getLogs} and {@code eth_subscribe} take it: for each of the four
 * positions, either any topic, or one of a set of values (an OR list).
 *
 * <p>Generated {@code filter()} builders produce these from typed indexed arguments.
 */
public final class TopicFilter {
    private static final TopicFilter ANY = new TopicFilter(List.of());

    private final List<List<Hash>> positions;

    private TopicFilter(List<List<Hash>> positions) {
        this.positions = positions;
    }

    /** Returns the filter that matches every log. */
    public static TopicFilter any() {
        return ANY;
    }

    /** Returns a builder with every position unconstrained. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the allowed values per position: an empty list means any topic. Trailing unconstrained positions are
     * omitted.
     */
    public List<List<Hash>> positions() {
        return positions;
    }

    /** Returns true if {@code log} has every constrained topic, each equal to one of the allowed values. */
    public boolean matches(RawLog log) {
        for (int i = 0; i < positions.size(); i++) {
            List<Hash> allowed = positions.get(i);
            if (allowed.isEmpty()) {
                continue;
            }
            if (i >= log.topicCount() || !allowed.contains(log.topic(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicFilter that && positions.equals(that.positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    @Override
    public String toString() {
        return "TopicFilter" + positions;
    }

    /** Collects the allowed values per position. */
    public static final class Builder {
        private final List<List<Hash>> positions = new ArrayList<>(Collections.nCopies(RawLog.MAX_TOPICS, List.of()));

        private Builder() {}

        /**
         * Requires topic {@code position} to be one of {@code anyOf}. Calling it again for the same position widens the
         * OR list. An empty {@code anyOf} leaves the position unconstrained.
         */
        public Builder topic(int position, Collection<Hash> anyOf) {
            Objects.checkIndex(position, RawLog.MAX_TOPICS);
            List<Hash> merged = new ArrayList<>(positions.get(position));
            for (Hash hash : anyOf) {
                Hash value = Objects.requireNonNull(hash, "topic value");
                if (!merged.contains(value)) {
                    merged.add(value);
                }
            }
            positions.set(position, List.copyOf(merged));
            return this;
        }

        /** Requires topic {@code position} to be one of {@code anyOf}. */
        public Builder topic(int position, Hash... anyOf) {
            return topic(position, Arrays.asList(anyOf));
        }

        /** Returns the filter. */
        public TopicFilter build() {
            int last = positions.size();
            while (last > 0 && positions.get(last - 1).isEmpty()) {
                last--;
            }
            return last == 0 ? ANY : new TopicFilter(List.copyOf(positions.subList(0, last)));
        }
    }
}
