package io.chainwire.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Calls that fail in every way against URLs with credentials in each of their parts: no exception message, cause, stack
 * trace, {@code toString} or log line may contain any of them.
 */
class RedactionTest {
    private static final Path LOG = Path.of("target", "rpc-test.log");

    /** A URL form: user info (or null), what follows the host and port, and the secrets in it. */
    record Form(String name, String userInfo, String suffix, List<String> secrets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Form> forms() {
        return Stream.of(
                new Form(
                        "JWT-style key",
                        null,
                        "/key/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaGFpbndpcmUifQ.c2lnbmF0dXJlLWJ5dGVz",
                        List.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaGFpbndpcmUifQ.c2lnbmF0dXJlLWJ5dGVz")),
                new Form("lower-case key", null, "/v1/abcdefghijklmnopqrstuvwx", List.of("abcdefghijklmnopqrstuvwx")),
                new Form("key with ~ and .", null, "/rpc/ab~cd.ef-12345", List.of("ab~cd.ef-12345")),
                new Form("short key", null, "/x7q9", List.of("/x7q9")),
                new Form("path parameter", null, "/rpc;key=s3cr3tvalue", List.of("s3cr3tvalue")),
                new Form("user info", "admin:hunter2-pw", "/", List.of("hunter2-pw", "admin:hunter2-pw")),
                new Form(
                        "query",
                        null,
                        "/v3/9aa3d95b3bc440fa88ea12eaa4456161?apikey=tok_5f3e2a1b0c",
                        List.of("9aa3d95b3bc440fa88ea12eaa4456161", "tok_5f3e2a1b0c")),
                new Form("fragment", null, "/rpc#frag-5ecret99", List.of("frag-5ecret99")));
    }

    private final List<Throwable> failures = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void noFailureMessageCauseToStringOrLogLineContainsACredential(Form form) throws IOException {
        // Opening the log file truncates it: open it before measuring.
        LoggerFactory.getLogger(RedactionTest.class).info("redaction test starts: {}", form);
        long logBefore = Files.size(LOG);
        List<String> shown = new ArrayList<>();
        try (CannedNode node = new CannedNode()) {
            String url = withUser(node.url(form.suffix()), form.userInfo());
            String echo = "failed request to " + url + ", path " + form.suffix() + ", key "
                    + String.join(" ", form.secrets());
            node.reply(CannedNode.Reply.status(429, Map.of("Retry-After", "1"), echo));
            node.reply(CannedNode.Reply.status(500, Map.of("Content-Type", "text/html"), "<html>" + echo + "</html>"));
            node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32002,\"message\":\"" + echo
                    + "\",\"data\":\"" + url + "\"}}");
            node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"" + echo);
            try (HttpRpcClient client =
                    HttpRpcClient.builder(RpcEndpoint.of(url)).build()) {
                for (int i = 0; i < 4; i++) {
                    fail(client::blockNumber);
                }
                shown.add(client.toString());
            }
            WebSocketRpcClient.Builder notAWebSocket =
                    WebSocketRpcClient.builder(RpcEndpoint.of(url.replace("http://", "ws://")));
            fail(notAWebSocket::connect);
        }
        try (SilentServer silent = new SilentServer();
                HttpRpcClient client = HttpRpcClient.builder(
                                RpcEndpoint.of(withUser(silent.url("http", form.suffix()), form.userInfo())))
                        .timeout(Duration.ofMillis(200))
                        .build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> fail(client::chainId));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String refused = withUser("http://127.0.0.1:" + closedPort + form.suffix(), form.userInfo());
        try (HttpRpcClient client =
                HttpRpcClient.builder(RpcEndpoint.of(refused)).build()) {
            fail(client::blockNumber);
        }
        WebSocketRpcClient.Builder refusedSocket =
                WebSocketRpcClient.builder(RpcEndpoint.of(refused.replace("http://", "ws://")));
        fail(refusedSocket::connect);
        if (!form.suffix().contains("#")) {
            // The JDK's WebSocket client refuses a URL with a fragment before connecting.
            try (ScriptedWebSocketPeer peer = new ScriptedWebSocketPeer();
                    WebSocketRpcClient client = WebSocketRpcClient.builder(
                                    RpcEndpoint.of(withUser(peer.url(form.suffix()), form.userInfo())))
                            .connect()) {
                shown.add(client.toString());
            }
        }

        for (Throwable failure : failures) {
            String everything = failure + "\n" + stackTrace(failure);
            assertTrue(everything.contains("127.0.0.1:"), everything);
            shown.add(everything);
        }
        shown.add(new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logBefore));
        for (String text : shown) {
            for (String secret : form.secrets()) {
                assertFalse(text.contains(secret), "a credential in:\n" + text);
            }
        }
    }

    @Test
    void messagesNameALabelledEndpointByItsLabel() {
        try (CannedNode node = new CannedNode();
                HttpRpcClient client = HttpRpcClient.builder(
                                RpcEndpoint.of(node.url("/v3/9aa3d95b3bc440fa88ea12eaa4456161"))
                                        .withLabel("infura"))
                        .build()) {
            RpcException e = assertThrows(RpcException.class, client::blockNumber);

            assertTrue(e.getMessage().contains("infura (http://127.0.0.1:"), e.getMessage());
            assertTrue(client.toString().contains("infura (http://127.0.0.1:"), client.toString());
        }
    }

    private static String withUser(String url, String userInfo) {
        return userInfo == null ? url : url.replace("://", "://" + userInfo + "@");
    }

    private void fail(Executable call) {
        failures.add(assertThrows(RpcException.class, call));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
