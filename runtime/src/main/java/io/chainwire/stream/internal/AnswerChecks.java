package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.LogFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a node's answers against the questions the stream asked: every log of an {@code eth_getLogs} answer lies in
 * the requested blocks, comes from a requested address, has the requested topics, and is there once; the logs of one
 * block agree on its hash; a header is the block asked for. A failed check is a {@link FaultyAnswer}. (A log marked
 * removed is refused as the answer is read.) The checks cost a few comparisons per log and allocate nothing for an
 * answer in chain order, as nodes send them.
 */
final class AnswerChecks {
    /** Chain order: block number, then log index. */
    static final Comparator<RawLog> CHAIN_ORDER = Comparator.comparingLong(
                    (RawLog log) -> log.meta().blockNumber())
            .thenComparingInt(log -> log.meta().logIndex());

    private final LogFilter filter;
    private final Set<Address> addresses;
    private final List<Set<Hash>> topics;

    /** Creates the checks of answers to {@code filter}, whose block range or hash each call names. */
    AnswerChecks(LogFilter filter) {
        this.filter = filter;
        this.addresses = Set.copyOf(filter.addresses());
        List<Set<Hash>> positions = new ArrayList<>();
        for (List<Hash> allowed : filter.topics().positions()) {
            positions.add(new HashSet<>(allowed));
        }
        this.topics = List.copyOf(positions);
    }

    /** Returns the filter whose answers these checks check. */
    LogFilter filter() {
        return filter;
    }

    /**
     * Checks the answer to {@code eth_getLogs} over blocks {@code from} to {@code to} and returns its logs in chain
     * order (the same list if it was in order).
     *
     * @throws FaultyAnswer naming {@code endpoint} and the first log that breaks a rule
     */
    List<RawLog> range(Endpoint endpoint, long from, long to, List<RawLog> logs) {
        String request = "eth_getLogs over blocks " + from + ".." + to;
        Object[] accepted = new Object[topics.size() + 1];
        boolean inOrder = true;
        LogMeta previous = null;
        for (RawLog log : logs) {
            LogMeta meta = log.meta();
            long number = meta.blockNumber();
            if (number < from || number > to) {
                throw faulty(endpoint, request, log, "outside the requested blocks");
            }
            matches(endpoint, request, log, accepted);
            if (inOrder && previous != null) {
                if (number < previous.blockNumber()
                        || number == previous.blockNumber() && meta.logIndex() <= previous.logIndex()) {
                    inOrder = false;
                } else if (number == previous.blockNumber()) {
                    requireSameHash(endpoint, request, previous, log);
                }
            }
            previous = meta;
        }
        if (inOrder) {
            return logs;
        }
        List<RawLog> ordered = new ArrayList<>(logs);
        ordered.sort(CHAIN_ORDER);
        for (int i = 1; i < ordered.size(); i++) {
            LogMeta before = ordered.get(i - 1).meta();
            RawLog log = ordered.get(i);
            if (before.blockNumber() == log.meta().blockNumber()) {
                if (before.logIndex() == log.meta().logIndex()) {
                    throw faulty(endpoint, request, log, "more than once");
                }
                requireSameHash(endpoint, request, before, log);
            }
        }
        return ordered;
    }

    private static void requireSameHash(Endpoint endpoint, String request, LogMeta before, RawLog log) {
        if (!before.blockHash().equals(log.meta().blockHash())) {
            throw faulty(
                    endpoint,
                    request,
                    log,
                    "whose block hash differs from the block's other logs (" + before.blockHash() + ")");
        }
    }

    /**
     * Checks the answer to {@code eth_getLogs} by the hash of {@code header}'s block and returns its logs in log-index
     * order.
     *
     * @throws FaultyAnswer naming {@code endpoint} and the first log that breaks a rule
     */
    List<RawLog> block(Endpoint endpoint, BlockHeader header, List<RawLog> logs) {
        String request = "eth_getLogs of block " + header.number() + " (" + header.hash() + ")";
        for (RawLog log : logs) {
            if (log.meta().blockNumber() != header.number()
                    || !log.meta().blockHash().equals(header.hash())) {
                throw faulty(endpoint, request, log, "of another block");
            }
        }
        return range(endpoint, header.number(), header.number(), logs);
    }

    /**
     * Checks that {@code answer} is the header of block {@code number}.
     *
     * @throws FaultyAnswer naming {@code endpoint} if it is another block's
     */
    static BlockHeader header(Endpoint endpoint, long number, BlockHeader answer) {
        if (answer.number() != number) {
            throw new FaultyAnswer(endpoint + " answered eth_getBlockByNumber " + number + " with block "
                    + answer.number() + " (" + answer.hash() + ")");
        }
        return answer;
    }

    /**
     * Checks that {@code log} has an address and topics the filter asks for. {@code accepted} holds the address (at 0)
     * and each topic (at its position plus one) last accepted in this answer: the reader shares the instances of
     * repeated values, so most logs pass by a comparison of references.
     */
    private void matches(Endpoint endpoint, String request, RawLog log, Object[] accepted) {
        Address address = log.address();
        if (address != accepted[0]) {
            if (!addresses.isEmpty() && !addresses.contains(address)) {
                throw faulty(endpoint, request, log, "from an address the filter does not ask for");
            }
            accepted[0] = address;
        }
        for (int i = 0; i < topics.size(); i++) {
            Set<Hash> allowed = topics.get(i);
            if (allowed.isEmpty()) {
                continue;
            }
            if (i >= log.topicCount()) {
                throw faulty(endpoint, request, log, "whose topic " + i + " the filter does not ask for");
            }
            Hash topic = log.topic(i);
            if (topic != accepted[i + 1]) {
                if (!allowed.contains(topic)) {
                    throw faulty(endpoint, request, log, "whose topic " + i + " the filter does not ask for");
                }
                accepted[i + 1] = topic;
            }
        }
    }

    private static FaultyAnswer faulty(Endpoint endpoint, String request, RawLog log, String what) {
        LogMeta meta = log.meta();
        return new FaultyAnswer(endpoint + " answered " + request + " with a log " + what + ": block "
                + meta.blockNumber() + " (" + meta.blockHash() + "), log index " + meta.logIndex() + ", address "
                + meta.address());
    }
}
