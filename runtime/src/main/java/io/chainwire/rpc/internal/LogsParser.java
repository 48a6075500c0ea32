package io.chainwire.rpc.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads log arrays ({@code eth_getLogs} results, the {@code logs} of receipts) straight from the reader into
 * {@link RawLog}s: no JSON tree, no intermediate strings for hex values. Every field is checked: required fields
 * present and not null, each given once, exact hex lengths, at most four topics. Unknown fields are skipped.
 */
public final class LogsParser {
    /** Reads a {@code result} that must be an array of logs. */
    public static final ResultReader<List<RawLog>> LOGS = LogsParser::readLogs;

    private static final int ADDRESS = 0;
    private static final int TOPICS = 1;
    private static final int DATA = 2;
    private static final int BLOCK_NUMBER = 3;
    private static final int BLOCK_HASH = 4;
    private static final int TRANSACTION_HASH = 5;
    private static final int TRANSACTION_INDEX = 6;
    private static final int LOG_INDEX = 7;
    private static final int REMOVED = 8;
    private static final FieldNames FIELDS = new FieldNames(
            "address",
            "topics",
            "data",
            "blockNumber",
            "blockHash",
            "transactionHash",
            "transactionIndex",
            "logIndex",
            "removed");
    // Nodes may leave out "removed" (it is false for logs of canonical blocks).
    private static final int REQUIRED = FIELDS.allBut(REMOVED);

    private LogsParser() {}

    private static List<RawLog> readLogs(JsonReader reader, String path) throws IOException {
        if (reader.current() != JsonReader.Token.BEGIN_ARRAY) {
            throw MalformedResponse.at(
                    reader,
                    path,
                    "expected an array of logs, got " + reader.current().describe());
        }
        List<RawLog> logs = new ArrayList<>();
        // Each log's topics go through this array into a list of their own.
        Hash[] topics = new Hash[RawLog.MAX_TOPICS];
        Recent recent = new Recent();
        JsonReader.Token token;
        while ((token = reader.next()) != JsonReader.Token.END_ARRAY) {
            try {
                if (token != JsonReader.Token.BEGIN_OBJECT) {
                    throw MalformedResponse.at(reader, "", "expected a log object, got " + token.describe());
                }
                logs.add(readLog(reader, topics, recent));
            } catch (MalformedResponse e) {
                throw e.within(path + "[" + logs.size() + "]");
            }
        }
        return logs;
    }

    /**
     * Reads one log object whose BEGIN_OBJECT is the current token; a problem's path is relative to the log, so that no
     * path is built for a log that reads well.
     */
    private static RawLog readLog(JsonReader reader, Hash[] topics, Recent recent) throws IOException {
        Address address = null;
        int topicCount = 0;
        Bytes data = null;
        long blockNumber = 0;
        Hash blockHash = null;
        Hash transactionHash = null;
        int transactionIndex = 0;
        int logIndex = 0;
        int seen = 0;
        int field;
        while ((field = FIELDS.next(reader)) >= 0) {
            seen = FIELDS.mark(seen, field, reader, "");
            try {
                switch (field) {
                    case ADDRESS -> address = recent.address.read(reader, HexValues::address);
                    case TOPICS -> topicCount = readTopics(reader, topics, recent.topic0);
                    case DATA -> data = HexValues.data(reader);
                    case BLOCK_NUMBER -> blockNumber = HexValues.quantity(reader);
                    case BLOCK_HASH -> blockHash = recent.blockHash.read(reader, HexValues::hash);
                    case TRANSACTION_HASH -> transactionHash = recent.transactionHash.read(reader, HexValues::hash);
                    case TRANSACTION_INDEX -> transactionIndex = HexValues.index(reader);
                    case LOG_INDEX -> logIndex = HexValues.index(reader);
                    case REMOVED -> {
                        if (HexValues.bool(reader)) {
                            throw MalformedResponse.at(
                                    reader,
                                    "",
                                    "a log marked removed; an eth_getLogs answer holds only logs of"
                                            + " the canonical chain");
                        }
                    }
                    default -> throw new IllegalStateException("unhandled field " + FIELDS.name(field));
                }
            } catch (MalformedResponse e) {
                throw e.under(FIELDS.name(field));
            }
        }
        FIELDS.requireAll(seen, REQUIRED, reader, "", "log");
        LogMeta meta = new LogMeta(address, blockNumber, blockHash, transactionHash, transactionIndex, logIndex);
        return new RawLog(topicList(topics, topicCount), data, meta);
    }

    /**
     * Returns the first {@code count} topics as an immutable list, copying the array no more than {@link List#of} must.
     */
    private static List<Hash> topicList(Hash[] topics, int count) {
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(topics[0]);
            case 2 -> List.of(topics[0], topics[1]);
            case 3 -> List.of(topics[0], topics[1], topics[2]);
            default -> List.of(topics);
        };
    }

    private static int readTopics(JsonReader reader, Hash[] topics, Repeated<Hash> topic0) throws IOException {
        if (reader.current() != JsonReader.Token.BEGIN_ARRAY) {
            throw MalformedResponse.at(
                    reader,
                    "expected an array of topics, got " + reader.current().describe());
        }
        int count = 0;
        while (reader.next() != JsonReader.Token.END_ARRAY) {
            if (count == RawLog.MAX_TOPICS) {
                throw MalformedResponse.at(reader, "topics", "more than 4 topics");
            }
            try {
                topics[count] = count == 0 ? topic0.read(reader, HexValues::hash) : HexValues.hash(reader);
            } catch (MalformedResponse e) {
                throw e.under("topics[" + count + "]");
            }
            count++;
        }
        return count;
    }

    /** The values consecutive logs of one result tend to repeat. */
    private static final class Recent {
        final Repeated<Address> address = new Repeated<>(Address.SIZE);
        final Repeated<Hash> topic0 = new Repeated<>(Hash.SIZE);
        final Repeated<Hash> blockHash = new Repeated<>(Hash.SIZE);
        final Repeated<Hash> transactionHash = new Repeated<>(Hash.SIZE);
    }
}
