package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.abi.TopicFilter;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.RpcErrorKind;
import io.chainwire.rpc.RpcErrors;
import io.chainwire.rpc.RpcException;
import io.chainwire.stream.BlockTooLargeException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Asks one endpoint for the logs of a single block (by hash, or a one-block range), splitting the request when the
 * answer is too large: by halves of the addresses, then of the topic 0 values, and merging the answers in chain order.
 * Only a single address and topic 0 whose logs in one block are still too large fails the stream, since no narrower
 * request exists.
 */
final class BlockLogQuery {
    private static final Logger LOG = StreamLoggers.NODES;

    private BlockLogQuery() {}

    /**
     * Returns the logs matching {@code filter}, a filter on one block, asking {@code endpoint}.
     *
     * @param what the block, for messages: {@code block 980 (0x…)}
     * @throws BlockTooLargeException if one address and topic 0 of the block are still too large
     * @throws RpcException if a request fails otherwise
     */
    static List<RawLog> fetch(StreamId stream, Endpoint endpoint, LogFilter filter, String what) {
        try {
            return endpoint.request(client -> client.getLogs(filter));
        } catch (RpcException e) {
            if (RpcErrors.classify(e) != RpcErrorKind.RANGE_TOO_LARGE) {
                throw e;
            }
            List<LogFilter> halves = split(filter);
            if (halves.isEmpty()) {
                throw new BlockTooLargeException(
                        stream,
                        "the logs of " + what + " for address " + filter.addresses() + " and topics " + filter.topics()
                                + " are too large for " + endpoint + " even alone: " + e.getMessage(),
                        e);
            }
            LOG.debug(
                    "stream '{}': {} refused the logs of {} as too large; asking in two halves",
                    stream,
                    endpoint,
                    what);
            List<RawLog> merged = new ArrayList<>();
            for (LogFilter half : halves) {
                merged.addAll(fetch(stream, endpoint, half, what));
            }
            merged.sort(AnswerChecks.CHAIN_ORDER);
            return merged;
        }
    }

    /** Returns {@code filter} split in two by its addresses, else by its topic 0 values; empty if neither splits. */
    private static List<LogFilter> split(LogFilter filter) {
        List<Address> addresses = filter.addresses();
        if (addresses.size() > 1) {
            int middle = addresses.size() / 2;
            return List.of(
                    withAddresses(filter, addresses.subList(0, middle)),
                    withAddresses(filter, addresses.subList(middle, addresses.size())));
        }
        List<List<Hash>> positions = filter.topics().positions();
        List<Hash> topic0 = positions.isEmpty() ? List.of() : positions.get(0);
        if (topic0.size() > 1) {
            int middle = topic0.size() / 2;
            return List.of(
                    withTopic0(filter, topic0.subList(0, middle)),
                    withTopic0(filter, topic0.subList(middle, topic0.size())));
        }
        return List.of();
    }

    private static LogFilter withAddresses(LogFilter filter, List<Address> addresses) {
        return rebuilt(filter, addresses, filter.topics());
    }

    private static LogFilter withTopic0(LogFilter filter, List<Hash> topic0) {
        List<List<Hash>> positions = filter.topics().positions();
        TopicFilter.Builder topics = TopicFilter.builder().topic(0, topic0);
        for (int i = 1; i < positions.size(); i++) {
            topics.topic(i, positions.get(i));
        }
        return rebuilt(filter, filter.addresses(), topics.build());
    }

    private static LogFilter rebuilt(LogFilter filter, List<Address> addresses, TopicFilter topics) {
        LogFilter.Builder builder = LogFilter.builder().addresses(addresses).topics(topics);
        filter.blockHash().ifPresent(builder::blockHash);
        filter.fromBlock().ifPresent(builder::fromBlock);
        filter.toBlock().ifPresent(builder::toBlock);
        return builder.build();
    }
}
