package io.chainwire.rpc.internal;

import io.chainwire.rpc.RpcEndpoint;
import io.chainwire.rpc.RpcResponseException;
import java.io.IOException;

/**
 * Sorts the messages of a WebSocket connection: responses (by the id of the object, or of a batch's first entry) and
 * subscription notifications (by subscription id), and reads a notification's result. A message arrives whole, so
 * sorting is a quick first pass and reading a second one.
 */
final class WebSocketMessages {
    static final String NOTIFICATION_METHOD = "eth_subscription";

    private static final int ID = 0;
    private static final int METHOD = 1;
    private static final int PARAMS = 2;
    private static final FieldNames MESSAGE = new FieldNames("id", "method", "params");

    private static final int SUBSCRIPTION = 0;
    private static final int RESULT = 1;
    private static final FieldNames NOTIFICATION_PARAMS = new FieldNames("subscription", "result");

    private WebSocketMessages() {}

    /**
     * Where a message goes: a response with {@code id}, or a notification of {@code subscription}; neither is set for a
     * message that is neither.
     */
    record Route(Long id, String subscription) {}

    static Route route(byte[] message, RpcEndpoint endpoint) {
        try {
            JsonReader reader = JsonReader.of(message);
            JsonReader.Token token = reader.next();
            if (token == JsonReader.Token.BEGIN_ARRAY && reader.next() == JsonReader.Token.BEGIN_OBJECT) {
                return routeObject(reader);
            }
            return token == JsonReader.Token.BEGIN_OBJECT ? routeObject(reader) : new Route(null, null);
        } catch (MalformedJson e) {
            throw ResponseReader.malformedJson("WebSocket message", endpoint, e);
        } catch (IOException e) {
            throw new RpcResponseException(
                    "WebSocket message", endpoint, "", "unreadable message: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the id of the response that {@code prefix}, the start of a message, begins (or of a batch's first
     * response), if the id comes before the prefix ends; null for a notification, or for a prefix that ends first.
     */
    static Long leadingId(byte[] prefix) {
        try {
            JsonReader reader = JsonReader.of(prefix);
            JsonReader.Token token = reader.next();
            if (token == JsonReader.Token.BEGIN_ARRAY) {
                token = reader.next();
            }
            int field;
            while (token == JsonReader.Token.BEGIN_OBJECT && (field = MESSAGE.next(reader)) >= 0) {
                if (field == ID && reader.current() == JsonReader.Token.NUMBER && reader.isLong()) {
                    return reader.longValue();
                }
                reader.skipValue();
            }
        } catch (MalformedJson | IOException e) {
            // The prefix ends before an id.
        }
        return null;
    }

    private static Route routeObject(JsonReader reader) throws IOException {
        Long id = null;
        String method = null;
        String subscription = null;
        int field;
        while ((field = MESSAGE.next(reader)) >= 0) {
            JsonReader.Token value = reader.current();
            if (field == ID && value == JsonReader.Token.NUMBER && reader.isLong()) {
                id = reader.longValue();
            } else if (field == METHOD && value == JsonReader.Token.STRING) {
                method = reader.stringValue();
            } else if (field == PARAMS && value == JsonReader.Token.BEGIN_OBJECT) {
                subscription = subscriptionId(reader);
            } else {
                reader.skipValue();
            }
        }
        return NOTIFICATION_METHOD.equals(method) ? new Route(null, subscription) : new Route(id, null);
    }

    private static String subscriptionId(JsonReader reader) throws IOException {
        String subscription = null;
        int field;
        while ((field = NOTIFICATION_PARAMS.next(reader)) >= 0) {
            if (field == SUBSCRIPTION && reader.current() == JsonReader.Token.STRING) {
                subscription = reader.stringValue();
            } else {
                reader.skipValue();
            }
        }
        return subscription;
    }

    /** Reads {@code params.result} of a notification with {@code resultReader}. */
    static <T> T notificationResult(byte[] message, RpcEndpoint endpoint, ResultReader<T> resultReader) {
        try {
            JsonReader reader = JsonReader.of(message);
            reader.next();
            int field;
            while ((field = MESSAGE.next(reader)) >= 0) {
                if (field == PARAMS && reader.current() == JsonReader.Token.BEGIN_OBJECT) {
                    while ((field = NOTIFICATION_PARAMS.next(reader)) >= 0) {
                        if (field == RESULT) {
                            return resultReader.read(reader, "params.result");
                        }
                        reader.skipValue();
                    }
                } else {
                    reader.skipValue();
                }
            }
            throw new RpcResponseException(
                    NOTIFICATION_METHOD, endpoint, "params", "notification without a result", null);
        } catch (MalformedResponse e) {
            throw new RpcResponseException(NOTIFICATION_METHOD, endpoint, e.path(), e.getMessage(), null);
        } catch (MalformedJson e) {
            throw ResponseReader.malformedJson(NOTIFICATION_METHOD, endpoint, e);
        } catch (IOException e) {
            throw new RpcResponseException(
                    NOTIFICATION_METHOD, endpoint, "", "unreadable message: " + e.getMessage(), e);
        }
    }
}
