package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcTimeoutException;
import io.chainwire.rpc.RpcTransportException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;

/**
 * POSTs a request body to a node and hands the response body, as a stream, to a reader. The timeout covers the whole
 * exchange: until the headers through {@link HttpRequest#timeout()}, and for the body a {@link ResponseWatchdog} that
 * closes the stream at the deadline. The body is read through a {@link ResponseLimit} of {@code maxResponseBytes},
 * counted after gzip. Statuses other than 2xx, and bodies that are not JSON, become {@link RpcTransportException}s
 * carrying the status, content type, {@code Retry-After} and the start of the body. {@link #close()} aborts every
 * exchange in flight.
 */
public final class HttpTransport implements Exchange {
    private static final Logger LOG = RpcLogger.LOG;
    private static final int MAX_EXCERPT_BYTES = 2048;

    private final HttpClient client;
    private final RpcEndpoint endpoint;
    private final long maxResponseBytes;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a transport to {@code endpoint} over {@code client}, reading at most {@code maxResponseBytes} of a body.
     */
    public HttpTransport(HttpClient client, RpcEndpoint endpoint, long maxResponseBytes) {
        this.client = client;
        this.endpoint = endpoint;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public <R> R exchange(
            String label, long firstId, int count, byte[] body, Duration timeout, MessageReader<R> reader) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(endpoint.uri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        InFlight call = new InFlight();
        inFlight.add(call);
        try {
            if (closed) {
                throw TransportFailures.closed(label, endpoint);
            }
            HttpResponse<InputStream> response = awaitHeaders(label, request, deadline, timeout, call);
            return read(label, response, deadline, timeout, call, reader);
        } finally {
            inFlight.remove(call);
        }
    }

    /** Aborts every exchange in flight: each fails at once with a transport failure saying the client was closed. */
    public void close() {
        closed = true;
        for (InFlight call : inFlight) {
            call.abort();
        }
    }

    private HttpResponse<InputStream> awaitHeaders(
            String label, HttpRequest request, long deadline, Duration timeout, InFlight call) {
        CompletableFuture<HttpResponse<InputStream>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        call.watch(() -> answer.cancel(true));
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new RpcTimeoutException(label, endpoint, timeout, e);
        } catch (CancellationException e) {
            throw TransportFailures.closed(label, endpoint);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (closed) {
                throw TransportFailures.closed(label, endpoint);
            }
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new RpcTimeoutException(label, endpoint, timeout, cause);
            }
            throw TransportFailures.of(
                    label,
                    endpoint,
                    cause,
                    "the request",
                    client.connectTimeout().orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw TransportFailures.interrupted(label, endpoint, e);
        }
    }

    private <R> R read(
            String label,
            HttpResponse<InputStream> response,
            long deadline,
            Duration timeout,
            InFlight call,
            MessageReader<R> reader) {
        ResponseWatchdog watchdog = ResponseWatchdog.closeAt(deadline, response.body());
        call.watch(response.body());
        try (InputStream raw = response.body()) {
            InputStream decoded = isGzip(response) ? new GZIPInputStream(raw) : raw;
            if (response.statusCode() / 100 != 2) {
                throw answer(label, response, decoded.readNBytes(MAX_EXCERPT_BYTES));
            }
            ResponseLimit limited = ResponseLimit.of(decoded, maxResponseBytes);
            PushbackInputStream body = new PushbackInputStream(limited, 1);
            int first = firstNonWhitespace(body);
            if (first >= 0 && first != '{' && first != '[') {
                byte[] rest = body.readNBytes((int) Math.min(MAX_EXCERPT_BYTES - 1, limited.remaining()));
                byte[] excerpt = new byte[rest.length + 1];
                excerpt[0] = (byte) first;
                System.arraycopy(rest, 0, excerpt, 1, rest.length);
                throw answer(label, response, excerpt);
            }
            if (first >= 0) {
                body.unread(first);
            }
            return reader.read(JsonReader.of(body));
        } catch (ResponseLimit.Exceeded e) {
            throw RpcResponseException.tooLarge(label, endpoint, maxResponseBytes);
        } catch (IOException e) {
            throw failedMidBody(
                    label,
                    timeout,
                    watchdog,
                    e,
                    TransportFailures.of(label, endpoint, e, "reading the response", null));
        } catch (RpcResponseException e) {
            // A stream closed at the deadline, or by close(), can look like truncated JSON.
            throw failedMidBody(label, timeout, watchdog, e, e);
        } finally {
            watchdog.cancel();
        }
    }

    private RpcException failedMidBody(
            String label, Duration timeout, ResponseWatchdog watchdog, Exception e, RpcException otherwise) {
        if (watchdog.fired()) {
            return new RpcTimeoutException(label, endpoint, timeout, e);
        }
        return closed ? TransportFailures.closed(label, endpoint) : otherwise;
    }

    private RpcTransportException answer(String label, HttpResponse<InputStream> response, byte[] excerpt) {
        Duration retryAfter =
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        return TransportFailures.answer(
                label,
                endpoint,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                retryAfter,
                new String(excerpt, StandardCharsets.UTF_8),
                false);
    }

    private static int firstNonWhitespace(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
        return b;
    }

    private static boolean isGzip(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Encoding")
                .map(value -> value.strip().equalsIgnoreCase("gzip"))
                .orElse(false);
    }

    /** What close() must abort of one exchange: its pending answer, then its body. */
    private static final class InFlight {
        private final Set<Closeable> parts = ConcurrentHashMap.newKeySet();
        private volatile boolean aborted;

        void watch(Closeable part) {
            parts.add(part);
            if (aborted) {
                abort();
            }
        }

        void abort() {
            aborted = true;
            for (Closeable part : parts) {
                try {
                    part.close();
                } catch (IOException e) {
                    LOG.debug("aborting an exchange: closing its body failed", e);
                }
            }
        }
    }
}
