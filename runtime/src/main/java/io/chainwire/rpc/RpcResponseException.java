package io.chainwire.rpc;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The response was not valid JSON-RPC or did not hold what the method returns: malformed or truncated JSON, a missing
 * field, bad hex, a value out of range, or a batch whose ids do not match its requests. {@link #path()} says where, for
 * example {@code result[3].topics[1]} for the second topic of the fourth log.
 *
 * <p>A response larger than the client's {@code maxResponseBytes} is one too: {@link #isTooLarge()} is then true, and
 * {@link RpcErrors#classify(RpcException)} reports it as {@link RpcErrorKind#RANGE_TOO_LARGE}, so that a log range is
 * narrowed as for a provider's own cap.
 */
public final class RpcResponseException extends RpcException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long sizeLimit;

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
        this(method, endpoint, path, "bad response" + (path.isEmpty() ? "" : " at " + path) + ": " + detail, -1, cause);
    }

    private RpcResponseException(
            String method, RpcEndpoint endpoint, String path, String message, long sizeLimit, Throwable cause) {
        super(method, endpoint, message, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.sizeLimit = sizeLimit;
    }

    /**
     * Creates the exception for a response that grew past {@code limitBytes} (counted after gzip decompression), and
     * was abandoned there.
     *
     * @param method the method called
     * @param endpoint the node
     * @param limitBytes the client's {@code maxResponseBytes}
     */
    public static RpcResponseException tooLarge(String method, RpcEndpoint endpoint, long limitBytes) {
        return new RpcResponseException(
                method,
                endpoint,
                "",
                "response larger than the limit of " + limitBytes + " bytes (maxResponseBytes); abandoned",
                limitBytes,
                null);
    }

    /** Returns where in the response the problem is, or an empty string for the whole response. */
    public String path() {
        return path;
    }

    /** Returns true if the response was abandoned for being larger than the client's {@code maxResponseBytes}. */
    public boolean isTooLarge() {
        return sizeLimit >= 0;
    }

    /** Returns the {@code maxResponseBytes} that the response exceeded, if {@link #isTooLarge()}. */
    public OptionalLong sizeLimit() {
        return sizeLimit >= 0 ? OptionalLong.of(sizeLimit) : OptionalLong.empty();
    }
}
