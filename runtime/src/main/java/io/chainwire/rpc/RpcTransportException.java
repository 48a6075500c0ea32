package io.chainwire.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The call did not get a JSON-RPC answer: an I/O failure (connection refused or reset, a dropped
 * WebSocket), or an HTTP status other than 2xx, such as 429 with its {@code Retry-After} or a 5xx.
 */
public final class RpcTransportException extends RpcException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final Duration retryAfter;
  private final String responseExcerpt;

  /**
   * Creates the exception for an I/O failure.
   *
   * @param method the method called
   * @param endpoint the node
   * @param detail what failed
   * @param cause the underlying failure, or null
   */
  public RpcTransportException(String method, RpcEndpoint endpoint, String detail, Throwable cause) {
    super(method, endpoint, detail, cause);
    this.statusCode = -1;
    this.retryAfter = null;
    this.responseExcerpt = "";
  }

  /**
   * Creates the exception for an HTTP status other than 2xx.
   *
   * @param method the method called
   * @param endpoint the node
   * @param statusCode the HTTP status code
   * @param retryAfter the delay the server asked for in {@code Retry-After}, or null
   * @param responseExcerpt the start of the response body, possibly empty
   */
  public RpcTransportException(
      String method, RpcEndpoint endpoint, int statusCode, Duration retryAfter, String responseExcerpt) {
    super(method, endpoint, describe(statusCode, retryAfter, responseExcerpt), null);
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
    this.responseExcerpt = endpoint.redact(Objects.requireNonNull(responseExcerpt, "responseExcerpt"));
  }

  private static String describe(int statusCode, Duration retryAfter, String excerpt) {
    StringBuilder text = new StringBuilder("HTTP status ").append(statusCode);
    if (retryAfter != null) {
      text.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
    }
    if (!excerpt.isBlank()) {
      text.append(": ").append(excerpt.strip());
    }
    return text.toString();
  }

  /** Returns the HTTP status code, if the server answered with one. */
  public OptionalInt statusCode() {
    return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /** Returns the delay the server asked for in a {@code Retry-After} header, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns the start of the HTTP response body (bounded), or an empty string. */
  public String responseExcerpt() {
    return responseExcerpt;
  }
}
