package io.chainwire.testkit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.LogMeta;
import io.chainwire.abi.RawLog;
import io.chainwire.testkit.Receipt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads logs and receipts as nodes return them ({@code eth_getLogs}, {@code
 * eth_getTransactionReceipt}) straight into {@link RawLog} and {@link Receipt}, one token at a
 * time. Unknown fields are skipped; a missing, null or malformed field fails with its path, for
 * example {@code eth_getLogs result[3].blockHash}.
 */
public final class LogJsonReader {
  private LogJsonReader() {}

  /**
   * Reads a JSON array of log objects.
   *
   * @throws IllegalArgumentException naming the offending field
   */
  public static List<RawLog> logs(String json, String where) {
    try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
      List<RawLog> logs = readLogs(parser, parser.nextToken(), where);
      JsonText.expect(parser, parser.nextToken(), null, where + " (after the array)");
      return logs;
    } catch (IOException e) {
      throw JsonText.malformed(where, e);
    }
  }

  /**
   * Reads a transaction receipt object.
   *
   * @throws IllegalArgumentException naming the offending field
   */
  public static Receipt receipt(String json, String where) {
    try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
      JsonText.expect(parser, parser.nextToken(), JsonToken.START_OBJECT, where);
      String transactionHash = null;
      String blockNumber = null;
      String blockHash = null;
      String status = null;
      String contractAddress = null;
      List<RawLog> logs = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "transactionHash" -> transactionHash = text(parser, value, where, field);
          case "blockNumber" -> blockNumber = text(parser, value, where, field);
          case "blockHash" -> blockHash = text(parser, value, where, field);
          case "status" -> status = text(parser, value, where, field);
          case "contractAddress" -> contractAddress = value == JsonToken.VALUE_NULL ? null : text(parser, value, where, field);
          case "logs" -> logs = readLogs(parser, value, where + ".logs");
          default -> parser.skipChildren();
        }
      }
      return new Receipt(
          convert(required(transactionHash, where, "transactionHash"), Hash::fromHex, where, "transactionHash"),
          Quantities.parse(required(blockNumber, where, "blockNumber"), where + ".blockNumber"),
          convert(required(blockHash, where, "blockHash"), Hash::fromHex, where, "blockHash"),
          Quantities.parse(required(status, where, "status"), where + ".status") == 1,
          Optional.ofNullable(contractAddress).map(a -> convert(a, Address::fromHex, where, "contractAddress")),
          required(logs, where, "logs"));
    } catch (IOException e) {
      throw JsonText.malformed(where, e);
    }
  }

  private static List<RawLog> readLogs(JsonParser parser, JsonToken start, String where) throws IOException {
    JsonText.expect(parser, start, JsonToken.START_ARRAY, where);
    List<RawLog> logs = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      logs.add(readLog(parser, token, where + "[" + logs.size() + "]"));
    }
    return logs;
  }

  private static RawLog readLog(JsonParser parser, JsonToken start, String where) throws IOException {
    JsonText.expect(parser, start, JsonToken.START_OBJECT, where);
    String address = null;
    List<Hash> topics = null;
    String data = null;
    String blockNumber = null;
    String blockHash = null;
    String transactionHash = null;
    String transactionIndex = null;
    String logIndex = null;
    boolean removed = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "address" -> address = text(parser, value, where, field);
        case "topics" -> topics = readTopics(parser, value, where + ".topics");
        case "data" -> data = text(parser, value, where, field);
        case "blockNumber" -> blockNumber = text(parser, value, where, field);
        case "blockHash" -> blockHash = text(parser, value, where, field);
        case "transactionHash" -> transactionHash = text(parser, value, where, field);
        case "transactionIndex" -> transactionIndex = text(parser, value, where, field);
        case "logIndex" -> logIndex = text(parser, value, where, field);
        case "removed" -> removed = bool(parser, value, where, field);
        default -> parser.skipChildren();
      }
    }
    LogMeta meta = new LogMeta(
        convert(required(address, where, "address"), Address::fromHex, where, "address"),
        Quantities.parse(required(blockNumber, where, "blockNumber"), where + ".blockNumber"),
        convert(required(blockHash, where, "blockHash"), Hash::fromHex, where, "blockHash"),
        convert(required(transactionHash, where, "transactionHash"), Hash::fromHex, where, "transactionHash"),
        Quantities.parseInt(required(transactionIndex, where, "transactionIndex"), where + ".transactionIndex"),
        Quantities.parseInt(required(logIndex, where, "logIndex"), where + ".logIndex"),
        removed);
    List<Hash> checkedTopics = required(topics, where, "topics");
    if (checkedTopics.size() > RawLog.MAX_TOPICS) {
      throw new IllegalArgumentException(where + ".topics: a log has at most 4 topics, found " + checkedTopics.size());
    }
    return new RawLog(checkedTopics, convert(required(data, where, "data"), Bytes::fromHex, where, "data"), meta);
  }

  private static List<Hash> readTopics(JsonParser parser, JsonToken start, String where) throws IOException {
    JsonText.expect(parser, start, JsonToken.START_ARRAY, where);
    List<Hash> topics = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      String index = "[" + topics.size() + "]";
      JsonText.expect(parser, token, JsonToken.VALUE_STRING, where + index);
      topics.add(convert(parser.getText(), Hash::fromHex, where, index));
    }
    return topics;
  }

  private static String text(JsonParser parser, JsonToken token, String where, String field) throws IOException {
    JsonText.expect(parser, token, JsonToken.VALUE_STRING, where + "." + field);
    return parser.getText();
  }

  private static boolean bool(JsonParser parser, JsonToken token, String where, String field) {
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      JsonText.expect(parser, token, JsonToken.VALUE_TRUE, where + "." + field);
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private static <T> T required(T value, String where, String field) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": missing field " + field);
    }
    return value;
  }

  private static <T> T convert(String text, Function<String, T> parse, String where, String field) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      String path = field.startsWith("[") ? where + field : where + "." + field;
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
