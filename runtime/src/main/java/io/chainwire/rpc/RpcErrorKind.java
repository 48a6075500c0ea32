package io.chainwire.rpc;

/**
 * What a failed call means for the caller, by what a retry can change; see {@link RpcErrors#classify(RpcException)}.
 * Only {@link #PERMANENT} says that no retry can help: the other kinds never end a stream on their own.
 */
public enum RpcErrorKind {
    /**
     * The node refused the query as too big: too many results, too wide a block range, too large a response (the
     * provider's cap, or this client's {@code maxResponseBytes}). Retry at once with a narrower block range.
     */
    RANGE_TOO_LARGE,
    /**
     * The node does not have a block the query names, as a node that lags behind its peers (or behind another replica
     * behind the same URL) answers: a range past its head, "header not found", "unknown block". Re-read this node's
     * head (or ask another endpoint), then retry; if the block is at or below the head it reports, treat the failure as
     * {@link #TRANSIENT}.
     */
    BEYOND_HEAD,
    /**
     * Worth retrying unchanged after a backoff: I/O failures, timeouts, HTTP 408, 429 and 5xx (and a 2xx page that is
     * not JSON-RPC), rate limits, internal and server errors (-32603, -32000 and every code not named under
     * {@link #PERMANENT}), malformed or truncated responses.
     */
    TRANSIENT,
    /**
     * Retrying the same request will fail the same way: a parse error (-32700), an invalid request (-32600), an unknown
     * or unsupported method (-32601, -32004), invalid params (-32602, unless a known message says otherwise), an
     * unsupported JSON-RPC version (-32006), an HTTP status 4xx other than 408 and 429, a block tag the node does not
     * serve.
     */
    PERMANENT
}
