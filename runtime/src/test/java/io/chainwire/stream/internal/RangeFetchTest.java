package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainwire.abi.Address;
import io.chainwire.abi.RawLog;
import io.chainwire.checkpoint.StreamId;
import io.chainwire.rpc.Bloom;
import io.chainwire.rpc.LogFilter;
import io.chainwire.rpc.LoopbackHttp;
import io.chainwire.stream.StreamMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A range fetched from a node that returns its logs out of chain order still comes out in chain order, both as settled
 * logs (finalized) and block by block. The node is a real HTTP peer on the loopback interface with canned blocks 5 to
 * 7.
 */
class RangeFetchTest {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern BLOCK = Pattern.compile("\"eth_getBlockByNumber\",\"params\":\\[\"0x([0-9a-f]+)\"");
    // Block, log index, in the order the node returns them.
    private static final long[][] SHUFFLED = {{7, 0}, {5, 1}, {5, 0}, {6, 1}, {6, 0}};
    private static final long HEAD = 8;
    // The logsBloom of each header the node answers, by block; none for the others.
    private static final Map<Long, Bloom> BLOOMS = new ConcurrentHashMap<>();

    private HttpServer node;
    private Endpoint endpoint;

    @BeforeEach
    void startNode() throws IOException {
        BLOOMS.clear();
        node = LoopbackHttp.start(RangeFetchTest::answer);
        endpoint = new Endpoint(
                LoopbackHttp.endpoint(node),
                "node",
                Duration.ofSeconds(5),
                100,
                Duration.ofMinutes(1),
                1 << 20,
                StreamMetrics.NONE,
                new StopSignal(EngineClock.SYSTEM),
                NetworkConnector.INSTANCE);
    }

    @AfterEach
    void stopNode() {
        endpoint.close();
        node.stop(0);
    }

    @Test
    void finalizedRangeSettlesLogsThatCameOutOfOrderInChainOrder() {
        FetchedRange range = fetch(5, 7, true).run(endpoint);

        assertEquals(List.of("5/0", "5/1", "6/0", "6/1", "7/0"), positions(range.settled()));
        assertEquals(1, range.blocks().size());
        assertEquals(7, range.blocks().get(0).block().number());
        assertEquals(List.of(), range.blocks().get(0).logs());
    }

    @Test
    void rangeAboveFinalizedGivesEachBlockItsLogsInChainOrder() {
        FetchedRange range = fetch(5, 7, false).run(endpoint);

        assertEquals(List.of(), range.settled());
        assertEquals(
                List.of(5L, 6L, 7L),
                range.blocks().stream().map(block -> block.block().number()).toList());
        assertEquals(List.of("5/0", "5/1"), positions(range.blocks().get(0).logs()));
        assertEquals(List.of("6/0", "6/1"), positions(range.blocks().get(1).logs()));
        assertEquals(List.of("7/0"), positions(range.blocks().get(2).logs()));
    }

    @Test
    void aNodeWhoseHeadIsBelowTheRangeIsNotAskedForItsLogs() {
        NodeBehind behind =
                assertThrows(NodeBehind.class, () -> fetch(5, 9, false).run(endpoint));

        assertEquals(endpoint + " reports head 8, below block 9 of eth_getLogs over blocks 5..9", behind.getMessage());
    }

    @Test
    void aRangeWhoseLastBlocksBloomHoldsALogThatDidNotComeBackIsAskedAgainAndTheSecondAnswerTaken() {
        // No log of block 8 comes back, but its bloom holds one.
        BLOOMS.put(
                8L,
                Bloom.builder()
                        .add(Address.fromHex("0x00000000000000000000000000000000000000ee"))
                        .build());
        RangeFetch fetch = fetch(5, 8, false);

        assertThrows(SuspectAnswer.class, () -> fetch.run(endpoint));
        FetchedRange range = fetch.run(endpoint);
        assertEquals(
                List.of(5L, 6L, 7L, 8L),
                range.blocks().stream().map(block -> block.block().number()).toList());
    }

    @Test
    void aLogThatItsBlocksBloomRulesOutIsAFaultyAnswer() {
        BLOOMS.put(6L, Bloom.EMPTY);

        FaultyAnswer faulty =
                assertThrows(FaultyAnswer.class, () -> fetch(5, 7, false).run(endpoint));
        assertTrue(faulty.getMessage().contains("with a log that the bloom of block 6"), faulty.getMessage());
    }

    private static RangeFetch fetch(long from, long to, boolean finalized) {
        return new RangeFetch(
                StreamId.of("test"),
                new AnswerChecks(LogFilter.builder().build()),
                new BloomCheck(LogFilter.builder().build()),
                false,
                from,
                to,
                finalized,
                () -> true);
    }

    private static List<String> positions(List<RawLog> logs) {
        return logs.stream()
                .map(log -> log.meta().blockNumber() + "/" + log.meta().logIndex())
                .toList();
    }

    /** Answers eth_getLogs with the shuffled logs, and each header request of a batch with its block. */
    private static void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String response;
        if (request.contains("eth_blockNumber")) {
            response =
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id(request) + ",\"result\":\"0x" + Long.toHexString(HEAD) + "\"}";
        } else if (request.contains("eth_getLogs")) {
            String logs = java.util.Arrays.stream(SHUFFLED)
                    .map(at -> log(at[0], at[1]))
                    .collect(Collectors.joining(","));
            response = "{\"jsonrpc\":\"2.0\",\"id\":" + id(request) + ",\"result\":[" + logs + "]}";
        } else {
            Matcher ids = ID.matcher(request);
            Matcher blocks = BLOCK.matcher(request);
            StringBuilder answers = new StringBuilder();
            while (ids.find() && blocks.find()) {
                answers.append(answers.length() == 0 ? "" : ",")
                        .append("{\"jsonrpc\":\"2.0\",\"id\":")
                        .append(ids.group(1))
                        .append(",\"result\":")
                        .append(header(Long.parseLong(blocks.group(1), 16)))
                        .append('}');
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
        Bloom bloom = BLOOMS.get(block);
        return "{\"number\":\"0x" + Long.toHexString(block) + "\",\"hash\":\"" + hash(block) + "\",\"parentHash\":\""
                + hash(block - 1) + "\",\"timestamp\":\"0x1\""
                + (bloom == null ? "" : ",\"logsBloom\":\"" + bloom.toHex() + "\"")
                + "}";
    }

    private static String log(long block, long logIndex) {
        return "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"topics\":[],\"data\":\"0x\","
                + "\"blockNumber\":\"0x" + Long.toHexString(block) + "\",\"blockHash\":\"" + hash(block) + "\","
                + "\"transactionHash\":\"" + hash(100 + block) + "\",\"transactionIndex\":\"0x0\","
                + "\"logIndex\":\"0x" + Long.toHexString(logIndex) + "\",\"removed\":false}";
    }
}
