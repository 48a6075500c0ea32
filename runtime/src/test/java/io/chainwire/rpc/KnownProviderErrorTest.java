package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One real message per known provider error, as the provider sends it, with where it comes from. */
class KnownProviderErrorTest {
    private static final RpcEndpoint NODE = RpcEndpoint.of("http://127.0.0.1:8545");
    private static final Map<KnownProviderError, RpcErrorException> EXAMPLES = new EnumMap<>(KnownProviderError.class);

    static {
        // Infura, eth_getLogs over its daily quota.
        example(KnownProviderError.RATE_LIMITED, -32005, "daily request count exceeded, request rate limited");
        // Infura and geth's own filter cap.
        example(KnownProviderError.QUERY_RETURNED_MORE_THAN, -32005, "query returned more than 10000 results");
        // Alchemy's eth_getLogs documentation.
        example(
                KnownProviderError.LOG_RESPONSE_SIZE_EXCEEDED,
                -32602,
                "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the"
                        + " response size, or you can request any block range with a cap of 10K logs in the response.");
        // zkSync Era.
        example(KnownProviderError.RESPONSE_SIZE_EXCEEDED, -32000, "Response is too big");
        // Ankr; Frontier's (Moonbeam) test suite: `block range is too wide (maximum ${MAX_BLOCK_RANGE})`.
        example(KnownProviderError.BLOCK_RANGE_TOO_WIDE, -32602, "block range is too wide (maximum 1024)");
        // BSC public endpoints.
        example(KnownProviderError.EXCEED_MAXIMUM_BLOCK_RANGE, -32000, "exceed maximum block range: 50000");
        // Base public endpoint.
        example(KnownProviderError.RANGE_TOO_LARGE, -32000, "block range too large");
        // Infura's range cap.
        example(KnownProviderError.RANGE_EXCEEDS_LIMIT, -32602, "range 1000000 exceeds limit of 10000");
        // Morph's geth fork.
        example(
                KnownProviderError.BLOCK_RANGE_OVER_MAX,
                -32000,
                "block range is larger than max block range, block range = 5120, max block range = 5000");
        // Polygon Amoy.
        example(KnownProviderError.BLOCK_RANGE_EXCEEDS_LIMIT, -32000, "block range exceeds configured limit");
        // QuickNode, with HTTP 413.
        example(KnownProviderError.LIMITED_BLOCK_RANGE, -32614, "eth_getLogs is limited to a 10,000 range");
        // Erigon.
        example(KnownProviderError.TOO_MANY_RESULTS, -32000, "query returns too many logs, narrow your filter");
        // Infura, an eth_getLogs scan that ran out of time.
        example(KnownProviderError.QUERY_TIMEOUT_EXCEEDED, -32005, "query timeout exceeded");
        // EIP-1474's standard -32005 message.
        example(KnownProviderError.LIMIT_EXCEEDED, -32005, "limit exceeded");
        // geth 1.11 on a pre-merge (clique) chain, as web3.js reported it (web3/web3.js#6017).
        example(
                KnownProviderError.BLOCK_TAG_NOT_SUPPORTED,
                -32000,
                "'finalized' tag not supported on pre-merge network");
        // anvil 1.7, recorded by HttpRpcClientOnAnvilTest.
        example(
                KnownProviderError.ANVIL_BLOCK_OUT_OF_RANGE,
                -32602,
                "BlockOutOfRangeError: block height is 5 but requested was 16");
        // geth's filter API, execution-apis test tests/eth_getLogs/filter-error-future-block-range.io.
        example(KnownProviderError.BEYOND_CURRENT_HEAD, -32602, "block range extends beyond current head block");
        // geth and Infura's load-balanced replicas (MetaMask/metamask-extension#7234, ethersphere/bee#1919).
        example(KnownProviderError.HEADER_NOT_FOUND, -32000, "header not found");
        // Erigon and Besu for "finalized" before a finalized block is known (node-real/bsc-erigon#376).
        example(KnownProviderError.UNKNOWN_BLOCK, -39001, "Unknown block");
        // A provider in front of geth whose upstream did not answer.
        example(KnownProviderError.TIMED_OUT, -32603, "internal error: upstream timeout");
    }

