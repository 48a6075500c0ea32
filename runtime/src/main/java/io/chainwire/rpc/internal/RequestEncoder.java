package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes JSON-RPC 2.0 request envelopes, single or batched, with numeric ids. */
public final class RequestEncoder {
    private RequestEncoder() {}

    /** Returns {@code {"jsonrpc":"2.0","id":id,"method":...,"params":[...]}} as UTF-8. */
    public static byte[] single(long id, RpcCall<?> call) {
        return encode(generator -> writeRequest(generator, id, call));
    }

    /** Returns an array of requests with ids {@code firstId}, {@code firstId + 1}, ... as UTF-8. */
    public static byte[] batch(long firstId, List<? extends RpcCall<?>> calls) {
        return encode(generator -> {
            generator.writeStartArray();
            for (int i = 0; i < calls.size(); i++) {
                writeRequest(generator, firstId + i, calls.get(i));
            }
            generator.writeEndArray();
        });
    }

    private static void writeRequest(JsonGenerator generator, long id, RpcCall<?> call) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("jsonrpc", "2.0");
        generator.writeNumberField("id", id);
        generator.writeStringField("method", call.method());
        generator.writeFieldName("params");
        call.params().write(generator);
        generator.writeEndObject();
    }

    private static byte[] encode(ParamsWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.generator(out)) {
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
