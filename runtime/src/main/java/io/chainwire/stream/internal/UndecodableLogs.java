package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import java.util.HashSet;
import java.util.Set;

/**
 * Bounds what a stream keeps of the logs that claim a handled event but do not decode as it: each (address, topic 0) is
 * warned about once, for as many distinct pairs as {@link #MAX_PAIRS}, and at most {@link #MAX_DEAD_LETTERS} of them
 * are written as dead letters per run, so a contract spraying bad logs cannot flood the log or the store. Used by the
 * delivery thread only.
 */
final class UndecodableLogs {
    /** The distinct (address, topic 0) pairs remembered for warning once each. */
    static final int MAX_PAIRS = 1024;
    /** The dead letters written for undecodable logs per run. */
    static final int MAX_DEAD_LETTERS = 1000;

    private record Pair(Address address, Hash topic0) {}

    private final Set<Pair> warned = new HashSet<>();
    private int deadLetters;

    /** Returns true the first time a log of this (address, topic 0) is seen, while the set has room. */
    boolean firstOfItsKind(RawLog log) {
        if (warned.size() >= MAX_PAIRS) {
            return false;
        }
        return warned.add(new Pair(log.address(), log.topicCount() == 0 ? null : log.topic(0)));
    }

    /** Returns true, counting it, while dead letters may still be written for undecodable logs. */
    boolean mayWriteDeadLetter() {
        if (deadLetters >= MAX_DEAD_LETTERS) {
            return false;
        }
        deadLetters++;
        return true;
    }
}
