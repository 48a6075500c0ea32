package io.chainwire.rpc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The known fields of one kind of JSON object, numbered in order, with the bookkeeping a strict
 * reader needs: which were seen (a bit set kept by the caller, so reading allocates nothing), none
 * twice, all required ones present.
 */
final class FieldNames {
  private final String[] names;
  private final byte[][] utf8;

  FieldNames(String... names) {
    this.names = names.clone();
    this.utf8 = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      utf8[i] = names[i].getBytes(StandardCharsets.UTF_8);
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
  int next(JsonReader reader) throws IOException {
    while (reader.next() == JsonReader.Token.NAME) {
      int number = reader.nameIn(this);
      reader.next();
      if (number >= 0) {
        return number;
      }
      reader.skipValue();
    }
    return -1;
  }

  /** Returns the number of the field whose UTF-8 name is {@code bytes[from..from + length)}, or -1. */
  int number(byte[] bytes, int from, int length) {
    for (int i = 0; i < utf8.length; i++) {
      byte[] name = utf8[i];
      if (name.length == length && Arrays.equals(name, 0, length, bytes, from, from + length)) {
        return i;
      }
    }
    return -1;
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
  int mark(int seen, int field, JsonReader reader, String path) {
    if ((seen & (1 << field)) != 0) {
      throw MalformedResponse.at(reader, child(path, names[field]), "field given twice");
    }
    return seen | (1 << field);
  }

  /**
   * Checks that {@code seen} holds every field in {@code required}.
   *
   * @throws MalformedResponse naming the missing fields
   */
  void requireAll(int seen, int required, JsonReader reader, String path, String what) {
    if ((seen & required) == required) {
      return;
    }
    StringJoiner missing = new StringJoiner(", ");
    for (int i = 0; i < names.length; i++) {
      if ((required & (1 << i)) != 0 && (seen & (1 << i)) == 0) {
        missing.add(names[i]);
      }
    }
    throw MalformedResponse.at(reader, path, what + " without " + missing);
  }
}
