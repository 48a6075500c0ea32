package io.chainwire.testkit.internal.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chainwire.testkit.internal.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's cap on {@code eth_getLogs}: a filter that spans more than a number of blocks is refused with Infura's
 * error {@code -32005 "query returned more than 10000 results"}, whatever it would return. Block tags count as the
 * node's head ({@code earliest} as block 0); a filter by block hash names one block.
 */
final class RangeLimit {
    static final int CODE = -32005;
    static final String MESSAGE = "query returned more than 10000 results";

    private final long maxBlocks;
    private final Upstream upstream;

    /** A limit of {@code maxBlocks} blocks per query; 0 for none. */
    RangeLimit(long maxBlocks, Upstream upstream) {
        this.maxBlocks = maxBlocks;
        this.upstream = upstream;
    }

    /** Returns the calls of {@code message} this limit refuses; empty if it has no limit or none is too wide. */
    List<JsonRpcMessage.Call> refused(JsonRpcMessage message) throws IOException, InterruptedException {
        List<JsonRpcMessage.Call> refused = new ArrayList<>();
        if (maxBlocks == 0) {
            return refused;
        }
        Long head = null;
        for (JsonRpcMessage.Call call : message.calls()) {
            JsonRpcMessage.LogSpan span = call.span();
            if (span == null || span.blockHash() != null) {
                continue;
            }
            if (head == null && (isTag(span.fromBlock()) || isTag(span.toBlock()))) {
                head = upstream.blockNumber();
            }
            long from = block(span.fromBlock(), head);
            long to = block(span.toBlock(), head);
            if (from >= 0 && to >= 0 && to - from + 1 > maxBlocks) {
                refused.add(call);
            }
        }
        return refused;
    }

    /**
     * Answers {@code message}, some of whose calls this limit refuses: the refused calls get the error, the others are
     * forwarded to the node as one batch. If the node does not answer that batch with an array, its answer is returned
     * as it is.
     */
    Upstream.Answer answer(JsonRpcMessage message, List<JsonRpcMessage.Call> refused)
            throws IOException, InterruptedException {
        List<String> errors = refused.stream().map(call -> error(call.id())).toList();
        if (!message.batch()) {
            return json(errors.get(0));
        }
        List<String> passed = message.calls().stream()
                .filter(call -> !refused.contains(call))
                .map(JsonRpcMessage.Call::json)
                .toList();
        List<String> elements = new ArrayList<>();
        if (!passed.isEmpty()) {
            Upstream.Answer answer =
                    upstream.post(("[" + String.join(",", passed) + "]").getBytes(StandardCharsets.UTF_8));
            List<String> answered = answer.status() == 200 ? elements(answer.body()) : null;
            if (answered == null) {
                return answer;
            }
            elements.addAll(answered);
        }
        elements.addAll(errors);
        return json("[" + String.join(",", elements) + "]");
    }

    private static Upstream.Answer json(String text) {
        return new Upstream.Answer(200, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id == null ? "null" : id) + ",\"error\":{\"code\":" + CODE
                + ",\"message\":\"" + MESSAGE + "\"}}";
    }

    /** Returns the elements of a JSON array as compact text, or null if the text is not an array. */
    private static List<String> elements(byte[] json) {
        try (JsonParser parser = JsonText.FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> elements = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                elements.add(JsonText.copyValue(parser));
            }
            return elements;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isTag(String block) {
        return block == null || !block.startsWith("0x");
    }

    /** Returns a block number, the head for tags other than {@code earliest}, or -1 if unreadable. */
    private static long block(String block, Long head) {
        if (block == null || List.of("latest", "pending", "safe", "finalized").contains(block)) {
            return head;
        }
        if (block.equals("earliest")) {
            return 0;
        }
        try {
            return Long.parseLong(block.substring(2), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
