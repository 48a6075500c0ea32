package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.abi.RawLog;
import io.chainwire.rpc.LogFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The canonical text of a stream's log filter, as its checkpoint records it: the addresses and each topic position's
 * values, sorted, so that the same filter always gives the same text, and two texts can be compared part by part to say
 * what changed.
 */
final class FilterText {
    private static final String ANY = "any";

    private FilterText() {}

    /** Returns the canonical text of {@code filter}'s addresses and topics. */
    static String of(LogFilter filter) {
        Map<String, TreeSet<String>> parts = new LinkedHashMap<>();
        TreeSet<String> addresses = new TreeSet<>();
        for (Address address : filter.addresses()) {
            addresses.add(address.toHex());
        }
        parts.put("addresses", addresses);
        List<List<Hash>> positions = filter.topics().positions();
        for (int i = 0; i < positions.size(); i++) {
            TreeSet<String> values = new TreeSet<>();
            positions.get(i).forEach(value -> values.add(value.toHex()));
            parts.put("topic" + i, values);
        }
        List<String> text = new ArrayList<>();
        parts.forEach((name, values) -> text.add(name + "=" + (values.isEmpty() ? ANY : String.join(",", values))));
        return String.join(";", text);
    }

    /** Returns what differs between two canonical texts, part by part, for a message. */
    static String difference(String recorded, String now) {
        Map<String, TreeSet<String>> before = parse(recorded);
        Map<String, TreeSet<String>> after = parse(now);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> changes = new ArrayList<>();
        for (String name : names) {
            TreeSet<String> was = before.getOrDefault(name, new TreeSet<>(List.of(ANY)));
            TreeSet<String> is = after.getOrDefault(name, new TreeSet<>(List.of(ANY)));
            TreeSet<String> added = new TreeSet<>(is);
            added.removeAll(was);
            TreeSet<String> removed = new TreeSet<>(was);
            removed.removeAll(is);
            if (!added.isEmpty()) {
                changes.add(name + " added " + added);
            }
            if (!removed.isEmpty()) {
                changes.add(name + " removed " + removed);
            }
        }
        return String.join("; ", changes);
    }

    /**
     * Returns true if the filter of canonical text {@code now} matches a log that the filter of {@code recorded} does
     * not: it adds an address or a topic value, or lifts a restriction.
     */
    static boolean adds(String recorded, String now) {
        Map<String, TreeSet<String>> after = parse(now);
        for (Map.Entry<String, TreeSet<String>> part : parse(recorded).entrySet()) {
            TreeSet<String> was = part.getValue();
            TreeSet<String> is = after.get(part.getKey());
            if (!was.contains(ANY) && (is == null || is.contains(ANY) || !was.containsAll(is))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the filter of canonical text {@code text} matches a log. */
    static Predicate<RawLog> matcher(String text) {
        Map<String, TreeSet<String>> parts = parse(text);
        return log -> {
            for (Map.Entry<String, TreeSet<String>> part : parts.entrySet()) {
                TreeSet<String> values = part.getValue();
                if (values.contains(ANY)) {
                    continue;
                }
                String name = part.getKey();
                String value;
                if (name.equals("addresses")) {
                    value = log.address().toHex();
                } else {
                    int position = Integer.parseInt(name.substring("topic".length()));
                    if (position >= log.topicCount()) {
                        return false;
                    }
                    value = log.topic(position).toHex();
                }
                if (!values.contains(value)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Map<String, TreeSet<String>> parse(String text) {
        Map<String, TreeSet<String>> parts = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(
                        part.substring(0, equals),
                        new TreeSet<>(List.of(part.substring(equals + 1).split(","))));
            }
        }
        return parts;
    }
}
