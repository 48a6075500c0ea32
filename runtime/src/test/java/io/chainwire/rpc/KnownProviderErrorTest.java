package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One real message per known provider error, as the provider sends it. */
class KnownProviderErrorTest {
  private static final RpcEndpoint NODE = RpcEndpoint.of("http://127.0.0.1:8545");
  private static final Map<KnownProviderError, RpcErrorException> EXAMPLES = new EnumMap<>(KnownProviderError.class);

  static {
    example(KnownProviderError.RATE_LIMITED, -32005, "daily request count exceeded, request rate limited");
    example(KnownProviderError.QUERY_RETURNED_MORE_THAN, -32005, "query returned more than 10000 results");
    example(KnownProviderError.LOG_RESPONSE_SIZE_EXCEEDED, -32602,
        "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the"
            + " response size, or you can request any block range with a cap of 10K logs in the response.");
    example(KnownProviderError.RESPONSE_SIZE_EXCEEDED, -32000, "Response is too big");
    example(KnownProviderError.BLOCK_RANGE_TOO_WIDE, -32602, "block range is too wide (maximum 1024)");
    example(KnownProviderError.EXCEED_MAXIMUM_BLOCK_RANGE, -32000, "exceed maximum block range: 50000");
    example(KnownProviderError.RANGE_TOO_LARGE, -32000, "block range too large");
    example(KnownProviderError.RANGE_EXCEEDS_LIMIT, -32602, "range 1000000 exceeds limit of 10000");
    example(KnownProviderError.BLOCK_RANGE_OVER_MAX, -32000, "block range is larger than max block range, block range = 5120, max block range = 5000");
    example(KnownProviderError.BLOCK_RANGE_EXCEEDS_LIMIT, -32000, "block range exceeds configured limit");
    example(KnownProviderError.LIMITED_BLOCK_RANGE, -32614, "eth_getLogs is limited to a 10,000 range");
    example(KnownProviderError.TOO_MANY_RESULTS, -32000, "query returns too many logs, narrow your filter");
    example(KnownProviderError.QUERY_TIMEOUT_EXCEEDED, -32005, "query timeout exceeded");
    example(KnownProviderError.LIMIT_EXCEEDED, -32005, "limit exceeded");
    example(KnownProviderError.ANVIL_BLOCK_OUT_OF_RANGE, -32602, "BlockOutOfRangeError: block height is 5 but requested was 16");
    example(KnownProviderError.BEYOND_CURRENT_HEAD, -32000, "block range extends beyond current head block");
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
  void recognisesOtherWordingsOfTheSameRefusals() {
    assertEquals(Optional.of(KnownProviderError.QUERY_RETURNED_MORE_THAN), KnownProviderError.match(
        "Query returned more than 10000 results. Try with this block range [0x118dc91, 0x1198cc3]."));
    assertEquals(Optional.of(KnownProviderError.LIMITED_BLOCK_RANGE), KnownProviderError.match(
        "You can make eth_getLogs requests with up to a 500 block range. Based on your parameters, this block range should work: [0x1, 0x2]"));
    assertEquals(Optional.of(KnownProviderError.EXCEED_MAXIMUM_BLOCK_RANGE), KnownProviderError.match("query exceeds max block range 100000"));
    assertEquals(Optional.of(KnownProviderError.BLOCK_RANGE_EXCEEDS_LIMIT), KnownProviderError.match(
        "query block range exceeds server limit, narrow your filter: 1000"));
    assertEquals(Optional.of(KnownProviderError.RATE_LIMITED), KnownProviderError.match(
        "Your app has exceeded its compute units per second capacity"));
    assertEquals(Optional.of(KnownProviderError.RATE_LIMITED), KnownProviderError.match("project ID request rate exceeded"));
    assertEquals(Optional.of(KnownProviderError.RESPONSE_SIZE_EXCEEDED), KnownProviderError.match("response size exceeded"));
    assertEquals(Optional.of(KnownProviderError.LIMIT_EXCEEDED), KnownProviderError.match("-32005 limit exceeded"));
    assertEquals(Optional.of(KnownProviderError.LIMIT_EXCEEDED), KnownProviderError.match("Limit exceeded"));
    assertEquals(Optional.empty(), KnownProviderError.match("gas limit exceeded"));
  }

  @Test
  void looksInTheErrorDataToo() {
    RpcErrorException tenderly = new RpcErrorException("eth_getLogs", NODE, -32602, "invalid params",
        "{\"error_id\":\"4ed94073\",\"payload\":\"range 9009594 is bigger than range limit 2000\"}");

    assertEquals(RpcErrorKind.RANGE_TOO_LARGE, RpcErrors.classify(tenderly));
  }

  @Test
  void classifiesUnknownErrorsByCodeAndTransport() {
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcErrorException("m", NODE, -32005, "slow down", null)));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcErrorException("m", NODE, 429, "busy", null)));
    assertEquals(RpcErrorKind.PERMANENT, RpcErrors.classify(new RpcErrorException("m", NODE, -32601, "Method not found", null)));
    assertEquals(RpcErrorKind.PERMANENT, RpcErrors.classify(new RpcErrorException("m", NODE, -32602, "invalid argument 0", null)));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcTransportException("m", NODE, "reset", null)));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcTransportException("m", NODE, 503, null, "")));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcTransportException("m", NODE, 408, null, "")));
    assertEquals(RpcErrorKind.PERMANENT, RpcErrors.classify(new RpcTransportException("m", NODE, 401, null, "invalid project id")));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcTimeoutException("m", NODE, Duration.ofSeconds(1), null)));
    assertEquals(RpcErrorKind.TRANSIENT, RpcErrors.classify(new RpcResponseException("m", NODE, "", "truncated", null)));
  }

  @Test
  void everyKnownErrorHasAnExample() {
    assertTrue(EXAMPLES.keySet().containsAll(java.util.EnumSet.allOf(KnownProviderError.class)));
  }
}
