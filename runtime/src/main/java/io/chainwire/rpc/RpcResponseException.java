package io.chainwire.rpc;

import java.util.Objects;

/**
 * The response was not valid JSON-RPC or did not hold what the method returns: malformed or
 * truncated JSON, a missing field, bad hex, a value out of range, or a batch whose ids do not
 * match its requests. {@link #path()} says where, for example {@code result[3].topics[1]} for the
 * second topic of the fourth log.
 */
public final class RpcResponseException extends RpcException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param method the method called
   * @param endpoint the node
   * @param path where in the response the problem is, or an empty string for the whole response
   * @param detail what is wrong
   * @param cause the underlying parse failure, or null
   */
  public RpcResponseException(String method, RpcEndpoint endpoint, String path, String detail, Throwable cause) {
    super(method, endpoint, "bad response" + (path.isEmpty() ? "" : " at " + path) + ": " + detail, cause);
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Returns where in the response the problem is, or an empty string for the whole response. */
  public String path() {
    return path;
  }
}
