package io.chainwire.testkit.internal.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.testkit.internal.JsonText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON-RPC request or batch as the proxy sees it: each call's method, id, parameters and, for {@code eth_getLogs},
 * its block span. Text that is not JSON-RPC is opaque, without calls: the proxy forwards it and lets the node answer.
 *
 * @param batch true for an array of calls
 * @param calls the calls, in order; empty if opaque
 */
record JsonRpcMessage(boolean batch, List<Call> calls) {
    private static final JsonRpcMessage OPAQUE = new JsonRpcMessage(false, List.of());

    /**
     * One call.
     *
     * @param method the method name
     * @param id the id's JSON text, {@code null} for a notification
     * @param json the call's compact JSON text
     * @param params the elements of its params array, each as compact JSON text; empty if it has none
     * @param span the filter's block span if this is {@code eth_getLogs} with a filter object, else null
     */
    record Call(String method, String id, String json, List<String> params, LogSpan span) {}

    /**
     * The block fields of an {@code eth_getLogs} filter, each null when absent.
     *
     * @param fromBlock a quantity or tag
     * @param toBlock a quantity or tag
     * @param blockHash a block hash, which names one block
     */
    record LogSpan(String fromBlock, String toBlock, String blockHash) {}

    /** Returns the methods of the calls, in order. */
    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    /** Reads a request or batch; anything else is opaque. */
    static JsonRpcMessage parse(byte[] json) {
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                Call call = call(JsonText.copyValue(parser));
                return call == null || parser.nextToken() != null ? OPAQUE : new JsonRpcMessage(false, List.of(call));
            }
            if (first != JsonToken.START_ARRAY) {
                return OPAQUE;
            }
            List<Call> calls = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                Call call = token == JsonToken.START_OBJECT ? call(JsonText.copyValue(parser)) : null;
                if (call == null) {
                    return OPAQUE;
                }
                calls.add(call);
            }
            return calls.isEmpty() || parser.nextToken() != null
                    ? OPAQUE
                    : new JsonRpcMessage(true, List.copyOf(calls));
        } catch (IOException e) {
            return OPAQUE;
        }
    }

    /** Reads one call object from its compact text; null if it has no method. */
    private static Call call(String json) throws IOException {
        String method = null;
        String id = null;
        List<String> params = List.of();
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("method") && value == JsonToken.VALUE_STRING) {
                    method = parser.getText();
                } else if (name.equals("id")) {
                    id = JsonText.copyValue(parser);
                } else if (name.equals("params") && value == JsonToken.START_ARRAY) {
                    params = elements(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (method == null) {
            return null;
        }
        LogSpan span = method.equals("eth_getLogs") && !params.isEmpty() ? filter(params.get(0)) : null;
        return new Call(method, id, json, params, span);
    }

    /** Reads the elements of the array the parser is on, as compact texts, leaving the parser at its end. */
    private static List<String> elements(JsonParser parser) throws IOException {
        List<String> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            elements.add(JsonText.copyValue(parser));
        }
        return List.copyOf(elements);
    }

    /** Reads the block fields of a filter; null if {@code json} is not an object. */
    private static LogSpan filter(String json) throws IOException {
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String from = null;
            String to = null;
            String hash = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                switch (name) {
                    case "fromBlock" -> from = text;
                    case "toBlock" -> to = text;
                    case "blockHash" -> hash = text;
                    default -> parser.skipChildren();
                }
            }
            return new LogSpan(from, to, hash);
        }
    }

    /**
     * Returns the method of a message from the node, such as {@code eth_subscription} for a notification; empty for a
     * response or anything unreadable.
     */
    static Optional<String> methodOf(byte[] json) {
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("method") && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
