package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads log arrays ({@code eth_getLogs} results, the {@code logs} of receipts) straight from the
 * parser into {@link RawLog}s: no JSON tree, no intermediate strings for hex values. Every field is
 * checked: required fields present and not null, each given once, exact hex lengths, at most four
 * topics. Unknown fields are skipped.
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
      "address", "topics", "data", "blockNumber", "blockHash", "transactionHash", "transactionIndex", "logIndex", "removed");
  // Nodes may leave out "removed" (it is false for logs of canonical blocks).
  private static final int REQUIRED = FIELDS.allBut(REMOVED);

  private LogsParser() {}

  private static List<RawLog> readLogs(JsonParser parser, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw MalformedResponse.at(
          parser, path, "expected an array of logs, got " + Json.describe(parser.currentToken()));
    }
    List<RawLog> logs = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      String at = path + "[" + logs.size() + "]";
      if (token != JsonToken.START_OBJECT) {
        throw MalformedResponse.at(parser, at, "expected a log object, got " + Json.describe(token));
      }
      logs.add(readLog(parser, at));
    }
    return logs;
  }

  /** Reads one log object whose START_OBJECT is the current token. */
  private static RawLog readLog(JsonParser parser, String path) throws IOException {
    Address address = null;
    Hash[] topics = null;
    int topicCount = 0;
    Bytes data = null;
    long blockNumber = 0;
    Hash blockHash = null;
    Hash transactionHash = null;
    int transactionIndex = 0;
    int logIndex = 0;
    boolean removed = false;
    int seen = 0;
    int field;
    while ((field = FIELDS.next(parser)) >= 0) {
      seen = FIELDS.mark(seen, field, parser, path);
      try {
        switch (field) {
          case ADDRESS -> address = HexValues.address(parser);
          case TOPICS -> {
            topics = new Hash[RawLog.MAX_TOPICS];
            topicCount = readTopics(parser, path, topics);
          }
          case DATA -> data = HexValues.data(parser);
          case BLOCK_NUMBER -> blockNumber = HexValues.quantity(parser);
          case BLOCK_HASH -> blockHash = HexValues.hash(parser);
          case TRANSACTION_HASH -> transactionHash = HexValues.hash(parser);
          case TRANSACTION_INDEX -> transactionIndex = HexValues.index(parser);
          case LOG_INDEX -> logIndex = HexValues.index(parser);
          case REMOVED -> removed = HexValues.bool(parser);
          default -> throw new IllegalStateException("unhandled field " + FIELDS.name(field));
        }
      } catch (MalformedResponse e) {
        throw e.under(path + "." + FIELDS.name(field));
      }
    }
    FIELDS.requireAll(seen, REQUIRED, parser, path, "log");
    LogMeta meta = new LogMeta(address, blockNumber, blockHash, transactionHash, transactionIndex, logIndex, removed);
    return new RawLog(List.of(Arrays.copyOf(topics, topicCount)), data, meta);
  }

  private static int readTopics(JsonParser parser, String path, Hash[] topics) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw MalformedResponse.at(parser, "expected an array of topics, got " + Json.describe(parser.currentToken()));
    }
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (count == RawLog.MAX_TOPICS) {
        throw MalformedResponse.at(parser, path + ".topics", "more than 4 topics");
      }
      try {
        topics[count] = HexValues.hash(parser);
      } catch (MalformedResponse e) {
        throw e.under(path + ".topics[" + count + "]");
      }
      count++;
    }
    return count;
  }
}
