package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.RpcResponseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogsParserTest {
    private static final RpcCall<List<RawLog>> GET_LOGS = new RpcCall<>("eth_getLogs", Params.NONE, LogsParser.LOGS);
    private static final String LOG = "{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\","
            + "\"topics\":[\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"],"
            + "\"data\":\"0x00ff\","
            + "\"blockHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\","
            + "\"blockNumber\":\"0x6\","
            + "\"transactionHash\":\"0x2d1012f65564c475f1e4b2f2899c9e150189a997c7b4cf0106982c47882319de\","
            + "\"transactionIndex\":\"0x0\",\"logIndex\":\"0x1\",\"removed\":false}";

    private static List<RawLog> parse(String logsJson) {
        return Responses.result(logsJson, GET_LOGS);
    }

    private static RpcResponseException failure(String logsJson) {
        return Responses.malformed(logsJson, GET_LOGS);
    }

    @Test
    void parsesARecordedAnvilResponseWithZeroThreeAndFourTopics() {
        List<RawLog> logs = Responses.single(Responses.resource("anvil-getLogs.json"), 7, GET_LOGS);

        assertEquals(3, logs.size());
        RawLog first = logs.get(0);
        assertEquals(Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3"), first.address());
        assertEquals(
                List.of(
                        Hash.fromHex("0x" + "a".repeat(64)),
                        Hash.fromHex("0x" + "b".repeat(64)),
                        Hash.fromHex("0x" + "c".repeat(64))),
                first.topics());
        assertEquals(Bytes.fromHex("0x" + "0".repeat(62) + "ff"), first.data());
        assertEquals(6, first.meta().blockNumber());
        assertEquals(
                Hash.fromHex("0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39"),
                first.meta().blockHash());
        assertEquals(
                Hash.fromHex("0x2d1012f65564c475f1e4b2f2899c9e150189a997c7b4cf0106982c47882319de"),
                first.meta().transactionHash());
        assertEquals(0, first.meta().transactionIndex());
        assertEquals(0, first.meta().logIndex());
        assertEquals(0, logs.get(1).topicCount());
        assertEquals(Bytes.EMPTY, logs.get(1).data());
        assertEquals(4, logs.get(2).topicCount());
        assertEquals(Bytes.fromHex("0x00000000ff"), logs.get(2).data());
        assertEquals(2, logs.get(2).meta().logIndex());
    }

    @Test
    void valuesALogRepeatsFromTheLogBeforeAreSharedAndAChangedDigitIsNot() {
        String blockHash = "9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39";
        String otherBlock = blockHash.substring(0, 63) + "a";
        // How each log writes its block hash: the same, one digit changed, escaped, upper case.
        List<String> written = List.of(
                "0x" + blockHash,
                "0x" + blockHash,
                "0x" + otherBlock,
                "\\u0030x" + blockHash,
                "0x" + blockHash,
                "0x" + blockHash.toUpperCase(java.util.Locale.ROOT),
                "0x" + blockHash);
        String logs = written.stream()
                .map(hash -> LOG.replace("0x" + blockHash, hash))
                .collect(Collectors.joining(","));
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":[" + logs + "]}").getBytes(StandardCharsets.UTF_8);

        for (int chunk : new int[] {body.length, 1, 7, 64}) {
            List<RawLog> parsed = Responses.single(Responses.trickle(body, chunk), 7, GET_LOGS);
            List<Hash> hashes =
                    parsed.stream().map(log -> log.meta().blockHash()).toList();
            Hash expected = Hash.fromHex("0x" + blockHash);
            assertEquals(
                    List.of(
                            expected,
                            expected,
                            Hash.fromHex("0x" + otherBlock),
                            expected,
                            expected,
                            expected,
                            expected),
                    hashes,
                    "chunks of " + chunk);
            assertSame(hashes.get(0), hashes.get(1), "a repeat is shared");
            assertSame(parsed.get(0).address(), parsed.get(6).address());
            assertSame(parsed.get(0).topic(0), parsed.get(6).topic(0));
            assertSame(
                    parsed.get(0).meta().transactionHash(), parsed.get(6).meta().transactionHash());
        }
    }

    @Test
    void parsesTheSameWhateverTheChunksTheBodyArrivesIn() {
        byte[] body = Responses.resource("anvil-getLogs.json").getBytes(StandardCharsets.UTF_8);
        List<RawLog> whole = Responses.single(new ByteArrayInputStream(body), 7, GET_LOGS);

        for (int chunk = 1; chunk <= 80; chunk++) {
            assertEquals(whole, Responses.single(Responses.trickle(body, chunk), 7, GET_LOGS), "chunks of " + chunk);
        }
    }

    @Test
    void parsesAnEmptyResult() {
        assertEquals(List.of(), parse("[]"));
    }

    @Test
    void skipsUnknownFieldsOfAnyShape() {
        String log = LOG.replace("{", "{\"blockTimestamp\":\"0x1\",\"extra\":{\"nested\":[1,{\"a\":null}]},");

        assertEquals(1, parse("[" + log + "]").get(0).meta().logIndex());
    }

    @Test
    void readsFieldsInAnyOrder() {
        String reordered = "{\"logIndex\":\"0x1\",\"removed\":false,\"transactionIndex\":\"0x0\","
                + "\"transactionHash\":\"0x2d1012f65564c475f1e4b2f2899c9e150189a997c7b4cf0106982c47882319de\","
                + "\"blockNumber\":\"0x6\",\"blockHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\","
                + "\"data\":\"0x00ff\",\"topics\":[\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"],"
                + "\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\"}";

        assertEquals(parse("[" + LOG + "]"), parse("[" + reordered + "]"));
    }

    @Test
    void acceptsALogWithoutTheRemovedFlagAndRefusesALogMarkedRemoved() {
        assertEquals(parse("[" + LOG + "]"), parse("[" + LOG.replace(",\"removed\":false", "") + "]"));

        RpcResponseException e = failure("[" + LOG + "," + LOG.replace("\"removed\":false", "\"removed\":true") + "]");
        assertEquals("result[1].removed", e.path());
        assertTrue(
                e.getMessage()
                        .contains("a log marked removed; an eth_getLogs answer holds only logs of the canonical"
                                + " chain"),
                e.getMessage());
    }

    @Test
    void acceptsUpperCaseHexDigits() {
        RawLog log = parse("[" + LOG.replace("0x00ff", "0x00FF") + "]").get(0);

        assertEquals(Bytes.fromHex("0x00ff"), log.data());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad hex in a topic | 0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaag | result[1].topics[0] | invalid hex character 'g'",
                "a short topic | 0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 0xaaaa | result[1].topics[0] | expected a 32-byte hash (64 hex digits), got 4 digits",
                "odd data length | \"0x00ff\" | \"0x00f\" | result[1].data | odd number of hex digits (3)",
                "data without 0x | \"0x00ff\" | \"00ff\" | result[1].data | expected hex data starting with 0x",
                "a short address | 0x5fbdb2315678afecb367f032d93f642f64180aa3 | 0x5fbdb2315678afecb367f032d93f642f64180a | result[1].address | expected a 20-byte address (40 hex digits), got 38 digits",
                "a null block hash | \"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\" | null | result[1].blockHash | got null",
                "a numeric block number | \"0x6\" | 6 | result[1].blockNumber | expected a hex quantity as a 0x-prefixed string, got a number",
                "an empty quantity | \"blockNumber\":\"0x6\" | \"blockNumber\":\"0x\" | result[1].blockNumber | got \"0x\" without digits",
                "a non-hex quantity digit | \"logIndex\":\"0x1\" | \"logIndex\":\"0x1z\" | result[1].logIndex | invalid hex digit 'z'",
                "a quantity above 2^63-1 | \"blockNumber\":\"0x6\" | \"blockNumber\":\"0x8000000000000000\" | result[1].blockNumber | larger than 2^63-1",
                "an index above 2^31-1 | \"logIndex\":\"0x1\" | \"logIndex\":\"0x80000000\" | result[1].logIndex | larger than 2^31-1",
                "removed as a string | \"removed\":false | \"removed\":\"false\" | result[1].removed | expected a boolean, got a string",
                "a missing block hash | \"blockHash\":\"0x9a14e4b276f277c83ed53fb08bc596488389622c8963c928f835c3f3feb6ad39\", | '' | result[1] | log without blockHash",
                "a field given twice | \"data\":\"0x00ff\" | \"data\":\"0x00ff\",\"data\":\"0x00\" | result[1].data | field given twice",
                "topics not an array | [\"0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"] | \"0xaa\" | result[1].topics | expected an array of topics",
            })
    void rejectsABadFieldNamingTheLogAndField(String what, String good, String bad, String path, String message) {
        RpcResponseException e = failure("[" + LOG + "," + LOG.replace(good, bad) + "]");

        assertEquals(path, e.path(), what);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(
                e.getMessage().startsWith("eth_getLogs on http://127.0.0.1:8545: bad response at " + path),
                e.getMessage());
    }

    @Test
    void rejectsMoreThanFourTopics() {
        String topic = "\"0x" + "1".repeat(64) + "\"";
        String fiveTopics = String.join(",", topic, topic, topic, topic, topic);

        RpcResponseException e = failure("[" + LOG.replaceFirst("\\[\"0xa+\"\\]", "[" + fiveTopics + "]") + "]");

        assertEquals("result[0].topics", e.path());
        assertTrue(e.getMessage().contains("more than 4 topics"), e.getMessage());
    }

    @Test
    void namesEveryMissingField() {
        RpcResponseException e = failure("[{\"address\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\"}]");

        assertEquals("result[0]", e.path());
        assertTrue(
                e.getMessage()
                        .contains(
                                "log without topics, data, blockNumber, blockHash, transactionHash, transactionIndex, logIndex"),
                e.getMessage());
    }

    @Test
    void rejectsAResultThatIsNotAnArrayOfLogObjects() {
        assertEquals("result", failure("null").path());
        assertTrue(failure("null").getMessage().contains("expected an array of logs, got null"));
        assertEquals("result[1]", failure("[" + LOG + ",\"0x1\"]").path());
    }

    @Test
    void reportsTruncatedJsonWithItsPosition() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[" + LOG.substring(0, 100);

        RpcResponseException e = assertThrows(RpcResponseException.class, () -> Responses.single(body, 1, GET_LOGS));

        assertEquals("", e.path());
        assertTrue(
                e.getMessage()
                        .endsWith("malformed JSON: unexpected end of input in a string (line 1, column "
                                + (body.length() + 1) + ")"),
                e.getMessage());
    }
}
