package io.chainwire.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of a node that refuses {@code eth_getLogs} over more than a
 * number of blocks the way Infura does ({@code -32005 query returned more than 10000 results})
 * and forwards everything else, recording the numbers of the block headers asked for.
 */
final class RangeLimitProxy implements AutoCloseable {
  private static final Pattern GET_LOGS = Pattern.compile(
      "^\\{\"jsonrpc\":\"2.0\",\"id\":(\\d+),\"method\":\"eth_getLogs\".*\"fromBlock\":\"0x([0-9a-f]+)\",\"toBlock\":\"0x([0-9a-f]+)\"");

  private static final Pattern HEADER =
      Pattern.compile("\"method\":\"eth_getBlockByNumber\",\"params\":\\[\"0x([0-9a-f]+)\"");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI node;
  private final long maxBlocks;
  private final AtomicInteger refusals = new AtomicInteger();
  private final Queue<Long> headersAsked = new ConcurrentLinkedQueue<>();

  RangeLimitProxy(URI node, long maxBlocks) throws IOException {
    this.node = node;
    this.maxBlocks = maxBlocks;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  int refusals() {
    return refusals.get();
  }

  /** Returns the numbers of the block headers asked for by number, in the order they were asked. */
  List<Long> headersAsked() {
    return List.copyOf(headersAsked);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      String body = new String(request, StandardCharsets.UTF_8);
      Matcher header = HEADER.matcher(body);
      while (header.find()) {
        headersAsked.add(Long.parseLong(header.group(1), 16));
      }
      Matcher getLogs = GET_LOGS.matcher(body);
      byte[] response;
      if (getLogs.find() && Long.parseLong(getLogs.group(3), 16) - Long.parseLong(getLogs.group(2), 16) + 1 > maxBlocks) {
        refusals.incrementAndGet();
        response = ("{\"jsonrpc\":\"2.0\",\"id\":" + getLogs.group(1)
            + ",\"error\":{\"code\":-32005,\"message\":\"query returned more than 10000 results\"}}")
            .getBytes(StandardCharsets.UTF_8);
      } else {
        response = forward(request);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private byte[] forward(byte[] request) throws IOException {
    try {
      return client.send(HttpRequest.newBuilder(node).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
