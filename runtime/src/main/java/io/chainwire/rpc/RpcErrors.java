package io.chainwire.rpc;

import java.time.Duration;
import java.util.Optional;

/**
 * Classifies failed calls for the code that retries them: whether to narrow a log range, wait for
 * the head, back off and retry, or give up.
 */
public final class RpcErrors {
  private static final int LIMIT_EXCEEDED_CODE = -32005;

  private RpcErrors() {}

  /**
   * Returns what {@code failure} means. A {@linkplain KnownProviderError known provider message}
   * decides first (in the error message and data, or in the body of an HTTP error); otherwise
   * timeouts, I/O failures, HTTP 408, 429 and 5xx, code {@code -32005} (and 429, which some
   * providers use as a JSON-RPC code) and malformed responses are {@link RpcErrorKind#TRANSIENT},
   * and the rest {@link RpcErrorKind#PERMANENT}.
   */
  public static RpcErrorKind classify(RpcException failure) {
    Optional<KnownProviderError> known = knownError(failure);
    if (known.isPresent()) {
      return known.get().kind();
    }
    return isTransient(failure) ? RpcErrorKind.TRANSIENT : RpcErrorKind.PERMANENT;
  }

  /** Returns the known provider message in {@code failure}, if there is one. */
  public static Optional<KnownProviderError> knownError(RpcException failure) {
    if (failure instanceof RpcErrorException error) {
      return KnownProviderError.match(error.rpcMessage() + " " + error.data().orElse(""));
    }
    if (failure instanceof RpcTransportException transport) {
      return KnownProviderError.match(transport.responseExcerpt());
    }
    return Optional.empty();
  }

  /** Returns the delay the server asked for with {@code Retry-After}, if it did. */
  public static Optional<Duration> retryAfter(RpcException failure) {
    return failure instanceof RpcTransportException transport ? transport.retryAfter() : Optional.empty();
  }

  private static boolean isTransient(RpcException failure) {
    if (failure instanceof RpcTimeoutException || failure instanceof RpcResponseException) {
      return true;
    }
    if (failure instanceof RpcTransportException transport) {
      int status = transport.statusCode().orElse(-1);
      return status < 0 || status == 408 || status == 429 || status >= 500;
    }
    RpcErrorException error = (RpcErrorException) failure;
    return error.code() == LIMIT_EXCEEDED_CODE || error.code() == 429;
  }
}
