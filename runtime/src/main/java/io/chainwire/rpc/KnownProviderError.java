package io.chainwire.rpc;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The error messages of nodes and providers that chainwire recognises, with the kind each one means: the message half
 * of the table that {@link RpcErrors#classify(RpcException)} reads (its other half goes by error code and HTTP status).
 * Matching is case-insensitive and looks anywhere in the error message, its {@code data}, and the body of a non-2xx
 * HTTP response. The first constant that matches wins, so the specific ones come before the general ones.
 */
public enum KnownProviderError {
    /**
     * Rate limits, before "limit exceeded" can take them: Infura's "daily request count exceeded, request rate limited"
     * and "project ID request rate exceeded", Alchemy's "exceeded its compute units per second capacity", QuickNode's
     * "request limit reached", "too many requests".
     */
    RATE_LIMITED(
            "rate.?limit|rate exceeded|too many requests|compute units|request count exceeded|request limit reached",
            RpcErrorKind.TRANSIENT),
    /** Infura (-32005), geth-based nodes and zkSync Era: "query returned more than 10000 results". */
    QUERY_RETURNED_MORE_THAN("query returned more than [0-9,]+ results", RpcErrorKind.RANGE_TOO_LARGE),
    /** Alchemy: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range...". */
    LOG_RESPONSE_SIZE_EXCEEDED("log response size exceeded", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * Other size caps: "response size exceeded", zkSync Era's "Response is too big", geth's -32003 "response too
     * large".
     */
    RESPONSE_SIZE_EXCEEDED("response size exceeded|response (is )?too (big|large)", RpcErrorKind.RANGE_TOO_LARGE),
    /** Ankr, and Frontier chains such as Moonbeam: "block range is too wide (maximum 1024)". */
    BLOCK_RANGE_TOO_WIDE("block range (is )?too wide", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * BSC and Polygon (bor) nodes, as served by public endpoints: "exceed maximum block range: 50000", "query exceeds
     * max block range 100000".
     */
    EXCEED_MAXIMUM_BLOCK_RANGE("exceeds? (the )?max(imum)? block range", RpcErrorKind.RANGE_TOO_LARGE),
    /** Base and others: "block range too large", "requested range too large", "range is too large". */
    RANGE_TOO_LARGE("range (is )?too large", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * Infura's live range cap (-32602 "range 1000000 exceeds limit of 10000") and Tenderly's ("range 9009594 is bigger
     * than range limit 2000", in the error data).
     */
    RANGE_EXCEEDS_LIMIT("range [0-9]+ (exceeds limit|is bigger than range limit)", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * Scroll's geth ("block range is bigger than maxBlockRange") and Morph ("block range is larger than max block
     * range").
     */
    BLOCK_RANGE_OVER_MAX("block range is (bigger|larger) than max", RpcErrorKind.RANGE_TOO_LARGE),
    /** Polygon Amoy ("block range exceeds configured limit") and Erigon ("query block range exceeds server limit"). */
    BLOCK_RANGE_EXCEEDS_LIMIT("block range exceeds (configured|server) limit", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * QuickNode (-32614 with HTTP 413: "eth_getLogs is limited to a 10,000 range") and Alchemy (-32600: "You can make
     * eth_getLogs requests with up to a 500 block range").
     */
    LIMITED_BLOCK_RANGE(
            "limited to a [0-9,]+ (block )?range|up to a [0-9,]+k? block range", RpcErrorKind.RANGE_TOO_LARGE),
    /** Erigon ("query returns too many logs") and others ("too many results"). */
    TOO_MANY_RESULTS("too many (results|logs)", RpcErrorKind.RANGE_TOO_LARGE),
    /** Infura (-32005): "query timeout exceeded", a range too costly to scan in time. */
    QUERY_TIMEOUT_EXCEEDED("query timeout exceeded", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * The standard -32005 message (EIP-1474 "Limit exceeded"), as "limit exceeded" or "-32005 limit exceeded"; not a
     * named limit such as "gas limit exceeded".
     */
    LIMIT_EXCEEDED("(?<![a-z] )limit exceeded", RpcErrorKind.RANGE_TOO_LARGE),
    /**
     * A node that cannot serve a block tag at all: geth on a pre-merge chain ("'finalized' tag not supported on
     * pre-merge network"), and other wordings of the same ("unsupported block tag", "invalid block tag", "unknown block
     * tag"). See {@link RpcErrors#isUnsupportedBlockTag}.
     */
    BLOCK_TAG_NOT_SUPPORTED("tag not supported|(unsupported|invalid|unknown) block tag", RpcErrorKind.PERMANENT),
    /**
     * anvil 1.7 (-32602), when fromBlock is past its head: "BlockOutOfRangeError: block height is 5 but requested was
     * 16".
     */
    ANVIL_BLOCK_OUT_OF_RANGE(
            "BlockOutOfRangeError: block height is [0-9]+ but requested was [0-9]+", RpcErrorKind.BEYOND_HEAD),
    /** geth, when toBlock is past its head: "block range extends beyond current head block". */
    BEYOND_CURRENT_HEAD("block range extends beyond current head", RpcErrorKind.BEYOND_HEAD),
    /**
     * geth and reth (-32000) and the providers built on them, for a block the node does not have (yet): "header not
     * found". Behind a load balancer it means a replica behind the others.
     */
    HEADER_NOT_FOUND("header not found", RpcErrorKind.BEYOND_HEAD),
    /**
     * geth's other wording ("block not found"; "finalized block not found" and "safe block not found" before the node
     * has heard of a finalized block), and Besu and Erigon's -39001 "Unknown block" (also geth's answer to
     * {@code eth_getLogs} by the hash of a block it does not know).
     */
    UNKNOWN_BLOCK("block not found|unknown block", RpcErrorKind.BEYOND_HEAD),
    /**
     * A provider whose own upstream did not answer in time, as -32603 "internal error: upstream timeout", -32000
     * "request timed out" (geth's -32002) or "context deadline exceeded".
     */
    TIMED_OUT("time(d)? ?out|deadline exceeded", RpcErrorKind.TRANSIENT);

    private final Pattern pattern;
    private final RpcErrorKind kind;

    KnownProviderError(String regex, RpcErrorKind kind) {
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        this.kind = kind;
    }

    /** Returns what a message of this kind means for the caller. */
    public RpcErrorKind kind() {
        return kind;
    }

    /** Returns the first known error whose pattern occurs in {@code text}. */
    public static Optional<KnownProviderError> match(String text) {
        for (KnownProviderError known : values()) {
            if (known.pattern.matcher(text).find()) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }
}
