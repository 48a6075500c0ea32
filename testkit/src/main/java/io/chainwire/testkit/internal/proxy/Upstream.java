package io.chainwire.testkit.internal.proxy;

import io.chainwire.rpc.HttpRpcClient;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The node behind the proxy: JSON-RPC over HTTP, and raw sockets for WebSocket relays. */
final class Upstream {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI uri;
  private final Duration timeout;
  private final HttpClient http;
  private final HttpRpcClient rpc;

  Upstream(URI uri, Duration timeout) {
    this.uri = uri;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
    this.rpc = HttpRpcClient.builder(RpcEndpoint.of(uri)).timeout(timeout).httpClient(http).build();
  }

  /** A node's answer: its status, content type and body. */
  record Answer(int status, String contentType, byte[] body) {}

  /**
   * POSTs {@code body} to the node.
   *
   * @throws IOException if the node cannot be reached or does not answer within the timeout
   */
  Answer post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
  }

  /** Returns the node's head block number. */
  long blockNumber() throws IOException {
    try {
      return rpc.blockNumber();
    } catch (RpcException e) {
      throw new IOException("the node did not tell its head: " + e.getMessage(), e);
    }
  }

  /** Opens a TCP connection to the node's host and port. */
  Socket connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(uri.getHost(), port()), (int) CONNECT_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Returns the {@code Host} field value for requests to the node. */
  String hostField() {
    return uri.getHost() + ":" + port();
  }

  private int port() {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
