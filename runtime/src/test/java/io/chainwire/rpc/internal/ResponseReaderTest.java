package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
    private static final RpcCall<Long> BLOCK_NUMBER = new RpcCall<>("eth_blockNumber", Params.NONE, Results.QUANTITY);
    private static final RpcCall<Long> CHAIN_ID = new RpcCall<>("eth_chainId", Params.NONE, Results.QUANTITY);
    private static final RpcCall<String> RAW = new RpcCall<>("anvil_nodeInfo", Params.NONE, Results.RAW_JSON);
    private static final List<RpcCall<Long>> THREE = List.of(BLOCK_NUMBER, CHAIN_ID, BLOCK_NUMBER);

    private static RpcResponseException malformed(String body) {
        return assertThrows(RpcResponseException.class, () -> Responses.single(body, 5, BLOCK_NUMBER));
    }

    private static RpcResponseException malformedBatch(String body) {
        return assertThrows(RpcResponseException.class, () -> Responses.batch(body, 10, THREE));
    }

    @Test
    void readsAResultWhateverTheMemberOrder() {
        assertEquals(26, Responses.single("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1a\"}", 5, BLOCK_NUMBER));
        assertEquals(26, Responses.single("{\"result\":\"0x1a\",\"id\":5,\"jsonrpc\":\"2.0\"}", 5, BLOCK_NUMBER));
    }

    @Test
    void copiesAnyResultAsRawJson() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"a\":[1,true,null,\"x\"],\"b\":{}}}";

        assertEquals("{\"a\":[1,true,null,\"x\"],\"b\":{}}", Responses.single(body, 5, RAW));
    }

    @Test
    void turnsAnErrorObjectIntoAnRpcErrorExceptionWithCodeMessageAndData() {
        String body =
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\","
                        + "\"data\":{\"from\":\"0x1\",\"to\":\"0x2\"}}}";

        RpcErrorException e = assertThrows(RpcErrorException.class, () -> Responses.single(body, 5, BLOCK_NUMBER));

        assertEquals(-32005, e.code());
        assertEquals("query returned more than 10000 results", e.rpcMessage());
        assertEquals(Optional.of("{\"from\":\"0x1\",\"to\":\"0x2\"}"), e.data());
        assertEquals("eth_blockNumber", e.method());
        assertEquals(
                "eth_blockNumber on http://127.0.0.1:8545: error -32005: query returned more than 10000 results"
                        + " (data: {\"from\":\"0x1\",\"to\":\"0x2\"})",
                e.getMessage());
    }

    @Test
    void acceptsAnErrorWithANullIdAsNodesSendForUnparsableRequests() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid request\"}}";

        assertEquals(
                -32600,
                assertThrows(RpcErrorException.class, () -> Responses.single(body, 5, BLOCK_NUMBER))
                        .code());
    }

    @Test
    void rejectsAResponseToAnotherRequest() {
        RpcResponseException e = malformed("{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":\"0x1\"}");

        assertEquals("id", e.path());
        assertTrue(e.getMessage().contains("expected id 5, got 6"), e.getMessage());
        assertTrue(malformed("{\"jsonrpc\":\"2.0\",\"id\":\"5\",\"result\":\"0x1\"}")
                .getMessage()
                .contains("got \"5\""));
    }

    @Test
    void rejectsEnvelopesWithoutExactlyOneOfResultAndError() {
        assertTrue(malformed("{\"jsonrpc\":\"2.0\",\"id\":5}").getMessage().contains("neither result nor error"));
        assertTrue(
                malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1\",\"error\":{\"code\":1,\"message\":\"x\"}}")
                        .getMessage()
                        .contains("both result and error"));
        assertTrue(malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1\",\"result\":\"0x2\"}")
                .getMessage()
                .contains("field given twice"));
    }

    @Test
    void rejectsMalformedErrorObjects() {
        RpcResponseException e =
                malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":\"-32000\",\"message\":\"x\"}}");
        assertEquals("error.code", e.path());
        assertEquals(
                "error",
                malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32000}}")
                        .path());
        assertEquals(
                "error",
                malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":\"boom\"}").path());
    }

    @Test
    void rejectsAnythingButOneResponseObject() {
        assertTrue(malformed("").getMessage().contains("got the end of the input"));
        assertTrue(malformed("[{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1\"}]")
                .getMessage()
                .contains("got an array"));
        assertTrue(malformed("<html>502 Bad Gateway</html>").getMessage().contains("malformed JSON"));
        assertTrue(malformed("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0x1\"} {}")
                .getMessage()
                .contains("unexpected an object after the response"));
    }

    @Test
    void matchesBatchResponsesByIdInAnyOrder() {
        String body = "[{\"jsonrpc\":\"2.0\",\"id\":12,\"result\":\"0x3\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":11,\"result\":\"0x7a69\"}]";

        List<RpcResult<Long>> results = Responses.batch(body, 10, THREE);

        assertEquals(
                List.of(1L, 31337L, 3L), results.stream().map(RpcResult::get).toList());
    }

    @Test
    void buffersABatchResultThatArrivesBeforeItsId() {
        String body =
                "[{\"result\":\"0x3\",\"id\":12},{\"id\":10,\"result\":\"0x1\"},{\"result\":\"0x2\",\"jsonrpc\":\"2.0\",\"id\":11}]";

        assertEquals(
                List.of(1L, 2L, 3L),
                Responses.batch(body, 10, THREE).stream().map(RpcResult::get).toList());
    }

    @Test
    void givesEachBatchRequestItsOwnErrorOrMissingOutcome() {
        String body = "[{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":11,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}]";

        List<RpcResult<Long>> results = Responses.batch(body, 10, THREE);

        assertEquals(1L, results.get(0).get());
        RpcErrorException error = assertThrows(RpcErrorException.class, results.get(1)::get);
        assertEquals(-32601, error.code());
        assertEquals("eth_chainId", error.method());
        assertFalse(results.get(2).isSuccess());
        RpcResponseException missing =
                (RpcResponseException) results.get(2).error().orElseThrow();
        assertTrue(missing.getMessage().contains("the batch response has no entry for id 12"), missing.getMessage());
    }

    @Test
    void rejectsDuplicateUnknownAndNullIdsInABatch() {
        RpcResponseException duplicate = malformedBatch(
                "[{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":\"0x1\"},{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":\"0x1\"}]");
        assertEquals("[1].id", duplicate.path());
        assertTrue(duplicate.getMessage().contains("a second response for id 10"), duplicate.getMessage());
        assertTrue(
                duplicate.getMessage().startsWith("batch of 3 (eth_blockNumber, eth_chainId) on"),
                duplicate.getMessage());

        RpcResponseException unknown = malformedBatch("[{\"jsonrpc\":\"2.0\",\"id\":13,\"result\":\"0x1\"}]");
        assertEquals("[0].id", unknown.path());
        assertTrue(unknown.getMessage().contains("id 13 matches no request of the batch"), unknown.getMessage());

        assertEquals(
                "[0].id",
                malformedBatch("[{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":\"0x1\"}]")
                        .path());
    }

    @Test
    void reportsAnErrorObjectForTheWholeBatch() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid request\"}}";

        RpcErrorException e = assertThrows(RpcErrorException.class, () -> Responses.batch(body, 10, THREE));

        assertEquals(-32600, e.code());
        assertEquals("batch of 3 (eth_blockNumber, eth_chainId)", e.method());
    }

    @Test
    void reportsABadResultInABatchWithItsPosition() {
        String body =
                "[{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":\"0x1\"},{\"jsonrpc\":\"2.0\",\"id\":11,\"result\":\"0xq\"}]";

        assertEquals("[1].result", malformedBatch(body).path());
    }
}
