package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads JSON-RPC 2.0 response envelopes, single or batched, handing each {@code result} to its call's reader as it
 * streams past. Batch responses may come in any order; they are matched to requests by id, and a missing, repeated or
 * unknown id is reported. A {@code result} that arrives before its {@code id} in a batch entry is buffered (that entry
 * only) until the id is known.
 *
 * <p>Failures come out as the public exceptions: {@link RpcErrorException} for an error object,
 * {@link RpcResponseException} for malformed JSON or content. Other {@link IOException}s (the transport failing
 * mid-body) propagate for the transport to classify.
 */
public final class ResponseReader {
    private static final int ID = 0;
    private static final int RESULT = 1;
    private static final int ERROR = 2;
    private static final FieldNames ENVELOPE = new FieldNames("id", "result", "error");

    private static final int CODE = 0;
    private static final int MESSAGE = 1;
    private static final int DATA = 2;
    private static final FieldNames ERROR_OBJECT = new FieldNames("code", "message", "data");

    private ResponseReader() {}

    /** Reads the response to the request with id {@code id} and returns its result. */
    @SuppressWarnings("unchecked")
    public static <T> T single(JsonReader reader, RpcEndpoint endpoint, long id, RpcCall<T> call) throws IOException {
        try {
            JsonReader.Token token = reader.next();
            if (token != JsonReader.Token.BEGIN_OBJECT) {
                throw MalformedResponse.at(reader, "expected a JSON-RPC response object, got " + token.describe());
            }
            Envelope envelope = readEnvelope(reader, "", call.reader(), responseId -> call.reader());
            requireEnd(reader);
            envelope.requireResultOrError(reader, "");
            if (envelope.error != null) {
                throw envelope.error.toException(call.method(), endpoint);
            }
            if (envelope.id == null || envelope.id != id) {
                throw MalformedResponse.at(reader, "id", "expected id " + id + ", got " + envelope.idText);
            }
            return (T) envelope.result;
        } catch (MalformedResponse e) {
            throw new RpcResponseException(call.method(), endpoint, e.path(), e.getMessage(), null);
        } catch (MalformedJson e) {
            throw malformedJson(call.method(), endpoint, e);
        }
    }

