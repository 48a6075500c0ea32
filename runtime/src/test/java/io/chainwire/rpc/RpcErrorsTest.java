package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rows of {@link RpcErrors}' table that go by code, status and type, and its two queries. */
class RpcErrorsTest {
    private static final RpcEndpoint NODE = RpcEndpoint.of("http://127.0.0.1:8545");

    private static RpcErrorException error(int code, String message) {
        return new RpcErrorException("eth_getLogs", NODE, code, message, null);
    }

    private static RpcTransportException status(int status, String body) {
        return new RpcTransportException("eth_getLogs", NODE, status, null, body);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // JSON-RPC 2.0 codes that no retry can change; messages as geth and anvil send them.
                "-32700 | parse error                                   | PERMANENT",
                "-32600 | invalid request                               | PERMANENT",
                "-32601 | the method chainwire_noSuchMethod does not exist/is not available | PERMANENT",
                "-32602 | invalid argument 0: hex number > 64 bits      | PERMANENT",
                // EIP-1474: method not supported, JSON-RPC version not supported.
                "-32004 | Method not supported                          | PERMANENT",
                "-32006 | JSON-RPC version not supported                | PERMANENT",
                // Everything else is worth a retry: an internal error (a provider's proxy in front of geth)...
                "-32603 | internal error                                | TRANSIENT",
                // ...EIP-1474's resource unavailable, geth's default server error, an unknown code...
                "-32002 | resource unavailable                          | TRANSIENT",
                "-32000 | something went wrong                          | TRANSIENT",
                "-32099 | server busy                                   | TRANSIENT",
                // ...and limits without a known wording, including 429 as some providers use it for a code.
                "-32005 | slow down                                     | TRANSIENT",
                "429    | busy                                          | TRANSIENT",
            })
    void classifiesAnErrorObjectByItsCode(int code, String message, RpcErrorKind kind) {
        assertEquals(kind, RpcErrors.classify(error(code, message)));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "200 | TRANSIENT",
                "408 | TRANSIENT",
                "429 | TRANSIENT",
                "500 | TRANSIENT",
                "502 | TRANSIENT",
                "503 | TRANSIENT",
                "504 | TRANSIENT",
                "400 | PERMANENT",
                "401 | PERMANENT",
                "403 | PERMANENT",
                "404 | PERMANENT",
                "405 | PERMANENT",
                "413 | PERMANENT",
            })
    void classifiesAnHttpStatusWithoutAKnownBody(int code, RpcErrorKind kind) {
        assertEquals(kind, RpcErrors.classify(status(code, "")));
    }

    @Test
    void aKnownMessageOverridesTheCodeAndTheStatus() {
        // -32602 is permanent unless a known message says otherwise: Infura's range cap.
        assertEquals(
                RpcErrorKind.RANGE_TOO_LARGE,
                RpcErrors.classify(error(-32602, "range 1000000 exceeds limit of 10000")));
        // An HTTP 401 whose body is a rate limit is a rate limit.
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(status(401, "{\"message\":\"too many requests\"}")));
    }

    @Test
    void classifiesFailuresWithoutAnAnswerAsTransient() {
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcTransportException("m", NODE, "reset", null)));
        assertEquals(
                RpcErrorKind.TRANSIENT,
                RpcErrors.classify(new RpcTimeoutException("m", NODE, Duration.ofSeconds(1), null)));
        assertEquals(
                RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcResponseException("m", NODE, "", "truncated", null)));
    }

    @Test
    void classifiesAResponseOverTheSizeLimitAsRangeTooLarge() {
        RpcResponseException tooLarge = RpcResponseException.tooLarge("eth_getLogs", NODE, 1024);

        assertTrue(tooLarge.isTooLarge());
        assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(tooLarge));
        assertFalse(new RpcResponseException("m", NODE, "", "truncated", null).isTooLarge());
    }

    static Stream<Arguments> rateLimits() {
        return Stream.of(
                // HTTP 429 from any provider or proxy.
                Arguments.of(new RpcTransportException("eth_getLogs", NODE, 429, Duration.ofSeconds(2), "")),
                // Providers that put 429 in the error object.
                Arguments.of(error(429, "Too Many Requests")),
                // Infura, -32005 with rate wording.
                Arguments.of(error(-32005, "daily request count exceeded, request rate limited")),
                Arguments.of(error(-32005, "project ID request rate exceeded")),
                // Alchemy, in the body of an HTTP 429... or of any other status.
                Arguments.of(status(
                        503,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":429,\"message\":"
                                + "\"Your app has exceeded its compute units per second capacity.\"}}")));
    }

    @ParameterizedTest
    @MethodSource("rateLimits")
    void recognisesRateLimits(RpcException failure) {
        assertTrue(RpcErrors.isRateLimit(failure), failure.getMessage());
        assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(failure));
    }

    @Test
    void otherFailuresAreNotRateLimits() {
        assertFalse(RpcErrors.isRateLimit(status(503, "unavailable")));
        assertFalse(RpcErrors.isRateLimit(error(-32005, "query returned more than 10000 results")));
        assertFalse(RpcErrors.isRateLimit(error(-32005, "limit exceeded")));
        assertFalse(RpcErrors.isRateLimit(new RpcTimeoutException("eth_getLogs", NODE, Duration.ofSeconds(1), null)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // The execution-apis rule for pre-merge nodes, as Besu and Erigon answer (node-real/bsc-erigon#376).
                "-39001 | Unknown block",
                // geth before it has heard of a finalized or safe block (execution-apis#879).
                "-32000 | finalized block not found",
                "-32000 | safe block not found",
                // geth 1.11 on a pre-merge network (web3/web3.js#6017).
                "-32000 | 'finalized' tag not supported on pre-merge network",
                // IoTeX, which parses every unknown tag as a number (iotexproject/iotex-core#4942).
                "-32603 | strconv.ParseUint: parsing \"finalized\": invalid syntax",
                // geth releases from before the tags, which read any other tag as a hex number.
                "-32602 | invalid argument 0: hex string without 0x prefix",
                // Other wordings of the same refusal.
                "-32602 | unsupported block tag: finalized",
                "-32602 | invalid block tag",
                "-32602 | unknown block tag safe",
            })
    void recognisesANodeThatCannotResolveABlockTag(int code, String message) {
        assertTrue(RpcErrors.isUnsupportedBlockTag(error(code, message)));
    }

    @Test
    void otherFailuresSayNothingAboutBlockTags() {
        assertFalse(RpcErrors.isUnsupportedBlockTag(error(-32000, "header not found")));
        assertFalse(RpcErrors.isUnsupportedBlockTag(error(-32602, "invalid argument 0: hex number > 64 bits")));
        assertFalse(RpcErrors.isUnsupportedBlockTag(status(503, "")));
        assertFalse(RpcErrors.isUnsupportedBlockTag(new RpcTimeoutException("m", NODE, Duration.ofSeconds(1), null)));
    }

    @Test
    void blockTagAnswersKeepTheirOwnKindWhateverTheyMeanForFinality() {
        // A node that has just started may find its finalized block soon: worth a retry.
        assertEquals(RpcErrorKind.BEYOND_HEAD, RpcErrors.classify(error(-32000, "finalized block not found")));
        assertEquals(RpcErrorKind.BEYOND_HEAD, RpcErrors.classify(error(-39001, "Unknown block")));
        // A pre-merge chain will not grow one.
        assertEquals(
                RpcErrorKind.PERMANENT,
                RpcErrors.classify(error(-32000, "'finalized' tag not supported on pre-merge network")));
    }

    @Test
    void returnsTheServersRetryAfter() {
        assertEquals(
                Optional.of(Duration.ofSeconds(2)),
                RpcErrors.retryAfter(new RpcTransportException("m", NODE, 429, Duration.ofSeconds(2), "")));
        assertEquals(Optional.empty(), RpcErrors.retryAfter(error(429, "busy")));
    }
}
