package io.chainwire.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The call did not get a JSON-RPC answer: the connection failed (refused, unknown host, TLS, connect timeout, dropped),
 * the server answered with something else than JSON-RPC (an HTTP status other than 2xx, such as 429 with its
 * {@code Retry-After} or a 5xx; an HTML page), or this client was closed. {@link #failure()} says which, for reports;
 * {@link RpcErrors#classify(RpcException)} says what to do about it.
 */
public final class RpcTransportException extends RpcException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN_CHARS = 200;

    /** What kind of transport failure it was. */
    public enum Failure {
        /** Nothing listens at the endpoint's host and port: the connection was refused. */
        CONNECTION_REFUSED,
        /** The endpoint's host name does not resolve. */
        UNKNOWN_HOST,
        /** The TLS handshake failed: an untrusted or wrong certificate, or a server that does not speak TLS there. */
        TLS_HANDSHAKE,
        /** No connection was made within the connect timeout. */
        CONNECT_TIMEOUT,
        /** The server answered with an HTTP status other than 2xx, in JSON or without a body. */
        HTTP_STATUS,
        /**
         * The server answered, but not as a JSON-RPC endpoint: an HTML page, another content type, a 404, a refused
         * WebSocket handshake. Usually a wrong URL.
         */
        NOT_JSON_RPC,
        /** The connection failed or ended during the exchange: reset, closed by the node, a dropped WebSocket. */
        CONNECTION_LOST,
        /** This client was closed while the call was in flight. */
        CLOSED,
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED
    }

    private final Failure failure;
    private final int statusCode;
    private final String contentType;
    private final Duration retryAfter;
    private final String responseExcerpt;

    /**
     * Creates the exception for an I/O failure during the exchange ({@link Failure#CONNECTION_LOST}).
     *
     * @param method the method called
     * @param endpoint the node
     * @param detail what failed
     * @param cause the underlying failure, or null
     */
    public RpcTransportException(String method, RpcEndpoint endpoint, String detail, Throwable cause) {
        this(method, endpoint, Failure.CONNECTION_LOST, detail, cause);
    }

    /**
     * Creates the exception for a failure without an HTTP answer.
     *
     * @param method the method called
     * @param endpoint the node
     * @param failure what kind of failure it was
     * @param detail what failed, for people
     * @param cause the underlying failure, or null
     */
    public RpcTransportException(String method, RpcEndpoint endpoint, Failure failure, String detail, Throwable cause) {
        super(method, endpoint, detail, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.statusCode = -1;
        this.contentType = null;
        this.retryAfter = null;
        this.responseExcerpt = "";
    }

    /**
     * Creates the exception for an HTTP status other than 2xx ({@link Failure#HTTP_STATUS}).
     *
     * @param method the method called
     * @param endpoint the node
     * @param statusCode the HTTP status code
     * @param retryAfter the delay the server asked for in {@code Retry-After}, or null
     * @param responseExcerpt the start of the response body, possibly empty
     */
    public RpcTransportException(
            String method, RpcEndpoint endpoint, int statusCode, Duration retryAfter, String responseExcerpt) {
        this(method, endpoint, Failure.HTTP_STATUS, statusCode, null, retryAfter, responseExcerpt);
    }

    /**
     * Creates the exception for an HTTP answer that is not a JSON-RPC answer. Its message summarises the answer on one
     * line: status, content type and the first 200 characters of the body, with whitespace collapsed.
     *
     * @param method the method called
     * @param endpoint the node
     * @param failure {@link Failure#HTTP_STATUS} or {@link Failure#NOT_JSON_RPC}
     * @param statusCode the HTTP status code
     * @param contentType the answer's {@code Content-Type}, or null if it had none
     * @param retryAfter the delay the server asked for in {@code Retry-After}, or null
     * @param responseExcerpt the start of the response body, possibly empty
     */
    public RpcTransportException(
            String method,
            RpcEndpoint endpoint,
            Failure failure,
            int statusCode,
            String contentType,
            Duration retryAfter,
            String responseExcerpt) {
        super(method, endpoint, describe(failure, statusCode, contentType, retryAfter, responseExcerpt), null);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.statusCode = statusCode;
        this.contentType = contentType;
        this.retryAfter = retryAfter;
        this.responseExcerpt = endpoint.redact(Objects.requireNonNull(responseExcerpt, "responseExcerpt"));
    }

    private static String describe(
            Failure failure, int statusCode, String contentType, Duration retryAfter, String excerpt) {
        StringBuilder text = new StringBuilder();
        text.append(failure == Failure.NOT_JSON_RPC ? "not a JSON-RPC answer: HTTP " : "HTTP status ")
                .append(statusCode);
        if (retryAfter != null) {
            text.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
        }
        text.append(", ")
                .append(contentType == null ? "no content type" : contentType)
                .append(", ");
        String body = excerpt.strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return text.append("empty body").toString();
        }
        boolean cut = body.length() > MAX_SHOWN_CHARS;
        return text.append('\'')
                .append(cut ? body.substring(0, MAX_SHOWN_CHARS) + "..." : body)
                .append('\'')
                .toString();
    }

    /** Returns what kind of transport failure it was. */
    public Failure failure() {
        return failure;
    }

    /** Returns the HTTP status code, if the server answered with one. */
    public OptionalInt statusCode() {
        return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
    }

    /** Returns the {@code Content-Type} of the server's answer, if it answered with one. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** Returns the delay the server asked for in a {@code Retry-After} header, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Returns the start of the HTTP response body (up to 2048 bytes, redacted), or an empty string: more than the
     * message shows, for matching {@linkplain KnownProviderError known provider errors}.
     */
    public String responseExcerpt() {
        return responseExcerpt;
    }
}
