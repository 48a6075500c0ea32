package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpcEndpointTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161 | https://mainnet.infura.io/***/***",
                "https://eth-mainnet.g.alchemy.com/v2/Xy_3kLmN0pQrStUvWxYz-1234567 | https://eth-mainnet.g.alchemy.com/***/***",
                "wss://eth-mainnet.g.alchemy.com/v2/Xy_3kLmN0pQrStUvWxYz-1234567 | wss://eth-mainnet.g.alchemy.com/***/***",
                "https://broken-icy-mountain.quiknode.pro/14fb466c039ca54a895f597ee2744e848949099d/ | https://broken-icy-mountain.quiknode.pro/***/",
                // A JWT-style key, a lower-case key, keys with ~ and ., a short key, a path parameter.
                "https://rpc.example.com/key/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdyJ9.c2lnbmF0dXJl | https://rpc.example.com/***/***",
                "https://rpc.example.com/v1/abcdefghijklmnopqrstuvwx | https://rpc.example.com/***/***",
                "https://rpc.example.com/k~ey.1 | https://rpc.example.com/***",
                "https://rpc.example.com/x7q | https://rpc.example.com/***",
                "https://rpc.example.com/rpc;key=s3cr3t;v=2 | https://rpc.example.com/***",
                "https://user:s3cret-pass@node.example.com:8545/ | https://***@node.example.com:8545/",
                "https://node.example.com/rpc?apikey=abcdef123456&chain=1&flag | https://node.example.com/***?apikey=***&chain=***&***",
                "https://node.example.com/rpc#fragment-secret | https://node.example.com/***#***",
                "http://127.0.0.1:8545 | http://127.0.0.1:8545",
                "HTTP://127.0.0.1:8545/ | http://127.0.0.1:8545/",
            })
    void masksEveryPartButSchemeHostAndPort(String url, String redacted) {
        RpcEndpoint endpoint = RpcEndpoint.of(url);

        assertEquals(redacted, endpoint.redacted());
        assertEquals(redacted, endpoint.toString());
        assertEquals(URI.create(url), endpoint.uri());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://node.internal:8545/rpc/eth | http://node.internal:8545/rpc/eth",
                "https://rpc.example.com/rpc;key=s3cr3t;v=2 | https://rpc.example.com/rpc;key=***;v=***",
                "https://user:pw@rpc.example.com/eth?apikey=abc#frag | https://***@rpc.example.com/eth?apikey=***#***",
            })
    void showsThePathWhenAskedButNoOtherSecret(String url, String redacted) {
        assertEquals(redacted, RpcEndpoint.of(url).withPathShown().redacted());
    }

    @Test
    void namesALabelledEndpointByItsLabelAndUrl() {
        RpcEndpoint endpoint = RpcEndpoint.of("https://eth-mainnet.g.alchemy.com/v2/Xy_3kLmN0pQrStUvWxYz")
                .withLabel("alchemy");

        assertEquals(Optional.of("alchemy"), endpoint.label());
        assertEquals("alchemy (https://eth-mainnet.g.alchemy.com/***/***)", endpoint.toString());
        assertEquals("https://eth-mainnet.g.alchemy.com/***/***", endpoint.redacted());
        assertEquals(Optional.empty(), RpcEndpoint.of("http://127.0.0.1:8545").label());
    }

    @Test
    void tellsApartEndpointsThatRedactAlikeByIndex() {
        RpcEndpoint first = RpcEndpoint.of("https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161");
        RpcEndpoint second = RpcEndpoint.of("https://mainnet.infura.io/v3/0bb3d95b3bc440fa88ea12eaa4456162");

        assertEquals(first.redacted(), second.redacted());
        assertEquals("#0 https://mainnet.infura.io/***/***", first.displayName(0));
        assertEquals("#1 https://mainnet.infura.io/***/***", second.displayName(1));
        assertEquals(
                "#1 backup (https://mainnet.infura.io/***/***)",
                second.withLabel("backup").displayName(1));
        assertThrows(IllegalArgumentException.class, () -> first.displayName(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a\nb", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void rejectsLabelsThatAreBlankTooLongOrMultiline(String label) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RpcEndpoint.of("http://127.0.0.1:8545").withLabel(label));
        assertTrue(e.getMessage().startsWith("label must be"), e.getMessage());
    }

    @Test
    void redactsTheUrlAndItsSecretPartsInForeignText() {
        RpcEndpoint endpoint =
                RpcEndpoint.of("https://u:pw-1234@mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161?k=v%20alue99");

        assertEquals(
                "GET https://***@mainnet.infura.io/***/***?k=*** failed",
                endpoint.redact("GET " + endpoint.uri() + " failed"));
        assertEquals(
                "GET https://***@mainnet.infura.io/***/***?k=*** failed",
                endpoint.redact(
                        "GET https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161?k=v%20alue99 failed"));
        assertEquals(
                "key ***, and *** and ***.",
                endpoint.redact("key 9aa3d95b3bc440fa88ea12eaa4456161, and u:pw-1234 and v alue99."));
        assertEquals("POST /***/*** failed", endpoint.redact("POST /v3/9aa3d95b3bc440fa88ea12eaa4456161 failed"));
        assertTrue(endpoint.leaksInto("…/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
        assertFalse(endpoint.leaksInto("HTTP status 500"));
    }

    @Test
    void shortPathSegmentsAreMaskedOnlyWhereTheyStandInAUrl() {
        RpcEndpoint endpoint = RpcEndpoint.of("https://rpc.example.com/eth/v3");

        assertEquals(
                "eth_getLogs on eth mainnet, v3 api, sub-v3.x",
                endpoint.redact("eth_getLogs on eth mainnet, v3 api, sub-v3.x"));
        assertEquals("GET /***/*** and ?chain=***", endpoint.redact("GET /eth/v3 and ?chain=eth"));
        assertFalse(endpoint.leaksInto("batch of 2 (eth_getLogs, eth_chainId)"));
    }

    @Test
    void longSecretsAreMaskedAsWholeWordsNotInsideOthers() {
        RpcEndpoint endpoint = RpcEndpoint.of("https://rpc.example.com/mainnet-archive");

        assertEquals(
                "node *** failed; see mainnet-archive2 and xmainnet-archive",
                endpoint.redact("node mainnet-archive failed; see mainnet-archive2 and xmainnet-archive"));
    }

    @Test
    void keepsPathParametersAndFragmentsOutOfText() {
        RpcEndpoint endpoint = RpcEndpoint.of("https://rpc.example.com/rpc;key=s3cr3tvalue#frag-secret-1");

        assertEquals("bad key ***, fragment ***", endpoint.redact("bad key s3cr3tvalue, fragment frag-secret-1"));
        assertEquals("GET /*** and ;***", endpoint.redact("GET /rpc;key=s3cr3tvalue and ;key=s3cr3tvalue"));
    }

    @Test
    void tellsWebSocketUrlsApart() {
        assertTrue(RpcEndpoint.of("WSS://node.example.com").isWebSocket());
        assertFalse(RpcEndpoint.of("https://node.example.com").isWebSocket());
    }

    @Test
    void rejectsBadUrlsWithoutRepeatingThem() {
        IllegalArgumentException scheme = assertThrows(
                IllegalArgumentException.class,
                () -> RpcEndpoint.of("ftp://node.example.com/9aa3d95b3bc440fa88ea12eaa4456161"));
        IllegalArgumentException syntax = assertThrows(
                IllegalArgumentException.class,
                () -> RpcEndpoint.of("https://node.example.com/9aa3d95b3bc440fa88ea12eaa4456161 x"));
        IllegalArgumentException host = assertThrows(
                IllegalArgumentException.class, () -> RpcEndpoint.of("https:/9aa3d95b3bc440fa88ea12eaa4456161"));

        for (IllegalArgumentException e : new IllegalArgumentException[] {scheme, syntax, host}) {
            assertFalse(e.getMessage().contains("9aa3d95b3bc440fa88ea12eaa4456161"), e.getMessage());
        }
    }

    @Test
    void comparesByUrlLabelAndPathDisplay() {
        RpcEndpoint node = RpcEndpoint.of("http://127.0.0.1:8545");

        assertEquals(node, RpcEndpoint.of("http://127.0.0.1:8545"));
        assertEquals(node.hashCode(), RpcEndpoint.of("http://127.0.0.1:8545").hashCode());
        assertNotEquals(node, RpcEndpoint.of("http://127.0.0.1:8546"));
        assertNotEquals(node, node.withLabel("local"));
        assertEquals(
                node.withLabel("local"), RpcEndpoint.of("http://127.0.0.1:8545").withLabel("local"));
        assertNotEquals(node, node.withPathShown());
    }
}
