package io.chainwire.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies failed calls for the code that retries them: whether to narrow a log range, re-read the head, back off and
 * retry, or give up. The one table of what each failure means, in the order it is read:
 *
 * <ol>
 *   <li>a response larger than the client's {@code maxResponseBytes}: {@link RpcErrorKind#RANGE_TOO_LARGE};
 *   <li>a {@linkplain KnownProviderError known provider message} in the error's message or data, or in the body of an
 *       HTTP error: its kind;
 *   <li>an error object: {@link RpcErrorKind#PERMANENT} for -32700, -32600, -32601, -32602 (JSON-RPC 2.0), -32004 and
 *       -32006 (EIP-1474); {@link RpcErrorKind#TRANSIENT} for every other code (-32603 internal error, -32000 server
 *       error, -32005 limit exceeded, 429, ...);
 *   <li>an HTTP status: {@link RpcErrorKind#PERMANENT} for 4xx other than 408 and 429, {@link RpcErrorKind#TRANSIENT}
 *       for every other status (408, 429, 5xx, and a 2xx whose body is not JSON-RPC, such as a maintenance page);
 *   <li>anything else (an I/O failure, a timeout, a malformed or truncated response, an answer that is not JSON-RPC):
 *       {@link RpcErrorKind#TRANSIENT}.
 * </ol>
 */
public final class RpcErrors {
    private static final int TOO_MANY_REQUESTS = 429;
    // JSON-RPC 2.0 parse error, invalid request, method not found, invalid params; EIP-1474 method
    // not supported and JSON-RPC version not supported.
    private static final Set<Integer> PERMANENT_CODES = Set.of(-32700, -32600, -32601, -32602, -32004, -32006);
    // EIP-1474's code for an unknown block, which the execution-apis spec asked pre-merge nodes to
    // return for "safe" and "finalized" (Besu, Erigon).
    private static final int UNKNOWN_BLOCK_CODE = -39001;
    private static final Pattern UNSUPPORTED_TAG = Pattern.compile(
            String.join(
                    "|",
                    List.of(
                            // geth before a finalized block is known, or on a chain without one: "finalized block not
                            // found", "safe block not found"
                            "(finalized|safe) block not found",
                            // geth on a pre-merge chain: "'finalized' tag not supported on pre-merge network"
                            "tag not supported",
                            // other nodes' wordings: "unsupported block tag: finalized", "invalid block tag", "unknown
                            // block tag"
                            "(unsupported|invalid|unknown) block tag",
                            // nodes that parse the tag as a number: IoTeX's -32603 "strconv.ParseUint: parsing
                            // \"finalized\": invalid syntax"
                            "parsing \\\\?\"(finalized|safe)\\\\?\"",
                            // geth releases before the tags existed (-32602): "invalid argument 0: hex string without
                            // 0x prefix"
                            "invalid argument [0-9]+: (hex string without 0x prefix|.*\\b(finalized|safe)\\b)")),
            Pattern.CASE_INSENSITIVE);

    private RpcErrors() {}

    /** Returns what {@code failure} means; see the table above. */
    public static RpcErrorKind classify(RpcException failure) {
        if (failure instanceof RpcResponseException response && response.isTooLarge()) {
            return RpcErrorKind.RANGE_TOO_LARGE;
        }
        Optional<KnownProviderError> known = knownError(failure);
        if (known.isPresent()) {
            return known.get().kind();
        }
        if (failure instanceof RpcErrorException error) {
            return PERMANENT_CODES.contains(error.code()) ? RpcErrorKind.PERMANENT : RpcErrorKind.TRANSIENT;
        }
        if (failure instanceof RpcTransportException transport
                && transport.statusCode().isPresent()) {
            int status = transport.statusCode().getAsInt();
            boolean refused = status >= 400 && status < 500 && status != 408 && status != TOO_MANY_REQUESTS;
            return refused ? RpcErrorKind.PERMANENT : RpcErrorKind.TRANSIENT;
        }
        return RpcErrorKind.TRANSIENT;
    }

    /** Returns the known provider message in {@code failure}, if there is one. */
    public static Optional<KnownProviderError> knownError(RpcException failure) {
        return KnownProviderError.match(providerText(failure));
    }

    /**
     * Returns true if {@code failure} says the node is limiting this client's request rate: HTTP 429, error code 429,
     * or a {@linkplain KnownProviderError#RATE_LIMITED rate-limit message} (such as -32005 with Infura's or Alchemy's
     * wording). Such a failure is {@link RpcErrorKind#TRANSIENT}; the caller should also slow down, for
     * {@link #retryAfter} if the server said how long.
     */
    public static boolean isRateLimit(RpcException failure) {
        if (failure instanceof RpcTransportException transport
                && transport.statusCode().orElse(-1) == TOO_MANY_REQUESTS) {
            return true;
        }
        if (failure instanceof RpcErrorException error && error.code() == TOO_MANY_REQUESTS) {
            return true;
        }
        return knownError(failure)
                .filter(KnownProviderError.RATE_LIMITED::equals)
                .isPresent();
    }

    /**
     * Returns true if {@code failure}, the answer to a request naming a block tag ({@code finalized} or {@code safe}),
     * says that the node cannot resolve that tag: -39001 "Unknown block" (Besu, Erigon), geth's "finalized block not
     * found" and "'finalized' tag not supported on pre-merge network", and the wordings of nodes that do not know the
     * tag at all. Whether a node serves finality is decided by this answer, never by {@link #classify}: geth's
     * "finalized block not found" is worth a retry on a node that has just started, and nothing else says so.
     *
     * <p>Nethermind and reth answer {@code eth_getBlockByNumber("finalized")} with {@code null} instead, which
     * {@link RpcClient#getBlockByNumber(BlockTag)} returns as empty.
     */
    public static boolean isUnsupportedBlockTag(RpcException failure) {
        if (failure instanceof RpcErrorException error && error.code() == UNKNOWN_BLOCK_CODE) {
            return true;
        }
        return UNSUPPORTED_TAG.matcher(providerText(failure)).find();
    }

    /** Returns the delay the server asked for with {@code Retry-After}, if it did. */
    public static Optional<Duration> retryAfter(RpcException failure) {
        return failure instanceof RpcTransportException transport ? transport.retryAfter() : Optional.empty();
    }

    private static String providerText(RpcException failure) {
        if (failure instanceof RpcErrorException error) {
            return error.rpcMessage() + " " + error.data().orElse("");
        }
        if (failure instanceof RpcTransportException transport) {
            return transport.responseExcerpt();
        }
        return "";
    }
}
