package io.chainwire.testkit;

import io.chainwire.testkit.FaultProxy.Channel;
import io.chainwire.testkit.internal.proxy.FaultDecider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The state of a proxy's rules: how many messages each matched and how many faults it injected, each random rule's own
 * seeded sequence, and a journal of the injections. A random rule's k-th match always gets the k-th number of its
 * sequence, so the faults depend on the seed and on the order of the messages, never on other rules or on timing.
 */
final class FaultPlan implements FaultDecider {
    private static final int JOURNAL_SIZE = 1000;

    private final List<FaultRule> rules;
    private final long[] matched;
    private final int[] injected;
    private final SplittableRandom[] draws;
    private final Deque<String> journal = new ArrayDeque<>();
    private long messages;

    FaultPlan(List<FaultRule> rules, long seed) {
        this.rules = List.copyOf(rules);
        this.matched = new long[rules.size()];
        this.injected = new int[rules.size()];
        this.draws = new SplittableRandom[rules.size()];
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < draws.length; i++) {
            draws[i] = seeds.split();
        }
    }

    @Override
    public synchronized Fault decide(Channel channel, List<String> methods) {
        messages++;
        Fault chosen = null;
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (!rule.matches(channel, methods)) {
                continue;
            }
            long position = ++matched[i];
            double draw = draws[i].nextDouble();
            if (chosen == null && injected[i] < rule.limit() && rule.chooses(position, draw)) {
                injected[i]++;
                chosen = rule.fault();
                if (journal.size() == JOURNAL_SIZE) {
                    journal.removeFirst();
                }
                journal.addLast("message " + messages + " (" + channel + " " + methods + "): " + chosen + " by rule "
                        + (i + 1) + " at match " + position);
            }
        }
        return chosen;
    }

    /** Returns how many faults {@code rule} injected; 0 for a rule this plan does not have. */
    synchronized int injected(FaultRule rule) {
        int count = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == rule) {
                count += injected[i];
            }
        }
        return count;
    }

    /** Returns how many faults all rules injected. */
    synchronized int injected() {
        int count = 0;
        for (int value : injected) {
            count += value;
        }
        return count;
    }

    /** Returns the journal, oldest first. */
    synchronized List<String> journal() {
        return List.copyOf(journal);
    }
}
