package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.chainwire.abi.Address;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.Hash;
import io.chainwire.rpc.BlockTag;
import io.chainwire.rpc.LogFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writers for the {@code params} arrays of the typed calls, and for generic Java values. */
public final class Params {
    /** An empty params array. */
    public static final ParamsWriter NONE = generator -> {
        generator.writeStartArray();
        generator.writeEndArray();
    };

    private Params() {}

    /** {@code [block, false]}: a block by number or tag, without full transactions. */
    public static ParamsWriter blockByNumber(BlockTag block) {
        return blockWithoutTransactions(block.toParam());
    }

    /** {@code [hash, false]}: a block by hash, without full transactions. */
    public static ParamsWriter blockByHash(Hash hash) {
        return blockWithoutTransactions(hash.toHex());
    }

    private static ParamsWriter blockWithoutTransactions(String block) {
        return generator -> {
            generator.writeStartArray();
            generator.writeString(block);
            generator.writeBoolean(false);
            generator.writeEndArray();
        };
    }

    /** {@code [filter]}: the filter object of {@code eth_getLogs}. */
    public static ParamsWriter logs(LogFilter filter) {
        return generator -> {
            generator.writeStartArray();
            writeFilter(generator, filter);
            generator.writeEndArray();
        };
    }

    /**
     * Encodes {@code values} now, so that an unsupported value fails at the call site: strings, booleans, integers and
     * decimals, null, maps with string keys, lists and arrays, {@link Hash}, {@link Address} and {@link Bytes} (as
     * hex), {@link BlockTag} and {@link LogFilter}.
     *
     * @throws IllegalArgumentException naming the position of an unsupported value
     */
    public static ParamsWriter of(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Json.generator(out)) {
            writeValue(generator, values, "params");
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        String json = out.toString(StandardCharsets.UTF_8);
        return generator -> generator.writeRawValue(json);
    }

    private static void writeValue(JsonGenerator generator, Object value, String where) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Double || value instanceof Float) {
            generator.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Hash hash) {
            generator.writeString(hash.toHex());
        } else if (value instanceof Address address) {
            generator.writeString(address.toHex());
        } else if (value instanceof Bytes bytes) {
            generator.writeString(bytes.toHex());
        } else if (value instanceof BlockTag block) {
            generator.writeString(block.toParam());
        } else if (value instanceof LogFilter filter) {
            writeFilter(generator, filter);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(
                            where + " has a map key that is not a String: " + entry.getKey());
                }
                generator.writeFieldName(key);
                writeValue(generator, entry.getValue(), where + "." + key);
            }
            generator.writeEndObject();
        } else if (value instanceof Object[] array) {
            writeArray(generator, Arrays.asList(array), where);
        } else if (value instanceof Iterable<?> items) {
            writeArray(generator, items, where);
        } else {
            throw new IllegalArgumentException(
                    where + " is a " + value.getClass().getName() + ", which has no JSON-RPC form; use String, Boolean,"
                            + " a number, null, Map, List, Hash, Address, Bytes, BlockTag or LogFilter");
        }
    }

    private static void writeArray(JsonGenerator generator, Iterable<?> items, String where) throws IOException {
        generator.writeStartArray();
        int index = 0;
        for (Object item : items) {
            writeValue(generator, item, where + "[" + index++ + "]");
        }
        generator.writeEndArray();
    }

    private static void writeFilter(JsonGenerator generator, LogFilter filter) throws IOException {
        generator.writeStartObject();
        if (!filter.addresses().isEmpty()) {
            generator.writeFieldName("address");
            writeOneOrMany(
                    generator, filter.addresses().stream().map(Address::toHex).toList());
        }
        List<List<Hash>> positions = filter.topics().positions();
        if (!positions.isEmpty()) {
            generator.writeArrayFieldStart("topics");
            for (List<Hash> anyOf : positions) {
                if (anyOf.isEmpty()) {
                    generator.writeNull();
                } else {
                    writeOneOrMany(generator, anyOf.stream().map(Hash::toHex).toList());
                }
            }
            generator.writeEndArray();
        }
        if (filter.blockHash().isPresent()) {
            generator.writeStringField("blockHash", filter.blockHash().get().toHex());
        }
        if (filter.fromBlock().isPresent()) {
            generator.writeStringField("fromBlock", filter.fromBlock().get().toParam());
        }
        if (filter.toBlock().isPresent()) {
            generator.writeStringField("toBlock", filter.toBlock().get().toParam());
        }
        generator.writeEndObject();
    }

    private static void writeOneOrMany(JsonGenerator generator, List<String> values) throws IOException {
        if (values.size() == 1) {
            generator.writeString(values.get(0));
            return;
        }
        generator.writeStartArray();
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }
}
