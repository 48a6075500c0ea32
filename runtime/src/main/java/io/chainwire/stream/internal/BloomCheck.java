package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.BlockHeader;
import io.chainwire.rpc.Bloom;
import io.chainwire.rpc.LogFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a node's logs against the blocks' own {@code logsBloom}: a bloom has no false negatives, so a returned log
 * whose address or topic 0 its block's bloom rules out is made up ({@link FaultyAnswer}), and a block whose bloom says
 * it may hold a log the filter matches, but for which the node returned none, may have been answered incompletely
 * ({@link SuspectAnswer}), as a node whose log index lags behind its head answers. Blooms have false positives, so the
 * caller asks again and accepts a second answer that agrees. The filter's addresses and topics are hashed once.
 */
final class BloomCheck {
    /** The most address and topic blooms remembered before they are forgotten and hashed again. */
    static final int MAX_REMEMBERED = 4096;

    private final List<Bloom> addresses;
    private final List<List<Bloom>> topics;
    // Blooms of the addresses and topics 0 of returned logs, which repeat from log to log.
    private final Map<Object, Bloom> items = new HashMap<>();

    BloomCheck(LogFilter filter) {
        this.addresses = filter.addresses().stream()
                .map(address -> Bloom.builder().add(address).build())
                .toList();
        this.topics = filter.topics().positions().stream()
                .map(values -> values.stream()
                        .map(topic -> Bloom.builder().add(topic).build())
                        .toList())
                .toList();
    }

    /** Returns true if a block with {@code bloom} may hold a log the filter matches. */
    boolean mayHoldMatch(Bloom bloom) {
        if (bloom.equals(Bloom.EMPTY)) {
            return false;
        }
        if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContainAll)) {
            return false;
        }
        for (List<Bloom> allowed : topics) {
            if (!allowed.isEmpty() && allowed.stream().noneMatch(bloom::mightContainAll)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the logs a node returned for the block of {@code header} (possibly none) against its bloom; nothing to
     * check if the header came without one.
     *
     * @throws FaultyAnswer if a log's address or topic 0 is not in the bloom
     * @throws SuspectAnswer if there is no log but the bloom says there may be a matching one
     */
    synchronized void check(Endpoint endpoint, String request, BlockHeader header, List<RawLog> logs) {
        if (header.logsBloom().isEmpty()) {
            return;
        }
        Bloom bloom = header.logsBloom().get();
        for (RawLog log : logs) {
            if (!bloom.mightContainAll(item(log.address()))
                    || log.topicCount() > 0 && !bloom.mightContainAll(item(log.topic(0)))) {
                throw new FaultyAnswer(endpoint + " answered " + request + " with a log that the bloom of block "
                        + header.number() + " (" + header.hash() + ") rules out: log index "
                        + log.meta().logIndex()
                        + ", address " + log.address());
            }
        }
        if (logs.isEmpty() && mayHoldMatch(bloom)) {
            throw new SuspectAnswer(endpoint + " answered " + request + " with no log of block " + header.number()
                    + " (" + header.hash() + "), whose bloom says it may hold one");
        }
    }

    private Bloom item(Object value) {
        if (items.size() >= MAX_REMEMBERED) {
            items.clear();
        }
        return items.computeIfAbsent(
                value,
                key -> key instanceof Address address
                        ? Bloom.builder().add(address).build()
                        : Bloom.builder().add((Hash) key).build());
    }
}
