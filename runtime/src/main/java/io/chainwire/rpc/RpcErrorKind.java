package io.chainwire.rpc;

/** What a failed call means for the caller; see {@link RpcErrors#classify(RpcException)}. */
public enum RpcErrorKind {
  /**
   * The node refused the query as too big: too many results, too wide a block range, too large a
   * response. Retry at once with a narrower block range.
   */
  RANGE_TOO_LARGE,
  /**
   * The query names a block past the node's head, as a node that lags behind its peers (or behind
   * another replica behind the same URL) answers. Re-read the head, then retry.
   */
  BEYOND_HEAD,
  /**
   * Worth retrying unchanged after a backoff: I/O failures, timeouts, HTTP 408, 429 and 5xx, error
   * {@code -32005} and rate-limit messages, malformed or truncated responses.
   */
  TRANSIENT,
  /** Retrying the same request will fail the same way: a bad request, an unknown method, a refusal. */
  PERMANENT
}