    /**
     * Reads the response to a batch whose requests have ids {@code firstId}, {@code firstId + 1}, ..., and returns one
     * outcome per request, in request order.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<RpcResult<T>> batch(
            JsonReader reader, RpcEndpoint endpoint, long firstId, List<? extends RpcCall<? extends T>> calls)
            throws IOException {
        String label = RpcCall.describeBatch(calls);
        int size = calls.size();
        LongFunction<ResultReader<?>> readerById = id -> {
            long index = id - firstId;
            return index >= 0 && index < size ? calls.get((int) index).reader() : null;
        };
        try {
            JsonReader.Token token = reader.next();
            if (token == JsonReader.Token.BEGIN_OBJECT) {
                // A node that rejects the batch as a whole answers with one error object.
                Envelope envelope = readEnvelope(reader, "", null, readerById);
                requireEnd(reader);
                if (envelope.error != null) {
                    throw envelope.error.toException(label, endpoint);
                }
                throw MalformedResponse.at(reader, "expected an array of responses, got a single response");
            }
            if (token != JsonReader.Token.BEGIN_ARRAY) {
                throw MalformedResponse.at(reader, "expected an array of responses, got " + token.describe());
            }
            List<RpcResult<T>> results = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                results.add(null);
            }
            int position = 0;
            while ((token = reader.next()) != JsonReader.Token.END_ARRAY) {
                String at = "[" + position + "]";
                if (token != JsonReader.Token.BEGIN_OBJECT) {
                    throw MalformedResponse.at(reader, at, "expected a response object, got " + token.describe());
                }
                Envelope envelope = readEnvelope(reader, at, null, readerById);
                long index = envelope.id == null ? -1 : envelope.id - firstId;
                if (index < 0 || index >= size) {
                    if (envelope.error != null && envelope.id == null) {
                        // The node could not tell which request failed (for example an invalid request).
                        throw envelope.error.toException(label, endpoint);
                    }
                    throw MalformedResponse.at(
                            reader, at + ".id", "id " + envelope.idText + " matches no request of the batch");
                }
                if (results.get((int) index) != null) {
                    throw MalformedResponse.at(reader, at + ".id", "a second response for id " + envelope.id);
                }
                envelope.requireResultOrError(reader, at);
                RpcCall<? extends T> call = calls.get((int) index);
                results.set(
                        (int) index,
                        envelope.error != null
                                ? RpcResult.failure(envelope.error.toException(call.method(), endpoint))
                                : RpcResult.success((T) envelope.result));
                position++;
            }
            requireEnd(reader);
            for (int i = 0; i < size; i++) {
                if (results.get(i) == null) {
                    results.set(
                            i,
                            RpcResult.failure(new RpcResponseException(
                                    calls.get(i).method(),
                                    endpoint,
                                    "",
                                    "the batch response has no entry for id " + (firstId + i),
                                    null)));
                }
            }
            return results;
        } catch (MalformedResponse e) {
            throw new RpcResponseException(label, endpoint, e.path(), e.getMessage(), null);
        } catch (MalformedJson e) {
            throw malformedJson(label, endpoint, e);
        }
    }

    /**
     * Reads the members of a response object whose START_OBJECT is the current token.
     *
     * @param beforeId the reader for a result that arrives before the id, or null to buffer it
     * @param readerById the reader for a result once the id is known, or null for an unknown id
     */
    private static Envelope readEnvelope(
            JsonReader reader, String path, ResultReader<?> beforeId, LongFunction<ResultReader<?>> readerById)
            throws IOException {
        Envelope envelope = new Envelope();
        String resultPath = FieldNames.child(path, "result");
        byte[] buffered = null;
        long bufferedOffset = 0;
        int seen = 0;
        int field;
        while ((field = ENVELOPE.next(reader)) >= 0) {
            seen = ENVELOPE.mark(seen, field, reader, path);
            switch (field) {
                case ID -> envelope.readId(reader, path);
                case RESULT -> {
                    envelope.hasResult = true;
                    ResultReader<?> resultReader = (seen & (1 << ID)) != 0 ? readerFor(envelope, readerById) : beforeId;
                    if (resultReader != null) {
                        envelope.result = resultReader.read(reader, resultPath);
                    } else if ((seen & (1 << ID)) == 0) {
                        bufferedOffset = reader.tokenOffset();
                        buffered = reader.copyValue();
                    } else {
                        reader.skipValue();
                    }
                }
                case ERROR -> envelope.error = readError(reader, FieldNames.child(path, "error"));
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        }
        if (buffered != null) {
            ResultReader<?> resultReader = readerFor(envelope, readerById);
            if (resultReader != null) {
                JsonReader replay = JsonReader.of(buffered, bufferedOffset);
                replay.next();
                envelope.result = resultReader.read(replay, resultPath);
            }
        }
        return envelope;
    }

    private static ResultReader<?> readerFor(Envelope envelope, LongFunction<ResultReader<?>> readerById) {
        return envelope.id == null ? null : readerById.apply(envelope.id);
    }

    private static JsonRpcError readError(JsonReader reader, String path) throws IOException {
        if (reader.current() != JsonReader.Token.BEGIN_OBJECT) {
            throw MalformedResponse.at(
                    reader,
                    path,
                    "expected an error object, got " + reader.current().describe());
        }
        int code = 0;
        String message = null;
        String data = null;
        int seen = 0;
        int field;
        while ((field = ERROR_OBJECT.next(reader)) >= 0) {
            seen = ERROR_OBJECT.mark(seen, field, reader, path);
            switch (field) {
                case CODE -> {
                    if (reader.current() != JsonReader.Token.NUMBER
                            || !reader.isLong()
                            || reader.longValue() != (int) reader.longValue()) {
                        throw MalformedResponse.at(
                                reader, path + ".code", "expected an integer error code, got " + reader.text());
                    }
                    code = (int) reader.longValue();
                }
                case MESSAGE -> {
                    if (reader.current() != JsonReader.Token.STRING) {
                        throw MalformedResponse.at(
                                reader,
                                path + ".message",
                                "expected an error message string, got "
                                        + reader.current().describe());
                    }
                    message = reader.stringValue();
                }
                case DATA -> data = reader.copyValueAsText();
                default -> throw new IllegalStateException("unhandled field " + field);
            }
        }
        ERROR_OBJECT.requireAll(seen, ERROR_OBJECT.allBut(DATA), reader, path, "error object");
        return new JsonRpcError(code, message, data);
    }

    private static void requireEnd(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.next();
        if (token != JsonReader.Token.END) {
            throw MalformedResponse.at(reader, "unexpected " + token.describe() + " after the response");
        }
    }

    /** Describes JSON that does not parse, with its line and column. */
    static RpcResponseException malformedJson(String method, RpcEndpoint endpoint, MalformedJson e) {
        return new RpcResponseException(
                method,
                endpoint,
                "",
                "malformed JSON: " + e.getMessage() + " (line " + e.line() + ", column " + e.column() + ")",
                e);
    }

    /** The members of one response object. */
    private static final class Envelope {
        Long id;
        String idText = "none";
        boolean hasResult;
        Object result;
        JsonRpcError error;

        void readId(JsonReader reader, String path) throws IOException {
            JsonReader.Token token = reader.current();
            if (token == JsonReader.Token.NUMBER && reader.isInteger()) {
                idText = reader.text();
                if (reader.isLong()) {
                    id = reader.longValue();
                }
            } else if (token == JsonReader.Token.STRING) {
                idText = "\"" + reader.stringValue() + "\"";
            } else if (token == JsonReader.Token.NULL) {
                idText = "null";
            } else {
                throw MalformedResponse.at(
                        reader,
                        FieldNames.child(path, "id"),
                        "expected a number, string or null id, got " + token.describe());
            }
        }

        void requireResultOrError(JsonReader reader, String path) {
            if (hasResult == (error != null)) {
                throw MalformedResponse.at(
                        reader,
                        path,
                        hasResult ? "response with both result and error" : "response with neither result nor error");
            }
        }
    }

    /** An error object, before it becomes an exception naming the method and endpoint. */
    private record JsonRpcError(int code, String message, String data) {
        RpcErrorException toException(String method, RpcEndpoint endpoint) {
            return new RpcErrorException(method, endpoint, code, message, data);
        }
    }
}
