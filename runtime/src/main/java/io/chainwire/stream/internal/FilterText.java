package io.chainwire.stream.internal;

import io.chainwire.abi.Address;
import io.chainwire.abi.Hash;
import io.chainwire.rpc.LogFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The canonical text of a stream's log filter, as its checkpoint records it: the addresses and
 * each topic position's values, sorted, so that the same filter always gives the same text, and
 * two texts can be compared part by part to say what changed.
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

  private static Map<String, TreeSet<String>> parse(String text) {
    Map<String, TreeSet<String>> parts = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        parts.put(part.substring(0, equals), new TreeSet<>(List.of(part.substring(equals + 1).split(","))));
      }
    }
    return parts;
  }
}