    private static void example(KnownProviderError known, int code, String message) {
        EXAMPLES.put(known, new RpcErrorException("eth_getLogs", NODE, code, message, null));
    }

    @ParameterizedTest
    @EnumSource(KnownProviderError.class)
    void recognisesItsProvidersMessage(KnownProviderError known) {
        RpcErrorException example = EXAMPLES.get(known);

        assertEquals(Optional.of(known), RpcErrors.knownError(example), "no example matches " + known);
        assertEquals(known.kind(), RpcErrors.classify(example));
    }

    @Test
    void everyKnownErrorHasAnExample() {
        assertTrue(EXAMPLES.keySet().containsAll(EnumSet.allOf(KnownProviderError.class)));
    }

    @Test
    void recognisesOtherWordingsOfTheSameRefusals() {
        assertEquals(
                Optional.of(KnownProviderError.QUERY_RETURNED_MORE_THAN),
                KnownProviderError.match(
                        "Query returned more than 10000 results. Try with this block range [0x118dc91, 0x1198cc3]."));
        assertEquals(
                Optional.of(KnownProviderError.LIMITED_BLOCK_RANGE),
                KnownProviderError.match(
                        "You can make eth_getLogs requests with up to a 500 block range. Based on your parameters, this block range should work: [0x1, 0x2]"));
        assertEquals(
                Optional.of(KnownProviderError.EXCEED_MAXIMUM_BLOCK_RANGE),
                KnownProviderError.match("query exceeds max block range 100000"));
        assertEquals(
                Optional.of(KnownProviderError.BLOCK_RANGE_EXCEEDS_LIMIT),
                KnownProviderError.match("query block range exceeds server limit, narrow your filter: 1000"));
        assertEquals(
                Optional.of(KnownProviderError.RATE_LIMITED),
                KnownProviderError.match(
                        "Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message."));
        assertEquals(
                Optional.of(KnownProviderError.RATE_LIMITED),
                KnownProviderError.match("project ID request rate exceeded"));
        assertEquals(
                Optional.of(KnownProviderError.RATE_LIMITED),
                KnownProviderError.match(
                        "15/second request limit reached - reduce calls per second or upgrade your account at quicknode.com"));
        assertEquals(
                Optional.of(KnownProviderError.RESPONSE_SIZE_EXCEEDED),
                KnownProviderError.match("response size exceeded"));
        assertEquals(
                Optional.of(KnownProviderError.RESPONSE_SIZE_EXCEEDED), KnownProviderError.match("response too large"));
        assertEquals(Optional.of(KnownProviderError.LIMIT_EXCEEDED), KnownProviderError.match("-32005 limit exceeded"));
        assertEquals(Optional.of(KnownProviderError.LIMIT_EXCEEDED), KnownProviderError.match("Limit exceeded"));
        assertEquals(
                Optional.of(KnownProviderError.UNKNOWN_BLOCK), KnownProviderError.match("finalized block not found"));
        assertEquals(Optional.of(KnownProviderError.UNKNOWN_BLOCK), KnownProviderError.match("unknown block"));
        assertEquals(Optional.of(KnownProviderError.TIMED_OUT), KnownProviderError.match("request timed out"));
        assertEquals(Optional.of(KnownProviderError.TIMED_OUT), KnownProviderError.match("context deadline exceeded"));
        assertEquals(Optional.empty(), KnownProviderError.match("gas limit exceeded"));
    }

    @Test
    void looksInTheErrorDataToo() {
        RpcErrorException tenderly = new RpcErrorException(
                "eth_getLogs",
                NODE,
                -32602,
                "invalid params",
                "{\"error_id\":\"4ed94073\",\"payload\":\"range 9009594 is bigger than range limit 2000\"}");

        assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(tenderly));
    }
}
