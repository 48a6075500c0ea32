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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

/**
 * Calls that fail in every way against URLs full of credentials: no exception message, cause,
 * stack trace or log line may contain any of them.
 */
class RedactionTest {
  private static final String KEY = "9aa3d95b3bc440fa88ea12eaa4456161";
  private static final String PASSWORD = "hunter2-pw";
  private static final String TOKEN = "tok_5f3e2a1b0c";
  private static final String SECRET_PART = "/v3/" + KEY + "?apikey=" + TOKEN;
  private static final List<String> SECRETS = List.of(KEY, PASSWORD, TOKEN);
  private static final Path LOG = Path.of("target", "rpc-test.log");

  private final List<Throwable> failures = new ArrayList<>();

  @Test
  void noFailureMessageStackTraceOrLogLineContainsACredential() throws IOException {
    // Opening the log file truncates it: open it before measuring.
    LoggerFactory.getLogger(RedactionTest.class).info("redaction test starts");
    long logBefore = Files.size(LOG);
    try (CannedNode node = new CannedNode()) {
      String url = node.url(SECRET_PART).replace("http://", "http://admin:" + PASSWORD + "@");
      node.reply(CannedNode.Reply.status(429, Map.of("Retry-After", "1"), "slow down, key " + KEY));
      node.reply(CannedNode.Reply.status(500, Map.of(), "failed request to " + url));
      node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32002,\"message\":\"invalid project id " + KEY
          + "\",\"data\":\"" + url + "\"}}");
      node.replyJson("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"" + TOKEN);
      try (HttpRpcClient client = HttpRpcClient.builder(RpcEndpoint.of(url)).build()) {
        for (int i = 0; i < 4; i++) {
          fail(client::blockNumber);
        }
        assertTrue(client.toString().contains("/v3/***?apikey=***"), client.toString());
      }
      fail(() -> WebSocketRpcClient.builder(RpcEndpoint.of(url.replace("http://", "ws://"))).connect());
    }
    try (SilentServer silent = new SilentServer();
        HttpRpcClient client = HttpRpcClient.builder(RpcEndpoint.of(silent.url("http", SECRET_PART)))
            .timeout(Duration.ofMillis(200)).build()) {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> fail(client::chainId));
    }
    try (SilentServer silent = new SilentServer()) {
      WebSocketRpcClient.Builder builder = WebSocketRpcClient.builder(RpcEndpoint.of(silent.url("ws", SECRET_PART)))
          .connectTimeout(Duration.ofMillis(200));
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> fail(builder::connect));
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (HttpRpcClient client = HttpRpcClient.builder(RpcEndpoint.of("http://127.0.0.1:" + closedPort + SECRET_PART)).build()) {
      fail(client::blockNumber);
    }
    fail(() -> WebSocketRpcClient.builder(RpcEndpoint.of("ws://127.0.0.1:" + closedPort + SECRET_PART)).connect());

    assertTrue(failures.size() >= 9);
    for (Throwable failure : failures) {
      String everything = failure + "\n" + stackTrace(failure);
      assertTrue(everything.contains("/v3/***?apikey=***"), everything);
      for (String secret : SECRETS) {
        assertFalse(everything.contains(secret), "a credential in:\n" + everything);
      }
    }
    String logged = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logBefore);
    assertTrue(logged.contains("/v3/***?apikey=***"), logged);
    for (String secret : SECRETS) {
      assertFalse(logged.contains(secret), "a credential in the log:\n" + logged);
    }
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
