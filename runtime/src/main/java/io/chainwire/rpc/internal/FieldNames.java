package io.chainwire.rpc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The known fields of one kind of JSON object, numbered in order, with the bookkeeping a strict
 * reader needs: which were seen (a bit set kept by the caller, so reading allocates nothing), none
 * twice, all required ones present.
 */
final class FieldNames {
  private final String[] names;
  private final Map<String, Integer> numbers = new HashMap<>();

  FieldNames(String... names) {
    this.names = names.clone();
    for (int i = 0; i < names.length; i++) {
      numbers.put(names[i], i);
    }
  }

  /** Returns the path of member {@code name} under {@code path}, which may be empty (the top level). */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /**
   * Advances to the value of the next known field of the current object, skipping unknown fields;
   * returns that field's number, or -1 at the end of the object.
   */
  int next(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      int number = number(parser.currentName());
      parser.nextToken();
      if (number >= 0) {
        return number;
      }
      parser.skipChildren();
    }
    return -1;
  }

  private int number(String name) {
    // Jackson interns the names it reads, as Java interns literals: identity finds known fields
    // without hashing; the map covers a parser that does not intern.
    for (int i = 0; i < names.length; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    Integer number = numbers.get(name);
    return number == null ? -1 : number;
  }

  /** Returns the JSON name of field {@code field}. */
  String name(int field) {
    return names[field];
  }

  /** Returns the set of every field. */
  int all() {
    return (1 << names.length) - 1;
  }

  /** Returns the set of every field but {@code optional}. */
  int allBut(int optional) {
    return all() & ~(1 << optional);
  }

  /**
   * Returns {@code seen} with {@code field} added.
   *
   * @throws MalformedResponse if it was seen already
   */
  int mark(int seen, int field, JsonParser parser, String path) {
    if ((seen & (1 << field)) != 0) {
      throw MalformedResponse.at(parser, child(path, names[field]), "field given twice");
    }
    return seen | (1 << field);
  }

  /**
   * Checks that {@code seen} holds every field in {@code required}.
   *
   * @throws MalformedResponse naming the missing fields
   */
  void requireAll(int seen, int required, JsonParser parser, String path, String what) {
    if ((seen & required) == required) {
      return;
    }
    StringJoiner missing = new StringJoiner(", ");
    for (int i = 0; i < names.length; i++) {
      if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0) {
        missing.add(names[i]);
      }
    }
    throw MalformedResponse.at(parser, path, what + " without " + missing);
  }
}
