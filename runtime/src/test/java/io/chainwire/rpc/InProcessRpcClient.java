package io.chainwire.rpc;

import io.chainwire.rpc.internal.InProcessWire;
import io.chainwire.rpc.internal.JsonReader;
import io.chainwire.rpc.internal.RequestEncoder;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An {@link RpcClient} whose transport is a function in the same process, from JSON-RPC request bytes to response
 * bytes. Requests are encoded exactly as {@link HttpRpcClient} encodes them and answers are read by the same response
 * reader, single calls and batches alike, so a simulated node speaks real JSON-RPC and every answer goes through the
 * production parser. A transport that fails throws a {@link TransportFailure}, which becomes the {@link RpcException}
 * the real transports throw in that case.
 */
public final class InProcessRpcClient implements RpcClient {
    /** The most of an error body the HTTP transport keeps in its exception. */
    private static final int MAX_EXCERPT_BYTES = 2048;
    /** The WebSocket session's bound on one message. */

    /** Answers one HTTP POST or WebSocket message. */
    @FunctionalInterface
    public interface Transport {
        /**
         * Returns the response body to {@code request}, a JSON-RPC request or batch as UTF-8.
         *
         * @param timeout the request's timeout, which a transport that stalls waits out
         * @throws TransportFailure if no JSON-RPC answer comes back
         */
        byte[] exchange(byte[] request, Duration timeout);
    }

    private final RpcEndpoint endpoint;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final Transport transport;
    private final Supplier<Instant> wallClock;
    private long nextId = 1;
    private volatile boolean closed;

    /**
     * Creates a client of {@code endpoint} over {@code transport}.
     *
     * @param wallClock the time against which an HTTP-date {@code Retry-After} is measured
     */
    public InProcessRpcClient(
            RpcEndpoint endpoint,
            Duration timeout,
            long maxResponseBytes,
            Transport transport,
            Supplier<Instant> wallClock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = RpcRequest.positive(timeout, "timeout");
        this.maxResponseBytes = maxResponseBytes;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /**
     * Reads the head in an {@code eth_subscription} notification as the WebSocket client does, so pushed heads go
     * through the production parser too.
     */
    public static BlockHeader readHeadNotification(byte[] message, RpcEndpoint endpoint) {
        return InProcessWire.headNotification(message, endpoint);
    }

    @Override
    public RpcEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public <T> T send(RpcRequest<T> request) {
        requireOpen();
        RpcCall<T> call = request.call();
        long id = ids(1);
        Duration callTimeout = request.timeout().orElse(timeout);
        byte[] answer = exchange(call.method(), RequestEncoder.single(id, call), callTimeout);
        try {
            return ResponseReader.single(JsonReader.of(new ByteArrayInputStream(answer)), endpoint, id, call);
        } catch (IOException e) {
            throw new RpcTransportException(call.method(), endpoint, "reading the response failed: " + e, e);
        }
    }

    @Override
    public <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
        requireOpen();
        if (requests.isEmpty()) {
            return List.of();
        }
        Batch<T> batch = Batch.of(requests, timeout);
        long firstId = ids(requests.size());
        byte[] answer = exchange(batch.label(), RequestEncoder.batch(firstId, batch.calls()), batch.timeout());
        try {
            return ResponseReader.batch(
                    JsonReader.of(new ByteArrayInputStream(answer)), endpoint, firstId, batch.calls());
        } catch (IOException e) {
            throw new RpcTransportException(batch.label(), endpoint, "reading the response failed: " + e, e);
        }
    }

    private synchronized long ids(int count) {
        long first = nextId;
        nextId += count;
        return first;
    }

    private byte[] exchange(String label, byte[] request, Duration callTimeout) {
        byte[] answer;
        try {
            answer = transport.exchange(request, callTimeout);
        } catch (TransportFailure failure) {
            throw failure.toException(label, endpoint, callTimeout, wallClock.get(), maxResponseBytes);
        }
        if (answer.length > maxResponseBytes) {
            throw RpcResponseException.tooLarge(label, endpoint, maxResponseBytes);
        }
        return answer;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the RPC client of " + endpoint + " is closed");
        }
    }

    @Override
    public String toString() {
        return "InProcessRpcClient[" + endpoint + "]";
    }

    /**
     * What a transport raises instead of an answer: an HTTP status other than 2xx (with its {@code Retry-After} header
     * and body), an I/O failure, no answer within the timeout, or an answer larger than the transport accepts.
     */
    public static final class TransportFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private enum Kind {
            STATUS,
            IO,
            TIMEOUT,
            OVERSIZED
        }

        private final Kind kind;
        private final int status;
        private final String retryAfter;
        private final String body;

        private TransportFailure(Kind kind, int status, String retryAfter, String detail) {
            super(kind + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
            this.body = detail;
        }

        /** An HTTP status other than 2xx, with its {@code Retry-After} header (or null) and body. */
        public static TransportFailure status(int status, String retryAfter, String body) {
            if (status / 100 == 2) {
                throw new IllegalArgumentException("status " + status + " is a success");
            }
            return new TransportFailure(Kind.STATUS, status, retryAfter, body);
        }

        /** The connection failed: refused, reset, closed mid-response. */
        public static TransportFailure io(String detail) {
            return new TransportFailure(Kind.IO, -1, null, detail);
        }

        /** No complete answer within the request's timeout. */
        public static TransportFailure timeout() {
            return new TransportFailure(Kind.TIMEOUT, -1, null, "");
        }

        /** An answer longer than the client accepts, whatever its limit. */
        public static TransportFailure oversized() {
            return new TransportFailure(Kind.OVERSIZED, -1, null, "");
        }

        RpcException toException(String label, RpcEndpoint endpoint, Duration timeout, Instant now, long limit) {
            return switch (kind) {
                case STATUS ->
                    new RpcTransportException(
                            label, endpoint, status, InProcessWire.retryAfter(retryAfter, now), excerpt(body));
                case IO -> new RpcTransportException(label, endpoint, "request failed: " + body, null);
                case TIMEOUT -> new RpcTimeoutException(label, endpoint, timeout, null);
                case OVERSIZED -> RpcResponseException.tooLarge(label, endpoint, limit);
            };
        }

        private static String excerpt(String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return bytes.length <= MAX_EXCERPT_BYTES
                    ? body
                    : new String(Arrays.copyOf(bytes, MAX_EXCERPT_BYTES), StandardCharsets.UTF_8);
        }
    }
}
