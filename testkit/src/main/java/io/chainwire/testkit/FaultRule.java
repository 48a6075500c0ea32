package io.chainwire.testkit;

import io.chainwire.testkit.FaultProxy.Channel;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which messages a {@link FaultProxy} injects a {@link Fault} into: every rule is bounded, either by a list of
 * positions ({@link #at(Fault, long...)}) or by a maximum count ({@link #random(Fault, double, int)}), so a client that
 * retries always gets through in the end.
 *
 * <p>A rule counts the messages it matches: those on a channel where its fault applies (and that
 * {@link #channel(Channel)} allows), with one of the methods {@link #methods(String...)} names, if it names any.
 * Notifications count as method {@code eth_subscription}; a batch matches if any of its requests does. Positions are
 * 1-based among the matched messages.
 *
 * <pre>{@code
 * FaultRule.at(Fault.status(503), 1, 2)                      // the first two requests get 503
 * FaultRule.random(Fault.drop(), 0.2, 5)                     // each request with probability 0.2, five at most
 *     .methods("eth_getLogs")
 * FaultRule.at(Fault.drop(), 3).methods("eth_subscription")  // the third notification is swallowed
 * }</pre>
 *
 * <p>Rules are immutable values; the proxy keeps the counts, so one rule can serve several proxies.
 */
public final class FaultRule {
    private final Fault fault;
    private final SortedSet<Long> positions;
    private final double probability;
    private final int limit;
    private final Set<String> methods;
    private final Set<Channel> channels;

    private FaultRule(
            Fault fault,
            SortedSet<Long> positions,
            double probability,
            int limit,
            Set<String> methods,
            Set<Channel> channels) {
        this.fault = fault;
        this.positions = positions;
        this.probability = probability;
        this.limit = limit;
        this.methods = methods;
        this.channels = channels;
    }

    /**
     * Injects {@code fault} into the matched messages at the given 1-based positions.
     *
     * @throws IllegalArgumentException if no position is given or one is not positive
     */
    public static FaultRule at(Fault fault, long... positions) {
        Objects.requireNonNull(fault, "fault");
        if (positions.length == 0) {
            throw new IllegalArgumentException("at least one position is needed");
        }
        SortedSet<Long> sorted = new TreeSet<>();
        for (long position : positions) {
            if (position < 1) {
                throw new IllegalArgumentException("positions are 1-based, got " + position);
            }
            sorted.add(position);
        }
        return new FaultRule(fault, sorted, 0, sorted.size(), Set.of(), fault.channels());
    }

    /**
     * Injects {@code fault} into each matched message with {@code probability}, drawn from the proxy's seeded random
     * sequence, at most {@code limit} times.
     *
     * @throws IllegalArgumentException if {@code probability} is not in (0, 1] or {@code limit} is not positive
     */
    public static FaultRule random(Fault fault, double probability, int limit) {
        Objects.requireNonNull(fault, "fault");
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return new FaultRule(fault, new TreeSet<>(), probability, limit, Set.of(), fault.channels());
    }

    /**
     * Returns a copy of this rule that matches only messages with one of {@code methods}, such as {@code eth_getLogs},
     * or {@code eth_subscription} for notifications.
     *
     * @throws IllegalArgumentException if no method is given or one is blank
     */
    public FaultRule methods(String... methods) {
        if (methods.length == 0) {
            throw new IllegalArgumentException("at least one method is needed");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String method : methods) {
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("a method name must not be blank");
            }
            names.add(method);
        }
        return new FaultRule(fault, positions, probability, limit, Set.copyOf(names), channels);
    }

    /**
     * Returns a copy of this rule that matches only messages on {@code channel}.
     *
     * @throws IllegalArgumentException if the fault does not apply to that channel
     */
    public FaultRule channel(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        if (!fault.channels().contains(channel)) {
            throw new IllegalArgumentException(
                    fault + " does not apply to " + channel + "; it applies to " + fault.channels());
        }
        return new FaultRule(fault, positions, probability, limit, methods, EnumSet.of(channel));
    }

    /** Returns the fault this rule injects. */
    public Fault fault() {
        return fault;
    }

    /** Returns the most faults this rule injects: the number of positions, or the random limit. */
    public int limit() {
        return limit;
    }

    /** Returns true if this rule counts a message with {@code methods} on {@code channel}. */
    boolean matches(Channel channel, Collection<String> methods) {
        return channels.contains(channel)
                && (this.methods.isEmpty() || methods.stream().anyMatch(this.methods::contains));
    }

    /**
     * Returns true if this rule chooses its matched message at {@code position}; {@code draw} is the rule's next number
     * from the seeded sequence, in [0, 1), used by random rules only.
     */
    boolean chooses(long position, double draw) {
        return positions.isEmpty() ? draw < probability : positions.contains(position);
    }

    @Override
    public String toString() {
        String when = positions.isEmpty() ? "random(p=" + probability + ", at most " + limit + ")" : "at" + positions;
        return "FaultRule[" + fault + " " + when
                + (methods.isEmpty() ? "" : " on " + List.copyOf(new TreeSet<>(methods)))
                + " via " + Arrays.toString(channels.toArray()) + "]";
    }
}
