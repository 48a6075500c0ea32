package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcTransportException;
import io.chainwire.rpc.RpcTransportException.Failure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns what the JDK reports when a connection fails, or when a server answers with something else than JSON-RPC, into
 * {@link RpcTransportException}s that say what happened in words a person acts on ("connection refused by
 * http://127.0.0.1:1", "unknown host nosuch.invalid"), the same way for HTTP and WebSocket.
 */
final class TransportFailures {
    private static final int MAX_CAUSES = 16;

    private TransportFailures() {}

    /**
     * Describes a failure to exchange with {@code endpoint}.
     *
     * @param doing what failed when the cause is none of the known ones, such as "reading the response"
     * @param connectTimeout the connect timeout in force, or null if unknown
     */
    static RpcTransportException of(
            String label, RpcEndpoint endpoint, Throwable error, String doing, Duration connectTimeout) {
        if (find(error, HttpConnectTimeoutException.class) != null) {
            String within = connectTimeout == null
                    ? "within the connect timeout"
                    : "within " + connectTimeout.toMillis() + " ms";
            return new RpcTransportException(
                    label,
                    endpoint,
                    Failure.CONNECT_TIMEOUT,
                    "no connection to " + endpoint.redacted() + " " + within,
                    error);
        }
        if (find(error, UnresolvedAddressException.class) != null || find(error, UnknownHostException.class) != null) {
            return new RpcTransportException(
                    label,
                    endpoint,
                    Failure.UNKNOWN_HOST,
                    "unknown host " + endpoint.uri().getHost(),
                    error);
        }
        SSLException tls = find(error, SSLException.class);
        if (tls != null) {
            return new RpcTransportException(
                    label,
                    endpoint,
                    Failure.TLS_HANDSHAKE,
                    "TLS handshake with " + endpoint.redacted() + " failed: " + describe(tls),
                    error);
        }
        if (find(error, ConnectException.class) != null) {
            return new RpcTransportException(
                    label, endpoint, Failure.CONNECTION_REFUSED, "connection refused by " + endpoint.redacted(), error);
        }
        return new RpcTransportException(
                label, endpoint, Failure.CONNECTION_LOST, doing + " failed: " + describe(error), error);
    }

    /**
     * Describes an HTTP answer that is not a JSON-RPC answer: {@link Failure#HTTP_STATUS} for a status that says the
     * server is busy or failing (408, 429, 5xx) or a body in JSON, {@link Failure#NOT_JSON_RPC} for anything else (an
     * HTML page, a 404, a refused WebSocket handshake).
     *
     * @param upgrade true for a WebSocket handshake, where no answer at all is a JSON-RPC answer
     */
    static RpcTransportException answer(
            String label,
            RpcEndpoint endpoint,
            int status,
            String contentType,
            Duration retryAfter,
            String excerpt,
            boolean upgrade) {
        boolean busy = status == 408 || status == 429 || status >= 500;
        String body = excerpt.stripLeading();
        boolean json =
                !upgrade && status / 100 != 2 && (body.isEmpty() || body.startsWith("{") || body.startsWith("["));
        Failure failure = busy || json ? Failure.HTTP_STATUS : Failure.NOT_JSON_RPC;
        return new RpcTransportException(label, endpoint, failure, status, contentType, retryAfter, excerpt);
    }

    /** The call was in flight when its client was closed. */
    static RpcTransportException closed(String label, RpcEndpoint endpoint) {
        return new RpcTransportException(label, endpoint, Failure.CLOSED, "the client was closed", null);
    }

    /** The calling thread was interrupted while it waited. */
    static RpcTransportException interrupted(String label, RpcEndpoint endpoint, InterruptedException e) {
        return new RpcTransportException(label, endpoint, Failure.INTERRUPTED, "interrupted while waiting", e);
    }

    static String describe(Throwable error) {
        return error.getMessage() == null
                ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable cause = error;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
