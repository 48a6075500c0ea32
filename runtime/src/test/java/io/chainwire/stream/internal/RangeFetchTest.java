package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.LoopbackHttp;
import io.chainwire.stream.StreamMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A range fetched from a node that returns its logs out of chain order still comes out in chain
 * order, both as settled logs (finalized) and block by block. The node is a real HTTP peer on the
 * loopback interface with canned blocks 5 to 7.
 */
class RangeFetchTest {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern BLOCK = Pattern.compile("\"eth_getBlockByNumber\",\"params\":\\[\"0x([0-9a-f]+)\"");
  // Block, log index, in the order the node returns them.
  private static final long[][] SHUFFLED = {{7, 0}, {5, 1}, {5, 0}, {6, 1}, {6, 0}};
  private static final long HEAD = 7;

  private HttpServer node;
  private Endpoint endpoint;

  @BeforeEach
  void startNode() throws IOException {
    node = LoopbackHttp.start(RangeFetchTest::answer);
    endpoint = new Endpoint(LoopbackHttp.endpoint(node), "node", Duration.ofSeconds(5), 100, Duration.ofMinutes(1),
        new StopSignal(EngineClock.SYSTEM), NetworkConnector.INSTANCE);
  }

  @AfterEach
  void stopNode() {
    endpoint.close();
    node.stop(0);
  }

  @Test
  void finalizedRangeSettlesLogsThatCameOutOfOrderInChainOrder() {
    FetchedRange range = new RangeFetch(new AnswerChecks(LogFilter.builder().build()), 5, 7, true, StreamMetrics.NONE).run(endpoint);

    assertEquals(List.of("5/0", "5/1", "6/0", "6/1", "7/0"), positions(range.settled()));
    assertEquals(1, range.blocks().size());
    assertEquals(7, range.blocks().get(0).block().number());
    assertEquals(List.of(), range.blocks().get(0).logs());
  }

  @Test
  void rangeAboveFinalizedGivesEachBlockItsLogsInChainOrder() {
    FetchedRange range = new RangeFetch(new AnswerChecks(LogFilter.builder().build()), 5, 7, false, StreamMetrics.NONE).run(endpoint);

    assertEquals(List.of(), range.settled());
    assertEquals(List.of(5L, 6L, 7L), range.blocks().stream().map(block -> block.block().number()).toList());
    assertEquals(List.of("5/0", "5/1"), positions(range.blocks().get(0).logs()));
    assertEquals(List.of("6/0", "6/1"), positions(range.blocks().get(1).logs()));
    assertEquals(List.of("7/0"), positions(range.blocks().get(2).logs()));
  }

  @Test
  void aNodeWhoseHeadIsBelowTheRangeIsNotAskedForItsLogs() {
    NodeBehind behind = assertThrows(NodeBehind.class,
        () -> new RangeFetch(new AnswerChecks(LogFilter.builder().build()), 5, 8, false, StreamMetrics.NONE).run(endpoint));

    assertEquals(endpoint + " reports head 7, below block 8 of eth_getLogs over blocks 5..8", behind.getMessage());
  }

  private static List<String> positions(List<RawLog> logs) {
    return logs.stream().map(log -> log.meta().blockNumber() + "/" + log.meta().logIndex()).toList();
  }

  /** Answers eth_getLogs with the shuffled logs, and each header request of a batch with its block. */
  private static void answer(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String response;
    if (request.contains("eth_blockNumber")) {
      response = "{\"jsonrpc\":\"2.0\",\"id\":" + id(request) + ",\"result\":\"0x" + Long.toHexString(HEAD) + "\"}";
    } else if (request.contains("eth_getLogs")) {
      String logs = java.util.Arrays.stream(SHUFFLED).map(at -> log(at[0], at[1])).collect(Collectors.joining(","));
      response = "{\"jsonrpc\":\"2.0\",\"id\":" + id(request) + ",\"result\":[" + logs + "]}";
    } else {
      Matcher ids = ID.matcher(request);
      Matcher blocks = BLOCK.matcher(request);
      StringBuilder answers = new StringBuilder();
      while (ids.find() && blocks.find()) {
        answers.append(answers.length() == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(ids.group(1))
            .append(",\"result\":").append(header(Long.parseLong(blocks.group(1), 16))).append('}');
      }
      response = request.startsWith("[") ? "[" + answers + "]" : answers.toString();
    }
    byte[] body = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String id(String request) {
    Matcher id = ID.matcher(request);
    if (!id.find()) {
      throw new UncheckedIOException(new IOException("no id in " + request));
    }
    return id.group(1);
  }

  private static String hash(long block) {
    return "0x" + String.format("%064x", block);
  }

  private static String header(long block) {
    return "{\"number\":\"0x" + Long.toHexString(block) + "\",\"hash\":\"" + hash(block) + "\",\"parentHash\":\""
        + hash(block - 1) + "\",\"timestamp\":\"0x1\"}";
  }

  private static String log(long block, long logIndex) {
    return "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"topics\":[],\"data\":\"0x\","
        + "\"blockNumber\":\"0x" + Long.toHexString(block) + "\",\"blockHash\":\"" + hash(block) + "\","
        + "\"transactionHash\":\"" + hash(100 + block) + "\",\"transactionIndex\":\"0x0\","
        + "\"logIndex\":\"0x" + Long.toHexString(logIndex) + "\",\"removed\":false}";
  }
}
