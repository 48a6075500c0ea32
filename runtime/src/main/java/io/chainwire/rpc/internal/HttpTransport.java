package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/**
 * POSTs a request body to a node and hands the response body, as a stream, to a reader. The timeout
 * covers the whole exchange: until the headers through {@link HttpRequest#timeout()}, and for the
 * body a {@link ResponseWatchdog} that closes the stream at the deadline. Statuses other than 2xx
 * become {@link RpcTransportException}s carrying the status, {@code Retry-After} and the start of
 * the body.
 */
public final class HttpTransport {
  private static final int MAX_EXCERPT_BYTES = 2048;

  private final HttpClient client;
  private final RpcEndpoint endpoint;

  /** Creates a transport to {@code endpoint} over {@code client}. */
  public HttpTransport(HttpClient client, RpcEndpoint endpoint) {
    this.client = client;
    this.endpoint = endpoint;
  }

  /** Reads a response body; an {@link IOException} means the transport failed mid-body. */
  @FunctionalInterface
  public interface BodyReader<R> {
    /** Reads the body; the caller closes it. */
    R read(InputStream body) throws IOException;
  }

  /**
   * Sends {@code body} and reads the response with {@code reader}.
   *
   * @param label the method or batch, for messages
   */
  public <R> R post(String label, byte[] body, Duration timeout, BodyReader<R> reader) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request = HttpRequest.newBuilder(endpoint.uri())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<InputStream> response = exchange(label, request, timeout);
    ResponseWatchdog watchdog = ResponseWatchdog.closeAt(deadline, response.body());
    try (InputStream raw = response.body()) {
      InputStream in = isGzip(response) ? new GZIPInputStream(raw) : raw;
      int status = response.statusCode();
      if (status / 100 != 2) {
        throw statusFailure(label, response, in);
      }
      return reader.read(in);
    } catch (IOException e) {
      if (watchdog.fired()) {
        throw new RpcTimeoutException(label, endpoint, timeout, e);
      }
      throw new RpcTransportException(label, endpoint, "reading the response failed: " + describe(e), e);
    } catch (RpcResponseException e) {
      // A stream closed at the deadline can look like truncated JSON.
      if (watchdog.fired()) {
        throw new RpcTimeoutException(label, endpoint, timeout, e);
      }
      throw e;
    } finally {
      watchdog.cancel();
    }
  }

  private HttpResponse<InputStream> exchange(String label, HttpRequest request, Duration timeout) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new RpcTimeoutException(label, endpoint, timeout, e);
    } catch (IOException e) {
      throw new RpcTransportException(label, endpoint, "request failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcTransportException(label, endpoint, "interrupted while waiting for the response", e);
    }
  }

  private RpcTransportException statusFailure(String label, HttpResponse<InputStream> response, InputStream in) {
    Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
    try {
      String excerpt = new String(in.readNBytes(MAX_EXCERPT_BYTES), StandardCharsets.UTF_8);
      return new RpcTransportException(label, endpoint, response.statusCode(), retryAfter, excerpt);
    } catch (IOException e) {
      RpcTransportException failure = new RpcTransportException(label, endpoint, response.statusCode(), retryAfter, "");
      failure.addSuppressed(e);
      return failure;
    }
  }

  private static boolean isGzip(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Encoding").map(value -> value.strip().equalsIgnoreCase("gzip")).orElse(false);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
