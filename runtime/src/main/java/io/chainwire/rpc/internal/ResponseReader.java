package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcErrorException;
import io.chainwire.rpc.RpcResponseException;
import io.chainwire.rpc.RpcResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads JSON-RPC 2.0 response envelopes, single or batched, handing each {@code result} to its
 * call's reader as it streams past. Batch responses may come in any order; they are matched to
 * requests by id, and a missing, repeated or unknown id is reported. A {@code result} that arrives
 * before its {@code id} in a batch entry is buffered (that entry only) until the id is known.
 *
 * <p>Failures come out as the public exceptions: {@link RpcErrorException} for an error object,
 * {@link RpcResponseException} for malformed JSON or content. Other {@link IOException}s (the
 * transport failing mid-body) propagate for the transport to classify.
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
  public static <T> T single(JsonParser parser, RpcEndpoint endpoint, long id, RpcCall<T> call) throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        throw MalformedResponse.at(parser, "expected a JSON-RPC response object, got " + Json.describe(token));
      }
      Envelope envelope = readEnvelope(parser, "", call.reader(), responseId -> call.reader());
      requireEnd(parser);
      envelope.requireResultOrError(parser, "");
      if (envelope.error != null) {
        throw envelope.error.toException(call.method(), endpoint);
      }
      if (envelope.id == null || envelope.id != id) {
        throw MalformedResponse.at(parser, "id", "expected id " + id + ", got " + envelope.idText);
      }
      return (T) envelope.result;
    } catch (MalformedResponse e) {
      throw new RpcResponseException(call.method(), endpoint, e.path(), e.getMessage(), null);
    } catch (JsonProcessingException e) {
      throw malformedJson(call.method(), endpoint, e);
    }
  }

  /**
   * Reads the response to a batch whose requests have ids {@code firstId}, {@code firstId + 1},
   * ..., and returns one outcome per request, in request order.
   */
  @SuppressWarnings("unchecked")
  public static <T> List<RpcResult<T>> batch(
      JsonParser parser, RpcEndpoint endpoint, long firstId, List<? extends RpcCall<? extends T>> calls)
      throws IOException {
    String label = RpcCall.describeBatch(calls);
    int size = calls.size();
    LongFunction<ResultReader<?>> readerById = id -> {
      long index = id - firstId;
      return index >= 0 && index < size ? calls.get((int) index).reader() : null;
    };
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT) {
        // A node that rejects the batch as a whole answers with one error object.
        Envelope envelope = readEnvelope(parser, "", null, readerById);
        requireEnd(parser);
        if (envelope.error != null) {
          throw envelope.error.toException(label, endpoint);
        }
        throw MalformedResponse.at(parser, "expected an array of responses, got a single response");
      }
      if (token != JsonToken.START_ARRAY) {
        throw MalformedResponse.at(parser, "expected an array of responses, got " + Json.describe(token));
      }
      List<RpcResult<T>> results = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        results.add(null);
      }
      int position = 0;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        String at = "[" + position + "]";
        if (token != JsonToken.START_OBJECT) {
          throw MalformedResponse.at(parser, at, "expected a response object, got " + Json.describe(token));
        }
        Envelope envelope = readEnvelope(parser, at, null, readerById);
        long index = envelope.id == null ? -1 : envelope.id - firstId;
        if (index < 0 || index >= size) {
          if (envelope.error != null && envelope.id == null) {
            // The node could not tell which request failed (for example an invalid request).
            throw envelope.error.toException(label, endpoint);
          }
          throw MalformedResponse.at(parser, at + ".id", "id " + envelope.idText + " matches no request of the batch");
        }
        if (results.get((int) index) != null) {
          throw MalformedResponse.at(parser, at + ".id", "a second response for id " + envelope.id);
        }
        envelope.requireResultOrError(parser, at);
        RpcCall<? extends T> call = calls.get((int) index);
        results.set((int) index, envelope.error != null
            ? RpcResult.failure(envelope.error.toException(call.method(), endpoint))
            : RpcResult.success((T) envelope.result));
        position++;
      }
      requireEnd(parser);
      for (int i = 0; i < size; i++) {
        if (results.get(i) == null) {
          results.set(i, RpcResult.failure(new RpcResponseException(calls.get(i).method(), endpoint, "",
              "the batch response has no entry for id " + (firstId + i), null)));
        }
      }
      return results;
    } catch (MalformedResponse e) {
      throw new RpcResponseException(label, endpoint, e.path(), e.getMessage(), null);
    } catch (JsonProcessingException e) {
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
      JsonParser parser, String path, ResultReader<?> beforeId, LongFunction<ResultReader<?>> readerById)
      throws IOException {
    Envelope envelope = new Envelope();
    String resultPath = FieldNames.child(path, "result");
    byte[] buffered = null;
    int seen = 0;
    int field;
    while ((field = ENVELOPE.next(parser)) >= 0) {
      seen = ENVELOPE.mark(seen, field, parser, path);
      switch (field) {
        case ID -> envelope.readId(parser, path);
        case RESULT -> {
          envelope.hasResult = true;
          ResultReader<?> reader = (seen & (1 << ID)) != 0 ? readerFor(envelope, readerById) : beforeId;
          if (reader != null) {
            envelope.result = reader.read(parser, resultPath);
          } else if ((seen & (1 << ID)) == 0) {
            buffered = Json.copyAsBytes(parser);
          } else {
            parser.skipChildren();
          }
        }
        case ERROR -> envelope.error = readError(parser, FieldNames.child(path, "error"));
        default -> throw new IllegalStateException("unhandled field " + field);
      }
    }
    if (buffered != null) {
      ResultReader<?> reader = readerFor(envelope, readerById);
      if (reader != null) {
        try (JsonParser replay = Json.parser(buffered)) {
          replay.nextToken();
          envelope.result = reader.read(replay, resultPath);
        }
      }
    }
    return envelope;
  }

  private static ResultReader<?> readerFor(Envelope envelope, LongFunction<ResultReader<?>> readerById) {
    return envelope.id == null ? null : readerById.apply(envelope.id);
  }

  private static JsonRpcError readError(JsonParser parser, String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw MalformedResponse.at(parser, path, "expected an error object, got " + Json.describe(parser.currentToken()));
    }
    int code = 0;
    String message = null;
    String data = null;
    int seen = 0;
    int field;
    while ((field = ERROR_OBJECT.next(parser)) >= 0) {
      seen = ERROR_OBJECT.mark(seen, field, parser, path);
      switch (field) {
        case CODE -> {
          if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw MalformedResponse.at(parser, path + ".code", "expected an integer error code, got " + parser.getText());
          }
          code = parser.getIntValue();
        }
        case MESSAGE -> {
          if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw MalformedResponse.at(parser, path + ".message",
                "expected an error message string, got " + Json.describe(parser.currentToken()));
          }
          message = parser.getText();
        }
        case DATA -> data = Json.copyAsText(parser);
        default -> throw new IllegalStateException("unhandled field " + field);
      }
    }
    ERROR_OBJECT.requireAll(seen, ERROR_OBJECT.allBut(DATA), parser, path, "error object");
    return new JsonRpcError(code, message, data);
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != null) {
      throw MalformedResponse.at(parser, "unexpected " + Json.describe(token) + " after the response");
    }
  }

  /** Describes JSON that does not parse, with its line and column. */
  static RpcResponseException malformedJson(String method, RpcEndpoint endpoint, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return new RpcResponseException(method, endpoint, "", "malformed JSON: " + e.getOriginalMessage() + where, e);
  }

  /** The members of one response object. */
  private static final class Envelope {
    Long id;
    String idText = "none";
    boolean hasResult;
    Object result;
    JsonRpcError error;

    void readId(JsonParser parser, String path) throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case VALUE_NUMBER_INT -> {
          idText = parser.getText();
          if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            id = parser.getLongValue();
          }
        }
        case VALUE_STRING -> idText = "\"" + parser.getText() + "\"";
        case VALUE_NULL -> idText = "null";
        default -> throw MalformedResponse.at(
            parser, FieldNames.child(path, "id"), "expected a number, string or null id, got " + Json.describe(token));
      }
    }

    void requireResultOrError(JsonParser parser, String path) {
      if (hasResult == (error != null)) {
        throw MalformedResponse.at(
            parser, path, hasResult ? "response with both result and error" : "response with neither result nor error");
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
