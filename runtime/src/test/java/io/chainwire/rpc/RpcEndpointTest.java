package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RpcEndpointTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161 | https://mainnet.infura.io/v3/***",
    "https://eth-mainnet.g.alchemy.com/v2/Xy_3kLmN0pQrStUvWxYz-1234567 | https://eth-mainnet.g.alchemy.com/v2/***",
    "wss://eth-mainnet.g.alchemy.com/v2/Xy_3kLmN0pQrStUvWxYz-1234567 | wss://eth-mainnet.g.alchemy.com/v2/***",
    "https://rpc.ankr.com/eth/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | https://rpc.ankr.com/eth/***",
    "https://broken-icy-mountain.quiknode.pro/14fb466c039ca54a895f597ee2744e848949099d/ | https://broken-icy-mountain.quiknode.pro/***/",
    "https://user:s3cret-pass@node.example.com:8545/ | https://***@node.example.com:8545/",
    "https://node.example.com/rpc?apikey=abcdef123456&chain=1 | https://node.example.com/rpc?apikey=***&chain=***",
    "https://node.example.com/rpc?token123456 | https://node.example.com/rpc?***",
    "https://node.example.com/rpc#fragment-secret | https://node.example.com/rpc#***",
    "http://127.0.0.1:8545 | http://127.0.0.1:8545",
    "https://ethereum-mainnet.example.com/avalanche-fuji-c-chain/rpc | https://ethereum-mainnet.example.com/avalanche-fuji-c-chain/rpc",
  })
  void masksCredentialsKeysAndQueryValues(String url, String redacted) {
    RpcEndpoint endpoint = RpcEndpoint.of(url);

    assertEquals(redacted, endpoint.redacted());
    assertEquals(redacted, endpoint.toString());
    assertEquals(URI.create(url), endpoint.uri());
  }

  @Test
  void redactsSecretsInForeignText() {
    RpcEndpoint endpoint = RpcEndpoint.of("https://u:pw-1234@mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161?k=v%20alue99");

    assertEquals("GET https://***@mainnet.infura.io/v3/***?k=*** failed",
        endpoint.redact("GET " + endpoint.uri() + " failed"));
    assertEquals("key *** and *** and ***", endpoint.redact("key 9aa3d95b3bc440fa88ea12eaa4456161 and u:pw-1234 and v alue99"));
    assertTrue(endpoint.leaksInto("…/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
    assertFalse(endpoint.leaksInto("HTTP status 500"));
  }

  @Test
  void tellsWebSocketUrlsApart() {
    assertTrue(RpcEndpoint.of("WSS://node.example.com").isWebSocket());
    assertFalse(RpcEndpoint.of("https://node.example.com").isWebSocket());
  }

  @Test
  void rejectsBadUrlsWithoutRepeatingThem() {
    IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
        () -> RpcEndpoint.of("ftp://node.example.com/9aa3d95b3bc440fa88ea12eaa4456161"));
    IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class,
        () -> RpcEndpoint.of("https://node.example.com/9aa3d95b3bc440fa88ea12eaa4456161 x"));
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
        () -> RpcEndpoint.of("https:/9aa3d95b3bc440fa88ea12eaa4456161"));

    for (IllegalArgumentException e : new IllegalArgumentException[] {scheme, syntax, host}) {
      assertFalse(e.getMessage().contains("9aa3d95b3bc440fa88ea12eaa4456161"), e.getMessage());
    }
  }

  @Test
  void comparesByUrl() {
    assertEquals(RpcEndpoint.of("http://127.0.0.1:8545"), RpcEndpoint.of("http://127.0.0.1:8545"));
    assertFalse(RpcEndpoint.of("http://127.0.0.1:8545").equals(RpcEndpoint.of("http://127.0.0.1:8546")));
  }
}
