package io.chainwire.rpc;

import io.chainwire.rpc.internal.Exchange;
import io.chainwire.rpc.internal.MessageReader;
import io.chainwire.rpc.internal.RequestEncoder;
import io.chainwire.rpc.internal.ResponseReader;
import io.chainwire.rpc.internal.RpcCall;
import io.chainwire.rpc.internal.RpcLogger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;

/**
 * What the RPC clients share above their transports: gives each request a fresh id (a batch a run of them), encodes
 * calls and batches, reads the responses with the calls' readers, applies the default timeout, and refuses calls once
 * its client is closed.
 */
final class CallSender {
    private static final Logger LOG = RpcLogger.LOG;

    private final RpcEndpoint endpoint;
    private final Duration timeout;
    private final Exchange exchange;
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean closed;

    CallSender(RpcEndpoint endpoint, Duration timeout, Exchange exchange) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    /** Returns the client's default timeout. */
    Duration timeout() {
        return timeout;
    }

    <T> T send(RpcRequest<T> request) {
        RpcCall<T> call = request.call();
        return call(
                call,
                request.timeout().orElse(timeout),
                id -> reader -> ResponseReader.single(reader, endpoint, id, call));
    }

    /** Sends one call under a fresh id; {@code reader} is given the id and reads the whole response. */
    <R> R call(RpcCall<?> call, Duration timeout, LongFunction<MessageReader<R>> reader) {
        requireOpen();
        long id = nextId.getAndIncrement();
        LOG.debug("{} (id {}) to {}", call.method(), id, endpoint);
        return exchange.exchange(call.method(), id, 1, RequestEncoder.single(id, call), timeout, reader.apply(id));
    }

    <T> List<RpcResult<T>> batch(List<? extends RpcRequest<? extends T>> requests) {
        requireOpen();
        if (requests.isEmpty()) {
            return List.of();
        }
        Batch<T> batch = Batch.of(requests, timeout);
        int size = requests.size();
        long firstId = nextId.getAndAdd(size);
        LOG.debug("{} (ids {}..{}) to {}", batch.label(), firstId, firstId + size - 1, endpoint);
        return exchange.exchange(
                batch.label(),
                firstId,
                size,
                RequestEncoder.batch(firstId, batch.calls()),
                batch.timeout(),
                reader -> ResponseReader.batch(reader, endpoint, firstId, batch.calls()));
    }

    /** Refuses calls from now on; the caller aborts the ones in flight through its transport. */
    void close() {
        closed = true;
    }

    /** Throws if the client is closed. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the RPC client of " + endpoint + " is closed");
        }
    }
}
