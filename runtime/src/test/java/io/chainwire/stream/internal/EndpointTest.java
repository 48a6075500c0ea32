package io.chainwire.stream.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {
  private static final RpcEndpoint NODE = RpcEndpoint.of("https://rpc.example.org/");

  @Test
  void recognisesRateLimitsByStatusCodeAndMessage() {
    assertTrue(Endpoint.isRateLimit(new RpcTransportException("eth_getLogs", NODE, 429, Duration.ofSeconds(2), "")));
    assertTrue(Endpoint.isRateLimit(new RpcErrorException("eth_getLogs", NODE, 429, "Too Many Requests", null)));
    assertTrue(Endpoint.isRateLimit(new RpcErrorException("eth_getLogs", NODE, -32005,
        "daily request count exceeded, request rate limited", null)));
  }

  @Test
  void otherFailuresAreNotRateLimits() {
    assertFalse(Endpoint.isRateLimit(new RpcTransportException("eth_getLogs", NODE, 503, null, "unavailable")));
    assertFalse(Endpoint.isRateLimit(new RpcErrorException("eth_getLogs", NODE, -32005,
        "query returned more than 10000 results", null)));
    assertFalse(Endpoint.isRateLimit(new RpcTimeoutException("eth_getLogs", NODE, Duration.ofSeconds(1), null)));
  }
}
