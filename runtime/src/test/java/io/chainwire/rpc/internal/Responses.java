package io.chainwire.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Feeds canned response bodies to {@link ResponseReader}, as the HTTP transport would. */
final class Responses {
    static final RpcEndpoint ENDPOINT = RpcEndpoint.of("http://127.0.0.1:8545");

    private Responses() {}

    static <T> T single(String body, long id, RpcCall<T> call) {
        return single(stream(body), id, call);
    }

    static <T> T single(InputStream body, long id, RpcCall<T> call) {
        try {
            return ResponseReader.single(JsonReader.of(body), ENDPOINT, id, call);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands out the bytes {@code chunk} at a time, so that tokens cross the reader's buffer refills. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /** Reads {@code resultJson} as the {@code result} of the response to request 1. */
    static <T> T result(String resultJson, RpcCall<T> call) {
        return single("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + resultJson + "}", 1, call);
    }

    /** Asserts that {@code call} rejects {@code resultJson} as its result, and returns the failure. */
    static RpcResponseException malformed(String resultJson, RpcCall<?> call) {
        return assertThrows(RpcResponseException.class, () -> result(resultJson, call));
    }

    static <T> List<RpcResult<T>> batch(String body, long firstId, List<? extends RpcCall<? extends T>> calls) {
        try {
            return ResponseReader.batch(JsonReader.of(stream(body)), ENDPOINT, firstId, calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Responses.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
